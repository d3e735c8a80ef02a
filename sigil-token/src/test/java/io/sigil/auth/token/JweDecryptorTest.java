package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips of {@link JweEncryptor} and {@link JweDecryptor} for both key management
 * algorithms, and a table of hostile encrypted tokens, every one refused with the one reason
 * {@link JweDecryptor#REFUSED}: nothing in the answer tells a wrong key from a bad tag or a bad
 * header.
 */
class JweDecryptorTest {

    private static final byte[] CONTENT = "a.b.c".getBytes(StandardCharsets.US_ASCII);
    private static final String GOOD_HEADER = "{'alg':'RSA-OAEP-256','enc':'A256GCM','cty':'JWT'}";

    private static RSAPublicKey recipient() {
        return (RSAPublicKey) TestJwe.pair().getPublic();
    }

    private static String good() {
        return new JweEncryptor(recipient(), JweAlgorithm.RSA_OAEP_256, null).encrypt(CONTENT, "JWT");
    }

    @ParameterizedTest
    @EnumSource(JweAlgorithm.class)
    void decrypt_ownEncryption_givesTheContent(JweAlgorithm algorithm) throws InvalidTokenException {
        String jwe = new JweEncryptor(recipient(), algorithm, "k1").encrypt(CONTENT, "JWT");

        JweDecryptor.Decrypted decrypted = TestJwe.decryptor(algorithm).decrypt(jwe);

        assertThat(decrypted.plaintext()).isEqualTo(CONTENT);
        assertThat(decrypted.contentType()).isEqualTo("JWT");
        assertThat(decrypted.keyId()).isEqualTo("k1");
    }

    @Test
    void decrypt_defaultAlgorithms_acceptBoth() throws InvalidTokenException {
        JweDecryptor both = TestJwe.decryptor(JweAlgorithm.RSA_OAEP, JweAlgorithm.RSA_OAEP_256);
        for (JweAlgorithm algorithm : JweAlgorithm.values()) {
            String jwe = new JweEncryptor(recipient(), algorithm, null).encrypt(CONTENT, "JWT");
            assertThat(both.decrypt(jwe).plaintext()).isEqualTo(CONTENT);
        }
    }

    @Test
    void decrypt_handBuiltSoundToken_givesTheContent() throws InvalidTokenException {
        // the table's tokens are built by TestJwe.seal: its sound output must pass
        assertThat(TestJwe.decryptor(JweAlgorithm.RSA_OAEP_256).decrypt(TestJwe.seal(GOOD_HEADER, CONTENT))
                .plaintext()).isEqualTo(CONTENT);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                row("encrypted for another key", () -> TestJwe.seal(GOOD_HEADER, TestJwe.otherPair().getPublic(),
                        JweAlgorithm.RSA_OAEP_256, 32, CONTENT)),
                row("tag truncated by one byte", () -> withPart(good(), 4, shorten(part(good(), 4)))),
                row("tag altered", () -> flip(good(), 4)),
                row("tag empty", () -> withPart(good(), 4, "")),
                row("header altered (kid added)", () -> withPart(good(), 0,
                        TestJws.b64(TestJws.json("{'alg':'RSA-OAEP-256','enc':'A256GCM','cty':'JWT','kid':'x'}")))),
                row("IV altered", () -> flip(good(), 2)),
                row("IV of 16 bytes", () -> withPart(good(), 2, TestJws.b64(new byte[16]))),
                row("encrypted key altered", () -> flip(good(), 1)),
                row("encrypted key truncated", () -> withPart(good(), 1, shorten(part(good(), 1)))),
                row("encrypted key empty", () -> withPart(good(), 1, "")),
                row("ciphertext altered", () -> flip(good(), 3)),
                row("huge ciphertext", () -> withPart(good(), 3, "A".repeat(9000))),
                row("zip DEF", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256GCM','zip':'DEF'}", CONTENT)),
                row("crit", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256GCM','crit':['exp'],'exp':1}", CONTENT)),
                row("jku", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256GCM','jku':'https://x.example'}", CONTENT)),
                row("jwk", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256GCM','jwk':{'kty':'RSA'}}", CONTENT)),
                row("x5u", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256GCM','x5u':'https://x.example'}", CONTENT)),
                row("x5c", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256GCM','x5c':['AA']}", CONTENT)),
                row("alg and enc swapped", () -> TestJwe.seal("{'alg':'A256GCM','enc':'RSA-OAEP-256'}", CONTENT)),
                row("enc A128GCM", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A128GCM'}",
                        TestJwe.pair().getPublic(), JweAlgorithm.RSA_OAEP_256, 16, CONTENT)),
                row("enc A256CBC-HS512", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256CBC-HS512'}", CONTENT)),
                row("alg RSA-OAEP for a key bound to RSA-OAEP-256", () -> TestJwe.seal(
                        "{'alg':'RSA-OAEP','enc':'A256GCM'}", TestJwe.pair().getPublic(), JweAlgorithm.RSA_OAEP, 32, CONTENT)),
                row("alg says RSA-OAEP-256, key encrypted with RSA-OAEP", () -> TestJwe.seal(
                        "{'alg':'RSA-OAEP-256','enc':'A256GCM'}", TestJwe.pair().getPublic(), JweAlgorithm.RSA_OAEP, 32, CONTENT)),
                row("alg RSA1_5", () -> TestJwe.seal("{'alg':'RSA1_5','enc':'A256GCM'}", CONTENT)),
                row("alg dir", () -> TestJwe.seal("{'alg':'dir','enc':'A256GCM'}", CONTENT)),
                row("alg none", () -> TestJwe.seal("{'alg':'none','enc':'A256GCM'}", CONTENT)),
                row("alg in lower case", () -> TestJwe.seal("{'alg':'rsa-oaep-256','enc':'A256GCM'}", CONTENT)),
                row("alg not a string", () -> TestJwe.seal("{'alg':1,'enc':'A256GCM'}", CONTENT)),
                row("duplicate alg", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','alg':'RSA-OAEP-256','enc':'A256GCM'}", CONTENT)),
                row("typ JOSE+JSON", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256GCM','typ':'JOSE+JSON'}", CONTENT)),
                row("content key of 16 bytes", () -> TestJwe.seal("{'alg':'RSA-OAEP-256','enc':'A256GCM'}",
                        TestJwe.pair().getPublic(), JweAlgorithm.RSA_OAEP_256, 16, CONTENT)),
                row("header not JSON", () -> withPart(good(), 0, TestJws.b64("not json"))),
                row("four parts", () -> good().substring(0, good().lastIndexOf('.'))),
                row("six parts", () -> good() + ".AAAA"),
                row("three parts (a JWS)", () -> TestJws.token(new byte[32], "{\"alg\":\"HS256\"}", "{}")),
                row("padding in the tag", () -> withPart(good(), 4, part(good(), 4) + "==")),
                row("non-canonical base64url in the IV", () -> withPart(good(), 2, nonCanonical(part(good(), 2)))),
                row("standard base64 characters", () -> good().replace('-', '+').replace('_', '/') + "+/"),
                row("white space", () -> good().replaceFirst("\\.", ". ")),
                row("empty", () -> ""),
                row("only dots", () -> "...."),
                row("too long", () -> "A".repeat(8193)));
    }

    private static Arguments row(String name, Supplier<String> token) {
        return Arguments.of(name, token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void decrypt_hostileToken_isRefusedWithTheOneReason(String name, Supplier<String> token) {
        JweDecryptor decryptor = TestJwe.decryptor(JweAlgorithm.RSA_OAEP_256);

        Throwable thrown = catchThrowable(() -> decryptor.decrypt(token.get()));

        assertThat(thrown).isInstanceOf(InvalidTokenException.class);
        assertThat(((InvalidTokenException) thrown).reason()).isEqualTo(JweDecryptor.REFUSED);
        assertThat(thrown.getMessage()).isEqualTo(JweDecryptor.REFUSED);
    }

    static Stream<Arguments> causes() {
        return Stream.of(
                Arguments.of("zip DEF", "header member zip is not supported"),
                Arguments.of("encrypted for another key", "tag mismatch"),
                Arguments.of("encrypted key altered", "tag mismatch"),
                Arguments.of("content key of 16 bytes", "tag mismatch"),
                Arguments.of("huge ciphertext", "token too long"),
                Arguments.of("alg and enc swapped", "unsupported alg"),
                Arguments.of("enc A128GCM", "unsupported enc"),
                Arguments.of("alg RSA-OAEP for a key bound to RSA-OAEP-256", "algorithm does not match the key"),
                Arguments.of("tag truncated by one byte", "wrong IV or tag length"),
                Arguments.of("six parts", "encrypted token must have exactly five parts"),
                Arguments.of("non-canonical base64url in the IV", "non-canonical base64url"));
    }

    /** The one reason hides the cause from callers; the cause, kept for FINE logs, shows each check fired. */
    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    void decrypt_hostileToken_keepsItsCauseForLogs(String name, String cause) {
        Supplier<String> token = hostile().filter(row -> row.get()[0].equals(name)).findFirst()
                .map(row -> (Supplier<String>) row.get()[1]).orElseThrow();

        Throwable thrown = catchThrowable(() -> TestJwe.decryptor(JweAlgorithm.RSA_OAEP_256).decrypt(token.get()));

        assertThat(((InvalidTokenException) thrown.getCause()).reason()).isEqualTo(cause);
    }

    @Test
    void decrypt_null_isRefusedWithTheOneReason() {
        Throwable thrown = catchThrowable(() -> TestJwe.decryptor(JweAlgorithm.RSA_OAEP).decrypt(null));

        assertThat(((InvalidTokenException) thrown).reason()).isEqualTo(JweDecryptor.REFUSED);
    }

    /** Seeded mutations of a sound token: each is refused with the one reason, and nothing else is thrown. */
    @Test
    void decrypt_randomMutations_areRefusedWithTheOneReasonOnly() {
        JweDecryptor decryptor = TestJwe.decryptor(JweAlgorithm.RSA_OAEP_256);
        String good = good();
        String alphabet = TestJws.ALPHABET + ".=+/ \u00e9";
        java.util.Random random = new java.util.Random(20261129L);
        for (int i = 0; i < 200; i++) {
            StringBuilder mutated = new StringBuilder(good);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> mutated.deleteCharAt(at);
                    default -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String token = mutated.toString();
            if (token.equals(good)) {
                continue;
            }
            Throwable thrown = catchThrowable(() -> decryptor.decrypt(token));
            assertThat(thrown).as(token).isInstanceOf(InvalidTokenException.class);
            assertThat(((InvalidTokenException) thrown).reason()).isEqualTo(JweDecryptor.REFUSED);
        }
    }

    @Test
    void keyOf_rsaKeyBelow2048Bits_isRefused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Throwable thrown = catchThrowable(() -> DecryptionKey.of(null, generator.generateKeyPair().getPrivate(),
                java.util.Set.of(JweAlgorithm.RSA_OAEP)));

        assertThat(thrown).isInstanceOf(InvalidKeyMaterialException.class);
        assertThat(((InvalidKeyMaterialException) thrown).reason()).contains("2048");
    }

    static String part(String jwe, int index) {
        return TestJws.parts(jwe)[index];
    }

    static String withPart(String jwe, int index, String value) {
        String[] parts = TestJws.parts(jwe);
        parts[index] = value;
        return String.join(".", parts);
    }

    /** Flips the lowest bit of the part's first byte. */
    static String flip(String jwe, int index) {
        byte[] bytes = TestJws.decode(part(jwe, index));
        bytes[0] ^= 1;
        return withPart(jwe, index, TestJws.b64(bytes));
    }

    /** Drops the last byte of a part. */
    private static String shorten(String part) {
        byte[] bytes = TestJws.decode(part);
        return TestJws.b64(java.util.Arrays.copyOf(bytes, bytes.length - 1));
    }

    /** A 12-byte IV is 16 characters, which has no spare bits: append a character that leaves some set. */
    private static String nonCanonical(String iv) {
        return iv + "AB";
    }
}
