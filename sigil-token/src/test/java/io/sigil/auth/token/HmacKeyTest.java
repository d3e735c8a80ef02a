package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacKeyTest {


    /** Printable so that a leak into a message would be visible as text. */
    private static byte[] printableSecret(int length) {
        byte[] secret = new byte[length];
        for (int i = 0; i < length; i++) {
            secret[i] = (byte) ('a' + i % 26);
        }
        return secret;
    }

    private static void assertDoesNotReveal(String text, byte[] secret) {
        String leakMarker = new String(secret, 0, 12, StandardCharsets.US_ASCII);
        assertThat(text)
                .doesNotContain(leakMarker)
                .doesNotContain(Base64.getEncoder().encodeToString(secret).substring(0, 12))
                .doesNotContain(Base64.getUrlEncoder().encodeToString(secret).substring(0, 12))
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(secret, 0, 8));
    }

    @Test
    void hs256_secretOf31Bytes_throwsNamingTheSettingWithoutTheSecret() {
        byte[] secret = printableSecret(31);

        assertThatThrownBy(() -> HmacKey.hs256("key-1", secret))
                .isInstanceOfSatisfying(InvalidKeyMaterialException.class, e -> {
                    assertThat(e.getMessage()).contains("secret");
                    assertDoesNotReveal(e.getMessage(), secret);
                });
    }

    @Test
    void hs256_emptySecret_throwsNamingTheSetting() {
        assertThatThrownBy(() -> HmacKey.hs256(null, new byte[0]))
                .isInstanceOf(InvalidKeyMaterialException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void hs256_secretOf32Bytes_isAccepted() {
        HmacKey key = HmacKey.hs256("key-1", printableSecret(32));

        assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.HS256);
        assertThat(key.keyId()).isEqualTo("key-1");
    }

    @Test
    void toString_doesNotContainTheSecret() {
        byte[] secret = printableSecret(32);

        String text = HmacKey.hs256("key-1", secret).toString();

        assertDoesNotReveal(text, secret);
        assertThat(text).contains("key-1");
    }

    @Test
    void sign_matchesJdkHmacSha256() {
        byte[] secret = TestJws.secret(21);
        HmacKey key = HmacKey.hs256(null, secret);

        byte[] signature = key.sign("a.b".getBytes(StandardCharsets.US_ASCII));

        assertThat(signature).isEqualTo(TestJws.hmacSha256(secret, "a.b"));
    }

    @Test
    void hs256_secretChangedAfterwards_keyKeepsItsCopy() {
        byte[] secret = TestJws.secret(22);
        HmacKey key = HmacKey.hs256(null, secret);
        byte[] expected = TestJws.hmacSha256(TestJws.secret(22), "a.b");

        secret[0] ^= 1;

        assertThat(key.sign("a.b".getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @Test
    void verify_rejectsAlteredTruncatedAndLongerSignatures() {
        HmacKey key = HmacKey.hs256(null, TestJws.secret(23));
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = key.sign(input);
        byte[] altered = signature.clone();
        altered[31] ^= (byte) 0x80;

        assertThat(key.verify(input, signature)).isTrue();
        assertThat(key.verify(input, altered)).isFalse();
        assertThat(key.verify(input, java.util.Arrays.copyOf(signature, 31))).isFalse();
        assertThat(key.verify(input, java.util.Arrays.copyOf(signature, 33))).isFalse();
        assertThat(key.verify(input, new byte[0])).isFalse();
    }
}
