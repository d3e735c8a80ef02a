package io.sigil.auth.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.auth.testing.TestConfigs;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The users table over a real in-memory H2 database. */
class UserAccountsTest {

    private UserStoreFixture fixture;

    @BeforeEach
    void createDatabase() throws SQLException {
        fixture = UserStoreFixture.withUsers();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        fixture.close();
    }

    @Test
    void find_knownUser_hasHashAndGroups() throws SQLException {
        UserAccounts.StoredUser alice = fixture.accounts.find("alice").orElseThrow();

        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.groups()).containsExactlyInAnyOrder("user", "admin");
        assertThat(fixture.hash.verify(UserStoreFixture.ALICE_PASSWORD.toCharArray(), alice.passwordHash())).isTrue();
        assertThat(alice.toString()).doesNotContain(alice.passwordHash());
    }

    @Test
    void find_unknownUser_isEmpty() throws SQLException {
        assertThat(fixture.accounts.find("nobody")).isEmpty();
    }

    @Test
    void createIfAbsent_existingUser_keepsTheStoredUser() throws SQLException {
        String before = fixture.accounts.find("bob").orElseThrow().passwordHash();

        boolean created = fixture.accounts.createIfAbsent(new UserAccounts.StoredUser("bob", "other", Set.of("admin")));

        assertThat(created).isFalse();
        assertThat(fixture.accounts.find("bob").orElseThrow())
                .satisfies(bob -> assertThat(bob.passwordHash()).isEqualTo(before))
                .satisfies(bob -> assertThat(bob.groups()).containsExactly("user"));
    }

    @Test
    void createSchema_again_keepsTheUsers() throws SQLException {
        fixture.accounts.createSchema();

        assertThat(fixture.accounts.find("alice")).isPresent();
    }

    @Test
    void updatePasswordHash_knownUser_replacesTheHash() throws SQLException {
        assertThat(fixture.accounts.updatePasswordHash("bob", "new-hash")).isTrue();

        assertThat(fixture.accounts.find("bob").orElseThrow().passwordHash()).isEqualTo("new-hash");
    }

    @Test
    void updatePasswordHash_unknownUser_isFalse() throws SQLException {
        assertThat(fixture.accounts.updatePasswordHash("nobody", "new-hash")).isFalse();
    }

    @Test
    void enabled_withAndWithoutDataSourceSetting() {
        assertThat(fixture.accounts.enabled()).isTrue();
        assertThat(UserStoreFixture.accounts(TestConfigs.sigil(), null).enabled()).isFalse();
    }

    @Test
    void find_storeOff_failsNamingTheSetting() {
        UserAccounts off = UserStoreFixture.accounts(TestConfigs.sigil(), null);

        SQLException e = catchThrowableOfType(SQLException.class, () -> off.find("alice"));

        assertThat(e.getMessage()).contains("sigil.datasource");
    }

    @Test
    void find_dataSourceNameNotBound_failsNamingSettingAndName() {
        UserAccounts unbound = UserStoreFixture.accounts(UserStoreFixture.on(), null);

        SQLException e = catchThrowableOfType(SQLException.class, () -> unbound.find("alice"));

        assertThat(e.getMessage()).contains("sigil.datasource=java:comp/env/jdbc/sigil-test");
    }
}
