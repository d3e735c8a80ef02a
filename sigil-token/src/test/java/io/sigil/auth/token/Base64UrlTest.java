package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class Base64UrlTest {

    static IntStream lengths() {
        return IntStream.rangeClosed(0, 64);
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void encodeThenDecode_randomBytes_roundTrips(int length) throws InvalidTokenException {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);

        String encoded = Base64Url.encode(bytes);

        assertThat(encoded).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        assertThat(encoded).matches("[A-Za-z0-9_-]*");
        assertThat(Base64Url.decode(encoded, 0, encoded.length())).isEqualTo(bytes);
        String embedded = "x." + encoded + ".y";
        assertThat(Base64Url.decode(embedded, 2, 2 + encoded.length())).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            QQ==   | invalid base64url character
            QUI=   | invalid base64url character
            ab+c   | invalid base64url character
            ab/c   | invalid base64url character
            'ab c' | invalid base64url character
            'abc '  | invalid base64url character
            ab.c   | invalid base64url character
            abcde  | invalid base64url length
            a      | invalid base64url length
            QR     | non-canonical base64url
            QUJ    | non-canonical base64url
            AAAAQUJ | non-canonical base64url
            """)
    void decode_notCanonicalUnpaddedBase64url_isRejected(String text, String reason) {
        assertThatThrownBy(() -> Base64Url.decode(text, 0, text.length()))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void decode_controlAndNonAsciiCharacters_areRejected() {
        for (String text : new String[] {"ab\nc", "ab\tc", "ab\u00e9c", "ab\u0663c", "ab\u0000c"}) {
            assertThatThrownBy(() -> Base64Url.decode(text, 0, text.length()))
                    .as(text)
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void decode_lastCharacter_onlyValuesWithUnusedBitsZeroAreAccepted() {
        int acceptedAfterOneChar = 0;
        int acceptedAfterTwoChars = 0;
        for (char last : TestJws.ALPHABET.toCharArray()) {
            acceptedAfterOneChar += decodes("Q" + last) ? 1 : 0;
            acceptedAfterTwoChars += decodes("QU" + last) ? 1 : 0;
        }

        assertThat(acceptedAfterOneChar).isEqualTo(4);
        assertThat(acceptedAfterTwoChars).isEqualTo(16);
    }

    @Test
    void decode_emptyRange_isEmpty() throws InvalidTokenException {
        assertThat(Base64Url.decode("abc", 1, 1)).isEmpty();
    }

    private static boolean decodes(String text) {
        try {
            Base64Url.decode(text, 0, text.length());
            return true;
        } catch (InvalidTokenException e) {
            return false;
        }
    }
}
