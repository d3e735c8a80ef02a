package io.sigil.auth.identitystore;

import static io.sigil.auth.identitystore.UserStoreFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.auth.identitystore.PasswordChangeService.Outcome;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.revocation.MapRevocationStore;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestTokens;
import io.sigil.auth.token.JwtClaims;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Password changes over a real in-memory H2 database and a real revocation store. */
class PasswordChangeServiceTest {

    private static final String NEW_PASSWORD = "alice's new password";

    /** Tokens issued a minute ago: the service revokes at the system clock's now. */
    private final TestTokens tokens = new TestTokens(TestConfigs.sigil(),
            TestTokens.at(Instant.now().minusSeconds(60)));
    private final SigilMetrics metrics = new SigilMetrics();
    private final MapRevocationStore revocations = new MapRevocationStore(new ConcurrentHashMap<>(), false,
            Duration.ofSeconds(60), Duration.ofMinutes(15), Clock.systemUTC());
    private UserStoreFixture fixture;

    @AfterEach
    void dropDatabase() throws SQLException {
        fixture.close();
    }

    @Test
    void change_rightCurrentPassword_changesPasswordAndRevokesCallersTokens() throws SQLException {
        PasswordChangeService service = service(UserStoreFixture.withUsers());
        JwtClaims alices = claims("alice");
        JwtClaims bobs = claims("bob");

        Outcome outcome = service.change("alice", ALICE_PASSWORD, NEW_PASSWORD);

        assertThat(outcome).isEqualTo(Outcome.CHANGED);
        assertThat(status("alice", NEW_PASSWORD)).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(status("alice", ALICE_PASSWORD)).isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(revocations.isRevoked(alices)).as("alice's earlier token").isTrue();
        assertThat(revocations.isRevoked(bobs)).as("bob's token").isFalse();
        assertThat(metrics.revocations(SigilMetrics.Revocation.PASSWORD_CHANGE)).isEqualTo(1);
    }

    @Test
    void change_wrongCurrentPassword_changesAndRevokesNothing() throws SQLException {
        PasswordChangeService service = service(UserStoreFixture.withUsers());

        Outcome outcome = service.change("alice", "not alice's password", NEW_PASSWORD);

        assertThat(outcome).isEqualTo(Outcome.WRONG_CURRENT_PASSWORD);
        assertUnchanged();
        assertThat(metrics.revocations(SigilMetrics.Revocation.PASSWORD_CHANGE)).isZero();
    }

    @Test
    void change_callerWithoutAccount_isWrongCurrentPassword() throws SQLException {
        PasswordChangeService service = service(UserStoreFixture.withUsers());

        assertThat(service.change("token-only-caller", ALICE_PASSWORD, NEW_PASSWORD))
                .isEqualTo(Outcome.WRONG_CURRENT_PASSWORD);
    }

    @Test
    void change_newPasswordTooShort_isUnacceptable() throws SQLException {
        PasswordChangeService service = service(UserStoreFixture.withUsers());
        String tooShort = "p".repeat(PasswordChangeService.MIN_PASSWORD_LENGTH - 1);

        assertThat(service.change("alice", ALICE_PASSWORD, tooShort)).isEqualTo(Outcome.UNACCEPTABLE_PASSWORD);
        assertUnchanged();
    }

    @Test
    void change_newPasswordOfMinimumLength_isChanged() throws SQLException {
        PasswordChangeService service = service(UserStoreFixture.withUsers());
        String shortest = "p".repeat(PasswordChangeService.MIN_PASSWORD_LENGTH);

        assertThat(service.change("alice", ALICE_PASSWORD, shortest)).isEqualTo(Outcome.CHANGED);
    }

    @Test
    void change_newPasswordTooLong_isUnacceptable() throws SQLException {
        PasswordChangeService service = service(UserStoreFixture.withUsers());
        String tooLong = "p".repeat(UserAccountIdentityStore.MAX_PASSWORD_LENGTH + 1);

        assertThat(service.change("alice", ALICE_PASSWORD, tooLong)).isEqualTo(Outcome.UNACCEPTABLE_PASSWORD);
        assertUnchanged();
    }

    @Test
    void change_newPasswordEqualToCurrent_isUnacceptable() throws SQLException {
        PasswordChangeService service = service(UserStoreFixture.withUsers());

        assertThat(service.change("alice", ALICE_PASSWORD, ALICE_PASSWORD)).isEqualTo(Outcome.UNACCEPTABLE_PASSWORD);
        assertThat(revocations.isRevoked(claims("alice"))).isFalse();
    }

    @Test
    void change_storeOff_isNotAvailableAndFails() {
        PasswordChangeService service = service(UserStoreFixture.off());

        assertThat(service.available()).isFalse();
        assertThat(fixture.hash.parameters()).as("the hash is not initialised").isEmpty();
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> service.change("alice", ALICE_PASSWORD, NEW_PASSWORD));
        assertThat(e.getMessage()).contains("sigil.datasource");
        assertThat(revocations.isRevoked(claims("alice"))).isFalse();
    }

    @Test
    void available_storeOn_isTrue() throws SQLException {
        assertThat(service(UserStoreFixture.withUsers()).available()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private PasswordChangeService service(UserStoreFixture users) {
        fixture = users;
        PasswordChangeService service = new PasswordChangeService();
        service.userStore = users.store;
        service.accounts = users.accounts;
        service.revocations = revocations;
        service.passwordHash = users.hash;
        service.metrics = metrics;
        service.init();
        return service;
    }

    private JwtClaims claims(String name) {
        return tokens.verified(tokens.issue(name, "user").compact()).claims();
    }

    private CredentialValidationResult.Status status(String name, String password) {
        return fixture.store.validate(new UsernamePasswordCredential(name, password)).getStatus();
    }

    private void assertUnchanged() {
        assertThat(status("alice", ALICE_PASSWORD)).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(revocations.isRevoked(claims("alice"))).isFalse();
    }
}
