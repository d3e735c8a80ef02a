package io.sigil.auth.identitystore;

import static io.sigil.auth.identitystore.UserStoreFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.CapturedLog;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDBC user store over a real in-memory H2 database. */
class UserAccountIdentityStoreTest {

    private UserStoreFixture fixture;

    @AfterEach
    void dropDatabase() throws SQLException {
        fixture.close();
    }

    @Test
    void init_storeOn_initialisesHashWithTheDocumentedParameters() throws SQLException {
        fixture = UserStoreFixture.withUsers();

        assertThat(fixture.hash.parameters()).isEqualTo(UserAccountIdentityStore.hashParameters())
                .containsEntry("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256")
                .containsEntry("Pbkdf2PasswordHash.Iterations", "210000");
    }

    @Test
    void validate_rightPassword_isValidWithGroups() throws SQLException {
        fixture = UserStoreFixture.withUsers();

        CredentialValidationResult result = validate("alice", ALICE_PASSWORD);

        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(result.getCallerPrincipal().getName()).isEqualTo("alice");
        assertThat(result.getCallerGroups()).containsExactlyInAnyOrder("user", "admin");
    }

    @Test
    void validate_wrongPassword_isInvalid() throws SQLException {
        fixture = UserStoreFixture.withUsers();

        assertThat(validate("alice", UserStoreFixture.BOB_PASSWORD).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_userNameInOtherCase_isInvalid() throws SQLException {
        fixture = UserStoreFixture.withUsers();

        assertThat(validate("Alice", ALICE_PASSWORD).getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_unknownUser_isInvalidAfterTheSameHashWork() throws SQLException {
        fixture = UserStoreFixture.withUsers();
        int before = fixture.hash.verifications();

        CredentialValidationResult result = validate("nobody", ALICE_PASSWORD);

        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(fixture.hash.verifications() - before).as("one hash computed, as for a known user").isOne();
    }

    @Test
    void validate_overLongUserName_isInvalidWithoutDatabaseOrHash() throws SQLException {
        fixture = UserStoreFixture.withUsers();

        assertInvalidWithoutHashing("a".repeat(UserAccountIdentityStore.MAX_USERNAME_LENGTH + 1), ALICE_PASSWORD);
    }

    @Test
    void validate_userNameOfMaximumLength_isChecked() throws SQLException {
        fixture = UserStoreFixture.withUsers();
        String name = "a".repeat(UserAccountIdentityStore.MAX_USERNAME_LENGTH);
        fixture.addUser(name, ALICE_PASSWORD, "user");

        assertThat(validate(name, ALICE_PASSWORD).getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
    }

    @Test
    void validate_overLongPassword_isInvalidWithoutHash() throws SQLException {
        fixture = UserStoreFixture.withUsers();
        String password = "p".repeat(UserAccountIdentityStore.MAX_PASSWORD_LENGTH + 1);
        fixture.addUser("carol", password, "user");

        assertInvalidWithoutHashing("carol", password);
    }

    @Test
    void validate_emptyUserName_isInvalid() throws SQLException {
        fixture = UserStoreFixture.withUsers();

        assertInvalidWithoutHashing("", ALICE_PASSWORD);
    }

    @Test
    void validate_storeOff_isNotValidated() throws SQLException {
        fixture = UserStoreFixture.off();

        assertThat(validate("alice", ALICE_PASSWORD).getStatus())
                .isEqualTo(CredentialValidationResult.Status.NOT_VALIDATED);
        assertThat(fixture.hash.parameters()).as("the hash is not even initialised").isEmpty();
    }

    @Test
    void validationTypes_storeOff_isEmpty() throws SQLException {
        fixture = UserStoreFixture.off();

        assertThat(fixture.store.validationTypes()).isEmpty();
    }

    @Test
    void validationTypes_storeOn_validatesAndProvidesGroups() throws SQLException {
        fixture = UserStoreFixture.withUsers();

        assertThat(fixture.store.validationTypes()).isEqualTo(IdentityStore.DEFAULT_VALIDATION_TYPES);
    }

    @Test
    void validate_tokenCredential_isNotValidated() throws SQLException {
        fixture = UserStoreFixture.withUsers();

        assertThat(fixture.store.validate(new TokenCredential("a.b.c")).getStatus())
                .isEqualTo(CredentialValidationResult.Status.NOT_VALIDATED);
    }

    /** The store cannot tell: PasswordCheck turns it into 503 with Retry-After (it was 401). */
    @Test
    void validate_databaseDown_isNotValidatedAndLoggedSevereWithoutPassword() {
        fixture = UserStoreFixture.databaseDown();

        try (CapturedLog log = CapturedLog.of(UserAccountIdentityStore.class)) {
            CredentialValidationResult result = validate("alice", ALICE_PASSWORD);

            assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.NOT_VALIDATED);
            assertThat(log.records()).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(text(record)).doesNotContain(ALICE_PASSWORD);
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    private CredentialValidationResult validate(String name, String password) {
        return fixture.store.validate(new UsernamePasswordCredential(name, password));
    }

    private void assertInvalidWithoutHashing(String name, String password) {
        int before = fixture.hash.verifications();

        assertThat(validate(name, password).getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(fixture.hash.verifications()).as("no hash computed").isEqualTo(before);
    }

    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(parameter);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(' ').append(t);
        }
        return text.toString();
    }
}
