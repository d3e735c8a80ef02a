package io.sigil.auth.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.MutableClock;
import io.sigil.auth.revocation.MapRevocationStore;
import io.sigil.auth.token.IssuedToken;
import io.sigil.auth.token.JwtClaims;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The refresh family state machine with a fixed clock: rotation, reuse, lifetimes, logout. */
class RefreshFamiliesTest {

    private final MutableClock clock = new MutableClock();
    private final ConcurrentMap<String, Object> map = new ConcurrentHashMap<>();
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final MapRevocationStore revocations = new MapRevocationStore((ConcurrentMap) map, true,
            Duration.ofSeconds(60), Duration.ofMinutes(15), clock);
    private final RefreshFamilies families = new RefreshFamilies(map,
            new RefreshSettings(true, Duration.ofHours(1), Duration.ofHours(8)), revocations, clock);
    private final AtomicInteger issued = new AtomicInteger();

    private IssuedToken issue(String caller, Set<String> groups) {
        return new IssuedToken("compact-" + caller, "jti-" + issued.incrementAndGet(),
                clock.instant().plus(Duration.ofMinutes(15)));
    }

    private String login() {
        return families.start("alice", Set.of("user"), issue("alice", Set.of("user")));
    }

    private RefreshGrant.Granted granted(String token) {
        RefreshGrant grant = families.refresh(token, this::issue);
        assertThat(grant).isInstanceOf(RefreshGrant.Granted.class);
        return (RefreshGrant.Granted) grant;
    }

    private void assertRefused(String token, String reason) {
        assertThat(families.refresh(token, this::issue)).isEqualTo(new RefreshGrant.Refused(reason));
    }

    private boolean revoked(String jti) {
        return revocations.isRevoked(new JwtClaims("someone", "someone", "sigil", Set.of(), Set.of(),
                clock.instant(), clock.instant().plusSeconds(60), jti, jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
    }

    @Test
    void refresh_returnsANewPair_andUsesThePresentedTokenUp() {
        String first = login();
        RefreshGrant.Granted second = granted(first);
        assertThat(second.refreshToken()).isNotEqualTo(first);
        assertThat(second.caller()).isEqualTo("alice");
        assertThat(second.access().tokenId()).isEqualTo("jti-2");
        granted(second.refreshToken());
    }

    @Test
    void reuse_endsTheFamily_andRevokesItsAccessTokens() {
        String first = login();
        RefreshGrant.Granted second = granted(first);

        assertRefused(first, "reused");
        assertRefused(second.refreshToken(), "unknown");
        assertThat(revoked("jti-1")).isTrue();
        assertThat(revoked("jti-2")).isTrue();
    }

    @Test
    void reuse_ofAnotherFamily_leavesThisFamilyAlone() {
        String mine = login();
        String other = login();
        granted(other);
        assertRefused(other, "reused");
        granted(mine);
    }

    @Test
    void forgedSecret_isRefused_withoutEndingTheFamily() {
        String first = login();
        String forged = first.substring(0, first.lastIndexOf('.') + 1) + "A".repeat(43);
        assertRefused(forged, "unknown");
        String ahead = first.replaceFirst("\\.0\\.", ".1.");
        assertRefused(ahead, "unknown");
        granted(first);
    }

    @Test
    void malformedTokens_areRefused() {
        for (String bad : new String[] {null, "", "abc", "a.b.c", login() + "x", " " + login()}) {
            assertRefused(bad, "malformed");
        }
    }

    @Test
    void idleTimeout_endsTheFamily() {
        String first = login();
        clock.advance(Duration.ofMinutes(59));
        RefreshGrant.Granted second = granted(first);
        clock.advance(Duration.ofMinutes(60));
        assertRefused(second.refreshToken(), "expired");
        assertRefused(second.refreshToken(), "unknown");
    }

    @Test
    void absoluteLifetime_endsAFamilyInUse() {
        String token = login();
        for (int hour = 0; hour < 8; hour++) {
            clock.advance(Duration.ofMinutes(59));
            token = granted(token).refreshToken();
        }
        clock.advance(Duration.ofMinutes(59));
        assertRefused(token, "expired");
    }

    @Test
    void logoutEverywhere_endsFamiliesStartedBefore_only() {
        String before = login();
        clock.advance(Duration.ofSeconds(1));
        revocations.revokeAllFor("alice", clock.instant());
        clock.advance(Duration.ofSeconds(1));
        String after = login();

        assertRefused(before, "revoked");
        granted(after);
    }

    @Test
    void logoutOfAnAccessToken_endsItsFamily() {
        String first = login();
        RefreshGrant.Granted second = granted(first);
        families.endFamilyOf(second.access().tokenId());
        assertRefused(second.refreshToken(), "unknown");
        assertThat(revoked("jti-1")).isTrue();
    }

    @Test
    void theMap_holdsNoRefreshToken() {
        String first = login();
        String second = granted(first).refreshToken();
        String secret = second.substring(second.lastIndexOf('.') + 1);
        assertThat(map.values()).allSatisfy(value -> assertThat(value.toString()).doesNotContain(secret));
        assertThat(map.values().toString()).contains(RefreshFamilies.hash(second));
    }

    @Test
    void sweep_removesEndedFamilies_andKeepsLiveOnes() {
        login();
        clock.advance(Duration.ofMinutes(30));
        String live = login();
        clock.advance(Duration.ofMinutes(45));
        login();
        assertThat(map.keySet().stream().filter(k -> k.startsWith(RefreshFamilies.FAMILY))).hasSize(2);
        granted(live);
    }

    @Test
    void familyState_survivesItsEncoding() {
        RefreshFamily family = new RefreshFamily("a\"b", Set.of("x", "y"), 1, 2, 3, "h", java.util.Map.of("j", 9L));
        assertThat(RefreshFamily.decode(family.encode())).isEqualTo(family);
        assertThat(RefreshFamily.decode("{}")).isNull();
        assertThat(RefreshFamily.decode(5L)).isNull();
    }
}
