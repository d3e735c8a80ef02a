package io.sigil.auth.token;

import io.sigil.auth.token.internal.EcPoints;
import io.sigil.auth.token.internal.EcdsaSignatures;

import static io.sigil.auth.token.TestJws.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile tokens against one ring that holds, as a real deployment would, Sigil's own kid-less
 * HS256 secret and an outside issuer's RS256, PS256, ES256, ES384 and EdDSA public keys, each
 * with a kid. Each row: a name, the reason the verifier must give, and the token. The claim and
 * form rows that need only one key live in {@link TokenVerifierTest}.
 */
class HostileTokenTest {

    private static final long NOW = 1_800_000_000L;
    private static final String ISSUER = "https://issuer.example";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private static final SigningKey OWN = SigningKey.hmac(JwsAlgorithm.HS256, null,
            TestKeys.secret(JwsAlgorithm.HS256, 41));
    private static final SigningKey RS = TestKeys.signingKey(JwsAlgorithm.RS256, "rsa-1");
    private static final SigningKey PS = TestKeys.signingKey(JwsAlgorithm.PS256, "ps-1");
    private static final SigningKey ES = TestKeys.signingKey(JwsAlgorithm.ES256, "ec-1");
    private static final SigningKey ES384 = TestKeys.signingKey(JwsAlgorithm.ES384, "ec-384");
    private static final SigningKey ED = TestKeys.signingKey(JwsAlgorithm.EdDSA, "ed-1");
    private static final List<SigningKey> ALL = List.of(OWN, RS, PS, ES, ES384, ED);
    /** An attacker's own key pair, not in the ring. */
    private static final KeyPair ATTACKER = TestKeys.freshPair(JwsAlgorithm.RS256);
    private static final SigningKey ATTACKER_RS = SigningKey.of(JwsAlgorithm.RS256, "rsa-1",
            ATTACKER.getPrivate(), ATTACKER.getPublic());

    private static final TokenVerifier VERIFIER = new TokenVerifier(
            KeyRing.of(ALL.stream().map(SigningKey::verificationKey).toArray(VerificationKey[]::new)),
            new TokenPolicy(ISSUER, Set.of(), Duration.ZERO, Optional.empty(), 16384), CLOCK);

    private static final String CLAIMS = TestJws.object(new java.util.LinkedHashMap<>(java.util.Map.of(
            "iss", ISSUER, "sub", "alice", "exp", NOW + 600, "iat", NOW - 60)));

    static String header(SigningKey key) {
        return key.keyId() == null ? json("{'alg':'" + key.algorithm() + "','typ':'JWT'}")
                : json("{'alg':'" + key.algorithm() + "','typ':'JWT','kid':'" + key.keyId() + "'}");
    }

    static String signed(SigningKey key, String headerJson) {
        String input = TestJws.b64(headerJson) + "." + TestJws.b64(CLAIMS);
        return input + "." + TestJws.b64(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String valid(SigningKey key) {
        return signed(key, header(key));
    }

    /** HS256 over the token with arbitrary bytes (a public key) as the secret. */
    static String hmacWith(byte[] secret, String headerJson) {
        String input = TestJws.b64(headerJson) + "." + TestJws.b64(CLAIMS);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + TestJws.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String withSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + TestJws.b64(signature);
    }

    static byte[] signatureOf(String token) {
        return TestJws.decode(token.substring(token.lastIndexOf('.') + 1));
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "RS256", "PS256", "ES256", "ES384", "EdDSA"})
    void verify_eachKeyOfAMixedRing_acceptsItsOwnTokenAndReportsItsKid(JwsAlgorithm algorithm)
            throws InvalidTokenException {
        SigningKey key = ALL.stream().filter(k -> k.algorithm() == algorithm).findFirst().orElseThrow();

        VerifiedToken verified = VERIFIER.verify(valid(key));

        assertThat(verified.keyId()).isEqualTo(key.keyId());
        assertThat(verified.claims().name()).isEqualTo("alice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void verify_hostileToken_isRefusedWithItsReason(String name, String reason, Supplier<String> token) {
        assertThat(catchThrowable(() -> VERIFIER.verify(token.get())))
                .as(name)
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Arguments row(String name, String reason, Supplier<String> token) {
        return Arguments.of(name, reason, token);
    }

    static Stream<Arguments> hostileTokens() {
        return Stream.of(algNone(), keyConfusion(), badSignatures(), ecdsaRanges(), kids(), headerFields())
                .flatMap(s -> s);
    }

    private static final String WRONG_ALG = "algorithm does not match the key";
    private static final String MISMATCH = "signature mismatch";
    private static final String UNKNOWN_KID = "unknown kid";

    private static Stream<Arguments> algNone() {
        return Stream.of("none", "None", "NONE", "nOnE", "none ", " none", "none\\u0000", "NoNe").flatMap(alg ->
                Stream.concat(Stream.of(
                        row("alg '" + alg + "', no kid, empty signature", WRONG_ALG, () -> TestJws.b64(
                                "{\"alg\":\"" + alg + "\"}") + "." + TestJws.b64(CLAIMS) + "."),
                        row("alg '" + alg + "', no kid, HS256 signature of Sigil's key", WRONG_ALG,
                                () -> signed(OWN, "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}"))),
                        ALL.stream().filter(k -> k.keyId() != null).map(key -> row("alg '" + alg + "' with kid "
                                + key.keyId() + ", empty signature", WRONG_ALG, () -> TestJws.b64("{\"alg\":\"" + alg
                                + "\",\"kid\":\"" + key.keyId() + "\"}") + "." + TestJws.b64(CLAIMS) + "."))));
    }

    private static Stream<Arguments> keyConfusion() {
        return Stream.of(RS, PS, ES, ES384, ED).flatMap(key -> {
            java.security.PublicKey publicKey = key.verificationKey().publicKey().orElseThrow();
            byte[] pem = PemKeys.toPem(publicKey).getBytes(StandardCharsets.US_ASCII);
            byte[] der = publicKey.getEncoded();
            byte[] jwk = Jwk.publicJwk(key.verificationKey()).orElseThrow().toString().getBytes(StandardCharsets.UTF_8);
            String withKid = json("{'alg':'HS256','typ':'JWT','kid':'" + key.keyId() + "'}");
            String noKid = json("{'alg':'HS256','typ':'JWT'}");
            return Stream.of(
                    row("HS256 with " + key.keyId() + "'s PEM public key as secret, its kid", WRONG_ALG,
                            () -> hmacWith(pem, withKid)),
                    row("HS256 with " + key.keyId() + "'s DER public key as secret, its kid", WRONG_ALG,
                            () -> hmacWith(der, withKid)),
                    row("HS256 with " + key.keyId() + "'s PEM public key as secret, no kid", MISMATCH,
                            () -> hmacWith(pem, noKid)),
                    row("HS256 with " + key.keyId() + "'s DER public key as secret, no kid", MISMATCH,
                            () -> hmacWith(der, noKid)),
                    row("HS256 with " + key.keyId() + "'s public JWK text as secret, no kid", MISMATCH,
                            () -> hmacWith(jwk, noKid)),
                    row(key.keyId() + "'s valid token relabelled HS256", WRONG_ALG, () -> {
                        String token = valid(key);
                        return TestJws.b64(withKid) + token.substring(token.indexOf('.'));
                    }));
        });
    }

    private static Stream<Arguments> badSignatures() {
        return ALL.stream().flatMap(key -> {
            String name = key.algorithm() + (key.keyId() == null ? "" : " " + key.keyId());
            return Stream.of(
                    row(name + ": empty signature", MISMATCH, () -> withSignature(valid(key), new byte[0])),
                    row(name + ": signature truncated by one byte", MISMATCH, () -> {
                        byte[] signature = signatureOf(valid(key));
                        return withSignature(valid(key), Arrays.copyOf(signature, signature.length - 1));
                    }),
                    row(name + ": signature one byte longer", MISMATCH, () -> {
                        byte[] signature = signatureOf(valid(key));
                        return withSignature(valid(key), Arrays.copyOf(signature, signature.length + 1));
                    }),
                    row(name + ": signature of 4096 bytes", MISMATCH,
                            () -> withSignature(valid(key), Arrays.copyOf(signatureOf(valid(key)), 4096))),
                    row(name + ": last signature byte flipped", MISMATCH, () -> {
                        byte[] signature = signatureOf(valid(key));
                        signature[signature.length - 1] ^= 1;
                        return withSignature(valid(key), signature);
                    }),
                    row(name + ": signature of another token under the same key", MISMATCH, () -> {
                        String other = signed(key, header(key).replace("\"JWT\"", "\"jwt\""));
                        return withSignature(valid(key), signatureOf(other));
                    }));
        });
    }

    private static Stream<Arguments> ecdsaRanges() {
        return Stream.of(ES, ES384).flatMap(key -> {
            int n = key.algorithm().ecdsaComponentLength();
            BigInteger order = ((ECPublicKey) key.verificationKey().publicKey().orElseThrow()).getParams().getOrder();
            byte[] zero = new byte[n];
            byte[] orderBytes = EcPoints.fixedLength(order, n);
            Supplier<byte[]> r = () -> Arrays.copyOfRange(signatureOf(valid(key)), 0, n);
            Supplier<byte[]> s = () -> Arrays.copyOfRange(signatureOf(valid(key)), n, 2 * n);
            String name = key.algorithm() + " " + key.keyId();
            return Stream.of(
                    row(name + ": r=0", MISMATCH, () -> withSignature(valid(key), concat(zero, s.get()))),
                    row(name + ": s=0", MISMATCH, () -> withSignature(valid(key), concat(r.get(), zero))),
                    row(name + ": r=s=0", MISMATCH, () -> withSignature(valid(key), concat(zero, zero))),
                    row(name + ": r=n", MISMATCH, () -> withSignature(valid(key), concat(orderBytes, s.get()))),
                    row(name + ": s=n", MISMATCH, () -> withSignature(valid(key), concat(r.get(), orderBytes))),
                    row(name + ": DER-encoded signature instead of R||S", MISMATCH, () -> withSignature(valid(key),
                            EcdsaSignatures.rawToDer(signatureOf(valid(key)), n, order))),
                    row(name + ": signed by the other curve's key under this kid", MISMATCH, () -> {
                        SigningKey other = key == ES ? ES384 : ES;
                        String token = signed(other, header(key));
                        return token;
                    }));
        });
    }

    private static Stream<Arguments> kids() {
        return Stream.of("unknown-kid", "../../etc/passwd", "/etc/passwd", "file:///etc/passwd",
                        "https://attacker.example/jwks.json", "classpath:keys/public.pem", "rsa-1 ", "RSA-1",
                        "rsa-1\u0000", "x".repeat(2000), "")
                .map(kid -> row("RS256 token of an attacker key with kid '" + (kid.length() > 40 ? "x*2000" : kid)
                        + "'", UNKNOWN_KID, () -> signed(ATTACKER_RS,
                        "{\"alg\":\"RS256\",\"kid\":" + TestJws.object(java.util.Map.of("k", kid)).substring(5))))
                .map(arguments -> arguments);
    }

    private static Stream<Arguments> headerFields() {
        String attackerJwk = Jwk.publicJwk(ATTACKER_RS.verificationKey()).orElseThrow().toString();
        String keyRefs = "key references in the header are not supported";
        return Stream.of(
                row("attacker RS256 token with its key embedded as jwk, kid rsa-1", keyRefs,
                        () -> signed(ATTACKER_RS, "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"jwk\":" + attackerJwk + "}")),
                row("attacker RS256 token with its key embedded as jwk, no kid", keyRefs,
                        () -> signed(ATTACKER_RS, "{\"alg\":\"RS256\",\"jwk\":" + attackerJwk + "}")),
                row("jku pointing at the attacker", keyRefs, () -> signed(ATTACKER_RS,
                        json("{'alg':'RS256','kid':'rsa-1','jku':'https://attacker.example/jwks.json'}"))),
                row("x5u pointing at the attacker", keyRefs, () -> signed(ATTACKER_RS,
                        json("{'alg':'RS256','kid':'rsa-1','x5u':'https://attacker.example/cert.pem'}"))),
                row("x5c with a certificate chain", keyRefs, () -> signed(ATTACKER_RS,
                        json("{'alg':'RS256','kid':'rsa-1','x5c':['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA']}"))),
                row("valid RS256 token plus jwk of the right key", keyRefs, () -> signed(RS,
                        "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"jwk\":"
                                + Jwk.publicJwk(RS.verificationKey()).orElseThrow() + "}")),
                row("valid ES256 token with crit", "critical header parameters are not supported",
                        () -> signed(ES, json("{'alg':'ES256','kid':'ec-1','crit':['exp'],'exp':1}"))),
                row("valid ES256 token with empty crit", "critical header parameters are not supported",
                        () -> signed(ES, json("{'alg':'ES256','kid':'ec-1','crit':[]}"))),
                row("valid EdDSA token with b64 false", "unencoded payloads are not supported",
                        () -> signed(ED, json("{'alg':'EdDSA','kid':'ed-1','b64':false}"))),
                row("valid EdDSA token with b64 true", "unencoded payloads are not supported",
                        () -> signed(ED, json("{'alg':'EdDSA','kid':'ed-1','b64':true}"))),
                row("valid RS256 token with typ JWS", "unexpected typ",
                        () -> signed(RS, json("{'alg':'RS256','kid':'rsa-1','typ':'JWS'}"))),
                row("valid RS256 token with typ at+jwt", "unexpected typ",
                        () -> signed(RS, json("{'alg':'RS256','kid':'rsa-1','typ':'at+jwt'}"))),
                row("valid RS256 token with typ empty", "unexpected typ",
                        () -> signed(RS, json("{'alg':'RS256','kid':'rsa-1','typ':''}"))),
                row("valid RS256 token with typ JWT followed by a space", "unexpected typ",
                        () -> signed(RS, json("{'alg':'RS256','kid':'rsa-1','typ':'JWT '}"))),
                row("kid a number", "kid must be a string", () -> signed(RS, json("{'alg':'RS256','kid':1}"))),
                row("kid null", "kid must be a string", () -> signed(RS, json("{'alg':'RS256','kid':null}"))),
                row("PS256 signature by the RSA key under the RS256 kid", WRONG_ALG,
                        () -> signed(PS, json("{'alg':'PS256','kid':'rsa-1'}"))),
                row("RS256 signature by the RSA key under the PS256 kid", WRONG_ALG,
                        () -> signed(RS, json("{'alg':'RS256','kid':'ps-1'}"))),
                row("valid RS256 signature relabelled RS384", WRONG_ALG, () -> {
                    String token = valid(RS);
                    return TestJws.b64(json("{'alg':'RS384','kid':'rsa-1'}")) + token.substring(token.indexOf('.'));
                }),
                row("ES384 token under the ES256 kid", WRONG_ALG,
                        () -> signed(ES384, json("{'alg':'ES384','kid':'ec-1'}"))),
                row("EdDSA token claiming Ed448", WRONG_ALG, () -> signed(ED, json("{'alg':'Ed448','kid':'ed-1'}"))),
                row("RS256 token without kid (no kid-less RS256 key)", WRONG_ALG,
                        () -> signed(RS, json("{'alg':'RS256'}"))),
                row("alg an array", "alg must be a string", () -> signed(RS, json("{'alg':['RS256'],'kid':'rsa-1'}"))),
                row("duplicate kid in the header", "header is not valid JSON: duplicate member",
                        () -> signed(RS, json("{'alg':'RS256','kid':'rsa-1','kid':'ec-1'}"))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
