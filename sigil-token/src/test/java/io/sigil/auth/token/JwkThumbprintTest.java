package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The RFC 7638 thumbprint, checked against the RFC's own example. */
class JwkThumbprintTest {

    @Test
    void thumbprint_rfc7638Example_matchesThePublishedValue() throws GeneralSecurityException {
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRX"
                + "jBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8"
                + "KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_x"
                + "BniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(n)), BigInteger.valueOf(65537)));

        assertThat(JwkThumbprint.of(VerificationKey.of(JwsAlgorithm.RS256, null, key)))
                .isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void thumbprint_ofSharedSecret_isRefused() {
        VerificationKey secret = VerificationKey.hmac(JwsAlgorithm.HS256, null, TestJws.secret(3));

        assertThatThrownBy(() -> JwkThumbprint.of(secret)).isInstanceOf(IllegalArgumentException.class);
    }
}
