package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;
import io.sigil.auth.token.internal.RocaFingerprint;
import io.sigil.auth.token.internal.WeakRsaKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Weak RSA public keys: exponents, even or smooth moduli, the ROCA fingerprint (CVE-2017-15361). */
class WeakRsaKeysTest {

    private static final BigInteger F4 = BigInteger.valueOf(65537);

    private static JsonObject examples;
    private static BigInteger goodModulus;
    private static BigInteger largePrime;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = WeakRsaKeysTest.class.getResourceAsStream("/vectors/jwk-examples.json")) {
            examples = Json.createReader(in).readObject();
        }
        goodModulus = ((RSAPublicKey) TestKeys.pair(JwsAlgorithm.RS256).getPublic()).getModulus();
        largePrime = BigInteger.probablePrime(2036, new Random(1));
    }

    @Test
    void check_publishedAndFreshlyGeneratedKeys_areAccepted() throws GeneralSecurityException {
        for (String name : new String[] {"rfc7520_3_3_rsa_public"}) {
            assertThat(Jwk.verificationKeys(examples.getJsonObject(name).toString(), JwsAlgorithm.RS256, 2048))
                    .hasSize(1);
        }
        assertThat(Jwk.verificationKeys(examples.getJsonObject("rfc7517_A1_public_set").toString(), null, 2048))
                .extracting(VerificationKey::keyId).containsExactly("2011-04-29");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        for (int bits : new int[] {1024, 2048}) {
            generator.initialize(bits);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            WeakRsaKeys.check(key.getModulus(), key.getPublicExponent());
            assertThat(RocaFingerprint.matches(key.getModulus())).as(bits + " bits").isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 5, 17, 257, 65535})
    void check_exponentBelow65537_isRefusedNamingTheSetting(long exponent) {
        assertRefused(goodModulus, BigInteger.valueOf(exponent), "below 65537");
    }

    @Test
    void check_evenExponent_isRefused() {
        assertRefused(goodModulus, BigInteger.valueOf(65538), "exponent is even");
        assertRefused(goodModulus, BigInteger.TWO.pow(20), "exponent is even");
    }

    @Test
    void check_exponentNotBelowTheModulusOrBeyond2To256_isRefused() {
        assertRefused(goodModulus, goodModulus, "not smaller than its modulus");
        assertRefused(goodModulus, goodModulus.add(BigInteger.TWO), "not smaller than its modulus");
        assertRefused(goodModulus, BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE), "2^256");
        WeakRsaKeys.check(goodModulus, BigInteger.ONE.shiftLeft(255).add(BigInteger.ONE));
    }

    @Test
    void check_evenModulus_isRefused() {
        assertRefused(goodModulus.add(BigInteger.ONE), F4, "modulus is even");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 7, 9949, 9973})
    void check_modulusWithASmallPrimeFactor_isRefused(int factor) {
        assertRefused(largePrime.multiply(BigInteger.valueOf(factor)), F4, "prime factor below 10000");
    }

    @Test
    void check_factorAboveTheTrialDivisionBound_isNotAnError() {
        WeakRsaKeys.check(largePrime.multiply(BigInteger.valueOf(10_007)), F4);
    }

    @Test
    void check_publishedRocaModulus_isRefusedNamingTheCve() {
        BigInteger modulus = new BigInteger(examples.getJsonObject("roca_mod03").getString("hex"), 16);

        assertThat(RocaFingerprint.matches(modulus)).isTrue();
        assertRefused(modulus, F4, "CVE-2017-15361");
    }

    @Test
    void check_rocaModulusAsAJwkOrPem_failsTheKeySource() throws GeneralSecurityException {
        BigInteger modulus = new BigInteger(examples.getJsonObject("roca_mod03").getString("hex"), 16);
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, F4));
        String jwk = Json.createObjectBuilder().add("kty", "RSA").add("kid", "roca").add("alg", "RS256")
                .add("n", Base64Url.encode(unsigned(modulus))).add("e", "AQAB").build().toString();

        assertThatThrownBy(() -> Jwk.verificationKeys(jwk, null, 2048))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("ROCA");
        assertThatThrownBy(() -> KeyMaterial.verificationKeys(PemKeys.toPem(key), null, null, 2048))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("ROCA");
    }

    /** N = p*q with p, q = k*M + (65537^a mod M), M the product of the primes up to 167: the generator's form. */
    @Test
    void check_generatedModulusOfTheVulnerableForm_isRefused() {
        SecureRandom random = new SecureRandom();
        BigInteger m = BigInteger.TWO;
        for (int prime : RocaFingerprint.oddPrimesUpTo(167)) {
            m = m.multiply(BigInteger.valueOf(prime));
        }
        BigInteger modulus = rocaPrime(m, random).multiply(rocaPrime(m, random));

        assertThat(modulus.bitLength()).isGreaterThan(2040);
        assertThat(RocaFingerprint.matches(modulus)).isTrue();
        assertRefused(modulus, F4, "ROCA");
    }

    @Test
    void matches_moduliThatPassEachPrimeAloneButFitNoExponent_areNotFlagged() {
        examples.getJsonObject("roca_per_prime_only").getJsonArray("decimal").getValuesAs(jakarta.json.JsonString.class)
                .forEach(text -> assertThat(RocaFingerprint.matches(new BigInteger(text.getString()))).isFalse());
    }

    @Test
    void keyChecks_signingKeyWithExponent3_isRefused() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new java.security.spec.RSAKeyGenParameterSpec(1024, BigInteger.valueOf(3)));
        var pair = generator.generateKeyPair();

        assertThatThrownBy(() -> SigningKey.of(JwsAlgorithm.RS256, "k", pair.getPrivate(), pair.getPublic(), 1024)).isInstanceOf(InvalidKeyMaterialException.class)
                .hasMessageContaining("RSA key").hasMessageContaining("below 65537");
    }

    private static BigInteger rocaPrime(BigInteger m, SecureRandom random) {
        BigInteger generator = BigInteger.valueOf(65537);
        while (true) {
            BigInteger k = new BigInteger(1024 - m.bitLength(), random).setBit(1023 - m.bitLength());
            BigInteger candidate = k.multiply(m).add(generator.modPow(new BigInteger(64, random), m));
            if (candidate.isProbablePrime(40)) {
                return candidate;
            }
        }
    }

    private static void assertRefused(BigInteger modulus, BigInteger exponent, String why) {
        assertThatThrownBy(() -> WeakRsaKeys.check(modulus, exponent))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining(why);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
