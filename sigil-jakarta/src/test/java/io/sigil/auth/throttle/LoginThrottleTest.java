package io.sigil.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.auth.config.MutableClock;
import io.sigil.auth.config.SigilConfigurationException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

/** The throttle policy with a fixed clock: growth, cap, reset, per account and per address. */
class LoginThrottleTest {

    private static final String HOME = "192.0.2.1";
    private static final String OFFICE = "198.51.100.7";

    private final MutableClock clock = new MutableClock();
    private final ConcurrentMap<String, Object> map = new ConcurrentHashMap<>();
    private final ThrottlePolicy policy = new ThrottlePolicy(true, 5, 20, Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofHours(1));
    private final LoginThrottle throttle = new LoginThrottle(map, policy, clock);

    @Test
    void retryAfter_belowTheFreeFailures_isEmpty() {
        fail("alice", HOME, 4);
        assertThat(throttle.retryAfter("alice", HOME)).isEmpty();
    }

    @Test
    void retryAfter_pastTheFreeFailures_doublesUpToTheCap() {
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        fail("alice", HOME, 4);
        for (long seconds : expected) {
            fail("alice", HOME, 1);
            assertThat(throttle.retryAfter("alice", HOME)).hasValue(Duration.ofSeconds(seconds));
            clock.advance(Duration.ofSeconds(seconds));
            assertThat(throttle.retryAfter("alice", HOME)).as("the wait is over").isEmpty();
        }
    }

    @Test
    void retryAfter_countsDownAndRoundsUp() {
        fail("alice", HOME, 7);
        assertThat(throttle.retryAfter("alice", HOME)).hasValue(Duration.ofSeconds(4));
        clock.advance(Duration.ofMillis(2500));
        assertThat(throttle.retryAfter("alice", HOME)).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void succeeded_resetsTheAccount_butNotTheAddress() {
        fail("alice", HOME, 6);
        throttle.succeeded("alice");
        assertThat(throttle.retryAfter("alice", HOME)).isEmpty();
        fail("alice", HOME, 4);
        assertThat(throttle.retryAfter("alice", HOME)).as("counted from zero again").isEmpty();
        assertThat(map).containsEntry(LoginThrottle.ADDRESS + HOME, "10:" + clock.millis());
    }

    @Test
    void oneAccountsThrottle_doesNotBlockAnotherAccount_fromTheSameAddress() {
        fail("alice", OFFICE, 8);
        assertThat(throttle.retryAfter("alice", OFFICE)).isPresent();
        assertThat(throttle.retryAfter("bob", OFFICE)).isEmpty();
    }

    @Test
    void theAddressLimit_blocksEveryAccountFromThatAddress_only() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, OFFICE, 1);
        }
        assertThat(throttle.retryAfter("carol", OFFICE)).hasValue(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("carol", HOME)).isEmpty();
    }

    @Test
    void accounts_areCountedWhateverTheirCase() {
        fail("Alice", HOME, 3);
        fail("ALICE", HOME, 3);
        assertThat(throttle.retryAfter("alice", HOME)).isPresent();
    }

    @Test
    void counters_areForgottenAfterTheWindow() {
        fail("alice", HOME, 12);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        fail("alice", HOME, 1);
        assertThat(throttle.retryAfter("alice", HOME)).as("one failure after the window").isEmpty();
    }

    @Test
    void noLockout_lastsLongerThanTheCap() {
        fail("alice", HOME, 100);
        assertThat(throttle.retryAfter("alice", HOME)).hasValue(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(throttle.retryAfter("alice", HOME)).isEmpty();
    }

    @Test
    void disabled_neverThrottlesAndStoresNothing() {
        LoginThrottle off = new LoginThrottle(map, new ThrottlePolicy(false, 5, 20, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofHours(1)), clock);
        for (int i = 0; i < 50; i++) {
            off.failed("alice", HOME);
        }
        assertThat(off.retryAfter("alice", HOME)).isEmpty();
        assertThat(map).isEmpty();
    }

    @Test
    void sweep_removesOnlyOldCounters_andLeavesOtherEntries() {
        map.put("jti:abc", 5L);
        fail("alice", HOME, 1);
        clock.advance(Duration.ofHours(2));
        fail("bob", OFFICE, 1);
        assertThat(map).containsKey("jti:abc").containsKey(LoginThrottle.ACCOUNT + "bob")
                .doesNotContainKey(LoginThrottle.ACCOUNT + "alice").doesNotContainKey(LoginThrottle.ADDRESS + HOME);
    }

    @Test
    void policy_defaults_areSafe_andBadValuesNameTheKey() {
        ThrottlePolicy defaults = ThrottlePolicy.defaults();
        assertThat(defaults.accountFreeFailures()).isEqualTo(5);
        assertThat(defaults.addressFreeFailures()).isEqualTo(100);
        assertThat(defaults.delayAfter(1000, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> new ThrottlePolicy(true, 0, 10, Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofHours(1))).isInstanceOf(SigilConfigurationException.class)
                .hasMessageContaining("sigil.throttle.account.free-failures");
        assertThatThrownBy(() -> new ThrottlePolicy(true, 5, 4, Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofHours(1))).hasMessageContaining("sigil.throttle.address.free-failures");
        assertThatThrownBy(() -> new ThrottlePolicy(true, 5, 10, Duration.ofSeconds(1), Duration.ofMinutes(10),
                Duration.ofMinutes(1))).hasMessageContaining("sigil.throttle.window");
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }
}
