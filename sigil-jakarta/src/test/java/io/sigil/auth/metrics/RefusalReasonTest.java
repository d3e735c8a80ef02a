package io.sigil.auth.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JweDecryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The core's free-text reasons sorted into the fixed set of label values. */
class RefusalReasonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "signature mismatch|SIGNATURE",
        "tag mismatch|SIGNATURE",
        "token expired|EXPIRED",
        "token too old|EXPIRED",
        "token not yet valid|NOT_YET_VALID",
        "token issued in the future|NOT_YET_VALID",
        "wrong issuer|ISSUER",
        "wrong audience|AUDIENCE",
        "unknown kid|UNKNOWN_KEY",
        "algorithm does not match the key|UNKNOWN_KEY",
        "token too long|TOO_LARGE",
        "missing exp|CLAIMS",
        "missing required claim tenant|CLAIMS",
        "groups must be an array of strings|CLAIMS",
        "exp is out of range|CLAIMS",
        "token must have exactly three parts|MALFORMED",
        "invalid base64url character|MALFORMED",
        "payload is not valid JSON|MALFORMED",
        "header is not valid UTF-8|MALFORMED",
        "empty token|MALFORMED",
        "unsupported alg|MALFORMED",
        "critical header parameters are not supported|MALFORMED",
        "unexpected typ|MALFORMED",
        "wrong IV or tag length|MALFORMED",
        "something new|OTHER",
    })
    void of_coreReason_isSortedIntoItsCategory(String reason, RefusalReason expected) {
        assertThat(RefusalReason.of(reason)).isEqualTo(expected);
    }

    @Test
    void of_encryptedTokenRefused_isSortedByItsCause() {
        assertThat(RefusalReason.of(new InvalidTokenException(JweDecryptor.REFUSED,
                new InvalidTokenException("tag mismatch")))).isEqualTo(RefusalReason.SIGNATURE);
        assertThat(RefusalReason.of(new InvalidTokenException(JweDecryptor.REFUSED,
                new InvalidTokenException("encrypted token must have exactly five parts"))))
                .isEqualTo(RefusalReason.MALFORMED);
        assertThat(RefusalReason.of(new InvalidTokenException(JweDecryptor.REFUSED,
                new IllegalArgumentException("bad")))).isEqualTo(RefusalReason.MALFORMED);
    }

    @Test
    void of_plainRefusal_usesItsReason() {
        assertThat(RefusalReason.of(new InvalidTokenException("token expired"))).isEqualTo(RefusalReason.EXPIRED);
    }

    @Test
    void of_null_isOther() {
        assertThat(RefusalReason.of((String) null)).isEqualTo(RefusalReason.OTHER);
    }

    @Test
    void label_isLowerCaseName() {
        assertThat(RefusalReason.NOT_YET_VALID.label()).isEqualTo("not_yet_valid");
        assertThat(RefusalReason.UNKNOWN_KEY.label()).isEqualTo("unknown_key");
    }
}
