package io.sigil.auth.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.CapturedLog;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordCheckTest {

    private static final UsernamePasswordCredential LOGIN = new UsernamePasswordCredential("alice", "secret-password");
    private CapturedLog log;

    @BeforeEach
    void captureLog() {
        // A refusal first, so that each test starts with the stores answering.
        PasswordCheck.validate(answering(CredentialValidationResult.INVALID_RESULT), LOGIN);
        log = CapturedLog.of(PasswordCheck.class);
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private static IdentityStoreHandler answering(CredentialValidationResult result) {
        return credential -> result;
    }

    @Test
    void validate_valid_isValid() {
        CredentialValidationResult valid = new CredentialValidationResult("alice", Set.of("user"));
        assertThat(PasswordCheck.validate(answering(valid), LOGIN))
                .isEqualTo(new PasswordCheck.Valid(valid));
    }

    @Test
    void validate_invalid_isRefused() {
        assertThat(PasswordCheck.validate(answering(CredentialValidationResult.INVALID_RESULT), LOGIN))
                .isInstanceOf(PasswordCheck.Refused.class);
    }

    @Test
    void validate_notValidated_isUnavailable_loggedOnceInOneLine_andTheRecoveryToo() {
        IdentityStoreHandler down = answering(CredentialValidationResult.NOT_VALIDATED_RESULT);
        for (int i = 0; i < 5; i++) {
            assertThat(PasswordCheck.validate(down, LOGIN)).isInstanceOf(PasswordCheck.Unavailable.class);
        }
        PasswordCheck.validate(answering(CredentialValidationResult.INVALID_RESULT), LOGIN);

        assertThat(log.records()).filteredOn(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.INFO);
        assertThat(log.records()).allSatisfy(r -> assertThat(r.getThrown()).isNull());
        assertThat(log.records()).noneMatch(r -> String.valueOf(r.getMessage()).contains("secret-password"));
    }

    @Test
    void validate_storeThrows_isUnavailable() {
        IdentityStoreHandler throwing = (Credential credential) -> {
            throw new IllegalStateException("LDAP server unreachable");
        };
        assertThat(PasswordCheck.validate(throwing, LOGIN)).isInstanceOf(PasswordCheck.Unavailable.class);
        assertThat(log.records()).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("IllegalStateException").doesNotContain("\n");
        });
    }
}
