package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenPolicyTest {

    private static final String ISSUER = "https://issuer.example";

    private static TokenPolicy policy(String issuer, Duration skew, Optional<Duration> maxAge, int maxLength) {
        return new TokenPolicy(issuer, Set.of(), skew, maxAge, maxLength);
    }

    @Test
    void constructor_boundaryValues_areAccepted() {
        assertThat(policy(ISSUER, Duration.ZERO, Optional.empty(), 64).maxTokenLength()).isEqualTo(64);
        assertThat(policy(ISSUER, TokenPolicy.MAX_CLOCK_SKEW, Optional.of(Duration.ofSeconds(1)), 1 << 20))
                .satisfies(p -> {
                    assertThat(p.clockSkew()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(p.maxTokenAge()).contains(Duration.ofSeconds(1));
                    assertThat(p.maxTokenLength()).isEqualTo(1 << 20);
                });
    }

    @Test
    void constructor_audiences_areCopiedAndImmutable() {
        Set<String> audiences = new HashSet<>(Set.of("orders-api"));
        TokenPolicy policy = new TokenPolicy(ISSUER, audiences, Duration.ZERO, Optional.empty(), 8192);

        audiences.add("billing-api");

        assertThat(policy.audiences()).containsExactly("orders-api");
        assertThatThrownBy(() -> policy.audiences().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void constructor_blankIssuer_throwsNamingTheKey(String issuer) {
        assertThatThrownBy(() -> policy(issuer, Duration.ZERO, Optional.empty(), 8192))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT5M0.001S", "PT5M1S", "PT1H", "PT-1S", "PT-0.001S"})
    void constructor_clockSkewOutOfRange_throwsNamingTheKey(String skew) {
        Duration duration = Duration.parse(skew);

        assertThatThrownBy(() -> policy(ISSUER, duration, Optional.empty(), 8192))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock skew");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S"})
    void constructor_maxTokenAgeNotPositive_throwsNamingTheKey(String age) {
        Duration duration = Duration.parse(age);

        assertThatThrownBy(() -> policy(ISSUER, Duration.ZERO, Optional.of(duration), 8192))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token age");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 63, (1 << 20) + 1, Integer.MAX_VALUE})
    void constructor_maxTokenLengthOutOfRange_throwsNamingTheKey(int maxLength) {
        assertThatThrownBy(() -> policy(ISSUER, Duration.ZERO, Optional.empty(), maxLength))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token length");
    }
}
