package io.sigil.auth.token;

import io.sigil.auth.token.internal.EcPoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** EC public keys must lie on their curve, whichever way they come in (JWK, PEM, a JDK key object). */
class EcPublicPointTest {


    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "ES384", "ES512"})
    void verificationKey_jdkKeyWithAPointOffTheCurve_isRefused(JwsAlgorithm algorithm) throws Exception {
        ECPublicKey good = (ECPublicKey) TestKeys.pair(algorithm).getPublic();
        ECPoint off = new ECPoint(good.getW().getAffineX(), good.getW().getAffineY().flipBit(0));
        // JDK 17's KeyFactory accepts a point off the curve, from a spec as from X.509 bytes.
        PublicKey bad = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(off, good.getParams()));

        assertThat(EcPoints.isOnCurve(off.getAffineX(), off.getAffineY(), good.getParams())).isFalse();
        assertThatThrownBy(() -> VerificationKey.of(algorithm, "e", bad))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("not on " + algorithm.jwkCurveName());
        assertThat(VerificationKey.of(algorithm, "e", good).algorithm()).isEqualTo(algorithm);
    }

    @Test
    void verificationKeys_pemWithAPointOffTheCurve_isRefusedNamingTheSetting() {
        ECPublicKey good = (ECPublicKey) TestKeys.pair(JwsAlgorithm.ES256).getPublic();
        byte[] spki = good.getEncoded();
        spki[spki.length - 1] ^= 1; // the last byte of y
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n";

        assertThatThrownBy(() -> KeyMaterial.verificationKeys(pem, null, null, 2048))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("not on P-256");
    }

    @Test
    void isOnCurve_coordinatesOutsideTheField_areRefused() {
        ECPublicKey good = (ECPublicKey) TestKeys.pair(JwsAlgorithm.ES256).getPublic();
        BigInteger p = ((java.security.spec.ECFieldFp) good.getParams().getCurve().getField()).getP();
        BigInteger x = good.getW().getAffineX();
        BigInteger y = good.getW().getAffineY();

        assertThat(EcPoints.isOnCurve(x, y, good.getParams())).isTrue();
        assertThat(EcPoints.isOnCurve(x.add(p), y, good.getParams())).as("x + p").isFalse();
        assertThat(EcPoints.isOnCurve(x, y.add(p), good.getParams())).as("y + p").isFalse();
        assertThat(EcPoints.isOnCurve(x, y.negate(), good.getParams())).as("negative").isFalse();
    }
}
