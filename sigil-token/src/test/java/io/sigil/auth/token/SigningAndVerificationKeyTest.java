package io.sigil.auth.token;

import io.sigil.auth.token.internal.EcPoints;
import io.sigil.auth.token.internal.EcdsaSignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SigningAndVerificationKeyTest {

    private static final byte[] INPUT = "header.payload".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void sign_everyAlgorithm_verifiesWithItsVerificationKeyAndNotForOtherInput(JwsAlgorithm algorithm) {
        SigningKey key = TestKeys.signingKey(algorithm, "k1");
        byte[] signature = key.sign(INPUT);
        byte[] other = "header.payloaD".getBytes(StandardCharsets.US_ASCII);

        assertThat(key.verificationKey().verify(INPUT, signature)).isTrue();
        assertThat(key.verificationKey().verify(other, signature)).isFalse();
        assertThat(key.verificationKey().algorithm()).isEqualTo(algorithm);
        assertThat(key.verificationKey().keyId()).isEqualTo("k1");
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void verify_emptyTruncatedOversizedFlippedOrNullSignature_isFalse(JwsAlgorithm algorithm) {
        SigningKey key = TestKeys.signingKey(algorithm, null);
        byte[] signature = key.sign(INPUT);
        byte[] flipped = signature.clone();
        flipped[flipped.length - 1] ^= 1;
        VerificationKey verifier = key.verificationKey();

        assertThat(verifier.verify(INPUT, new byte[0])).isFalse();
        assertThat(verifier.verify(INPUT, Arrays.copyOf(signature, signature.length - 1))).isFalse();
        assertThat(verifier.verify(INPUT, Arrays.copyOf(signature, signature.length + 1))).isFalse();
        assertThat(verifier.verify(INPUT, Arrays.copyOf(signature, signature.length * 2))).isFalse();
        assertThat(verifier.verify(INPUT, flipped)).isFalse();
        assertThat(verifier.verify(INPUT, null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "ES384", "ES512"})
    void sign_ecdsa_isJoseRawFormOfTwiceTheComponentLength(JwsAlgorithm algorithm) {
        assertThat(TestKeys.signingKey(algorithm, null).sign(INPUT)).hasSize(2 * algorithm.ecdsaComponentLength());
    }

    static Stream<Arguments> outOfRangeEcdsaSignatures() {
        return Stream.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512).flatMap(algorithm -> {
            int n = algorithm.ecdsaComponentLength();
            BigInteger order = ((ECPublicKey) TestKeys.pair(algorithm).getPublic()).getParams().getOrder();
            byte[] valid = TestKeys.signingKey(algorithm, null).sign(INPUT);
            byte[] r = Arrays.copyOfRange(valid, 0, n);
            byte[] s = Arrays.copyOfRange(valid, n, 2 * n);
            byte[] zero = new byte[n];
            byte[] orderBytes = EcPoints.fixedLength(order, n);
            byte[] orderPlusOne = EcPoints.fixedLength(order.add(BigInteger.ONE), n);
            byte[] ones = new byte[n];
            Arrays.fill(ones, (byte) 0xFF);
            BigInteger sPlusOrder = new BigInteger(1, s).add(order);
            Stream<Arguments> sameModN = sPlusOrder.bitLength() > 8 * n ? Stream.of()
                    : Stream.of(Arguments.of(algorithm + " s+n (same value mod n)", concat(r,
                            EcPoints.fixedLength(sPlusOrder, n))));
            return Stream.concat(sameModN, Stream.of(
                    Arguments.of(algorithm + " r=0", concat(zero, s)),
                    Arguments.of(algorithm + " s=0", concat(r, zero)),
                    Arguments.of(algorithm + " all zero", concat(zero, zero)),
                    Arguments.of(algorithm + " r=n", concat(orderBytes, s)),
                    Arguments.of(algorithm + " s=n", concat(r, orderBytes)),
                    Arguments.of(algorithm + " r=n+1", concat(orderPlusOne, s)),
                    Arguments.of(algorithm + " s=n+1", concat(r, orderPlusOne)),
                    Arguments.of(algorithm + " all 0xFF", concat(ones, ones))));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRangeEcdsaSignatures")
    void verify_ecdsaValueOutOfRange_isFalse(String name, byte[] signature) {
        JwsAlgorithm algorithm = JwsAlgorithm.valueOf(name.substring(0, 5));

        assertThat(TestKeys.signingKey(algorithm, null).verificationKey().verify(INPUT, signature)).isFalse();
        assertThat(EcdsaSignatures.rawToDer(signature, algorithm.ecdsaComponentLength(),
                ((ECPublicKey) TestKeys.pair(algorithm).getPublic()).getParams().getOrder())).isNull();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512"})
    void hmac_secretOneByteShorterThanTheHash_isRefusedNamingTheSetting(JwsAlgorithm algorithm) {
        byte[] secret = TestKeys.secret(algorithm, 1);

        assertThatThrownBy(() -> SigningKey.hmac(algorithm, null, Arrays.copyOf(secret, secret.length - 1)))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining(String.valueOf(algorithm.minimumKeyBytes()));
        assertThat(VerificationKey.hmac(algorithm, null, secret).algorithm()).isEqualTo(algorithm);
    }

    @Test
    void hmac_withAnAsymmetricAlgorithm_isRefused() {
        assertThatThrownBy(() -> SigningKey.hmac(JwsAlgorithm.RS256, null, new byte[64]))
                .isInstanceOf(InvalidKeyMaterialException.class);
    }

    @Test
    void of_rsaKeyOf1024Bits_isRefusedByDefaultAndAcceptedWithALoweredMinimum() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair weak = generator.generateKeyPair();

        assertThatThrownBy(() -> VerificationKey.of(JwsAlgorithm.RS256, null, weak.getPublic()))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("1024").hasMessageContaining("2048");
        assertThat(VerificationKey.of(JwsAlgorithm.RS256, null, weak.getPublic(), 1024).algorithm())
                .isEqualTo(JwsAlgorithm.RS256);
        assertThatThrownBy(() -> VerificationKey.of(JwsAlgorithm.RS256, null, weak.getPublic(), 512))
                .isInstanceOf(InvalidKeyMaterialException.class);
    }

    static Stream<Arguments> mismatchedKeys() {
        return Stream.of(
                Arguments.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384),
                Arguments.of(JwsAlgorithm.ES256, JwsAlgorithm.ES512),
                Arguments.of(JwsAlgorithm.ES384, JwsAlgorithm.ES256),
                Arguments.of(JwsAlgorithm.ES512, JwsAlgorithm.ES256),
                Arguments.of(JwsAlgorithm.ES256, JwsAlgorithm.RS256),
                Arguments.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256),
                Arguments.of(JwsAlgorithm.PS256, JwsAlgorithm.EdDSA),
                Arguments.of(JwsAlgorithm.EdDSA, JwsAlgorithm.ES256),
                Arguments.of(JwsAlgorithm.HS256, JwsAlgorithm.RS256),
                Arguments.of(JwsAlgorithm.HS256, JwsAlgorithm.ES256));
    }

    @ParameterizedTest(name = "{0} with a key made for {1}")
    @MethodSource("mismatchedKeys")
    void of_keyOfAnotherTypeOrCurve_isRefusedNamingTheSetting(JwsAlgorithm algorithm, JwsAlgorithm keyFor) {
        assertThatThrownBy(() -> VerificationKey.of(algorithm, null, TestKeys.pair(keyFor).getPublic()))
                .isInstanceOf(InvalidKeyMaterialException.class);
    }

    @Test
    void signingKeyOf_publicKeyOfAnotherPair_isRefused() {
        KeyPair pair = TestKeys.pair(JwsAlgorithm.ES256);
        KeyPair other = TestKeys.freshPair(JwsAlgorithm.ES256);

        assertThatThrownBy(() -> SigningKey.of(JwsAlgorithm.ES256, null, pair.getPrivate(), other.getPublic()))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("does not belong");
    }

    @Test
    void toString_namesAlgorithmAndKidOnly() {
        assertThat(TestKeys.signingKey(JwsAlgorithm.RS256, "k9").toString()).isEqualTo("SigningKey[RS256, kid=k9]");
        assertThat(TestKeys.signingKey(JwsAlgorithm.RS256, "k9").verificationKey().toString())
                .isEqualTo("VerificationKey[RS256, kid=k9]");
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void fromJoseName_exactName_findsTheAlgorithmAndOtherSpellingsDoNot(JwsAlgorithm algorithm) {
        assertThat(JwsAlgorithm.fromJoseName(algorithm.joseName())).contains(algorithm);
        assertThat(JwsAlgorithm.fromJoseName(algorithm.joseName().toLowerCase())).isEmpty();
        assertThat(JwsAlgorithm.fromJoseName(" " + algorithm.joseName())).isEmpty();
    }

    @Test
    void fromJoseName_noneInAnySpellingOrNull_isEmpty() {
        for (String none : new String[] {"none", "None", "NONE", "nOnE", "", null}) {
            assertThat(JwsAlgorithm.fromJoseName(none)).as(String.valueOf(none)).isEmpty();
        }
    }
}
