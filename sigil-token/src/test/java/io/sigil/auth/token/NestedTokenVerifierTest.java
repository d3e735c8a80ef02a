package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signed-then-encrypted tokens through {@link NestedTokenVerifier}: the nested signature and
 * claims are checked as for a plain JWS; "encrypted only" tokens and encrypted tokens whose signed
 * content fails are refused; and both directions against nimbus-jose-jwt (test scope only).
 */
class NestedTokenVerifierTest {

    private static final long NOW = 1_800_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final TokenPolicy POLICY = new TokenPolicy("sigil", Set.of(), Duration.ZERO, Optional.empty(), 8192);
    private static final SigningKey SIGNING = SigningKey.hmac(JwsAlgorithm.HS256, null,
            TestKeys.secret(JwsAlgorithm.HS256, 3));
    private static final TokenVerifier JWS = new TokenVerifier(KeyRing.of(SIGNING.verificationKey()), POLICY, CLOCK);

    private static NestedTokenVerifier verifier(JweAlgorithm... algorithms) {
        return new NestedTokenVerifier(JWS, Optional.of(TestJwe.decryptor(algorithms)));
    }

    private static String signed(long exp) {
        return TokenIssuer.sign(SIGNING, Json.createObjectBuilder().add("iss", "sigil").add("sub", "alice")
                .add("upn", "alice").add("exp", exp).add("iat", NOW - 10).build());
    }

    private static JweEncryptor encryptor(JweAlgorithm algorithm) {
        return new JweEncryptor((RSAPublicKey) TestJwe.pair().getPublic(), algorithm, null);
    }

    @ParameterizedTest
    @EnumSource(JweAlgorithm.class)
    void verify_signedThenEncrypted_isAccepted(JweAlgorithm algorithm) throws InvalidTokenException {
        String jwe = encryptor(algorithm).encryptNested(signed(NOW + 600));

        VerifiedToken token = verifier(JweAlgorithm.values()).verify(jwe);

        assertThat(token.claims().name()).isEqualTo("alice");
        assertThat(token.compact()).isEqualTo(jwe);
    }

    @Test
    void verify_plainJws_isStillAccepted() throws InvalidTokenException {
        assertThat(verifier(JweAlgorithm.RSA_OAEP).verify(signed(NOW + 600)).claims().name()).isEqualTo("alice");
    }

    @Test
    void verify_encryptedExpiredToken_isRefusedByTheClaimChecks() {
        String jwe = encryptor(JweAlgorithm.RSA_OAEP_256).encryptNested(signed(NOW - 600));

        Throwable thrown = catchThrowable(() -> verifier(JweAlgorithm.RSA_OAEP_256).verify(jwe));

        assertThat(((InvalidTokenException) thrown).reason()).isEqualTo("token expired");
    }

    @Test
    void verify_encryptedTokenSignedByAnotherKey_isRefused() {
        String forged = TestJws.token(TestKeys.secret(JwsAlgorithm.HS256, 99), "{\"alg\":\"HS256\"}",
                "{\"iss\":\"sigil\",\"sub\":\"mallory\",\"exp\":" + (NOW + 600) + "}");
        String jwe = encryptor(JweAlgorithm.RSA_OAEP_256).encryptNested(forged);

        Throwable thrown = catchThrowable(() -> verifier(JweAlgorithm.RSA_OAEP_256).verify(jwe));

        assertThat(((InvalidTokenException) thrown).reason()).isEqualTo("signature mismatch");
    }

    @Test
    void verify_encryptedOnlyClaims_isRefused() {
        byte[] claims = ("{\"iss\":\"sigil\",\"sub\":\"mallory\",\"exp\":" + (NOW + 600) + "}")
                .getBytes(StandardCharsets.UTF_8);
        String withoutCty = encryptor(JweAlgorithm.RSA_OAEP_256).encrypt(claims, null);
        String claimsAsJwt = encryptor(JweAlgorithm.RSA_OAEP_256).encrypt(claims, "JWT");

        for (String jwe : new String[] {withoutCty, claimsAsJwt}) {
            Throwable thrown = catchThrowable(() -> verifier(JweAlgorithm.RSA_OAEP_256).verify(jwe));
            assertThat(thrown).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void verify_jweInsideJwe_isRefused() {
        String inner = encryptor(JweAlgorithm.RSA_OAEP_256).encryptNested(signed(NOW + 600));
        String outer = encryptor(JweAlgorithm.RSA_OAEP_256).encryptNested(inner);

        Throwable thrown = catchThrowable(() -> verifier(JweAlgorithm.RSA_OAEP_256).verify(outer));

        assertThat(thrown).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void verify_encryptedTokenWithoutDecryptionKey_isRefused() {
        String jwe = encryptor(JweAlgorithm.RSA_OAEP_256).encryptNested(signed(NOW + 600));
        NestedTokenVerifier signedOnly = new NestedTokenVerifier(JWS, Optional.empty());

        Throwable thrown = catchThrowable(() -> signedOnly.verify(jwe));

        assertThat(thrown).isInstanceOf(InvalidTokenException.class);
        assertThat(signedOnly.decrypts()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(JweAlgorithm.class)
    void verify_nimbusEncryptedNestedToken_isAccepted(JweAlgorithm algorithm) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.parse(algorithm.joseName()),
                EncryptionMethod.A256GCM).contentType("JWT").build(), new Payload(signed(NOW + 600)));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) TestJwe.pair().getPublic()));

        VerifiedToken token = verifier(algorithm).verify(jwe.serialize());

        assertThat(token.claims().name()).isEqualTo("alice");
    }

    @ParameterizedTest
    @EnumSource(JweAlgorithm.class)
    void encryptNested_nimbusDecryptsIt(JweAlgorithm algorithm) throws Exception {
        String jws = signed(NOW + 600);
        JWEObject jwe = JWEObject.parse(encryptor(algorithm).encryptNested(jws));

        jwe.decrypt(new RSADecrypter(TestJwe.pair().getPrivate()));

        assertThat(jwe.getPayload().toString()).isEqualTo(jws);
        assertThat(jwe.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.joseName());
        assertThat(jwe.getHeader().getContentType()).isEqualTo("JWT");
    }

    @Test
    void verify_nimbusTokenWithCompression_isRefused() throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .contentType("JWT").compressionAlgorithm(com.nimbusds.jose.CompressionAlgorithm.DEF).build(),
                new Payload(signed(NOW + 600)));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) TestJwe.pair().getPublic()));

        Throwable thrown = catchThrowable(() -> verifier(JweAlgorithm.RSA_OAEP_256).verify(jwe.serialize()));

        assertThat(((InvalidTokenException) thrown).reason()).isEqualTo(JweDecryptor.REFUSED);
    }
}
