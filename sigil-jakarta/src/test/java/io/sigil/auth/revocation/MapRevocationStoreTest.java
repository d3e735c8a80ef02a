package io.sigil.auth.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.JwtClaims;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class MapRevocationStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration RETENTION = Duration.ofMinutes(15);

    private final ConcurrentHashMap<String, Long> map = new ConcurrentHashMap<>();

    private MapRevocationStore store(Instant now) {
        return new MapRevocationStore(map, true, SKEW, RETENTION, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static JwtClaims token(String name, String jti, Instant issuedAt) {
        return new JwtClaims(name, name, "sigil", Set.of(), Set.of(), issuedAt,
                issuedAt == null ? NOW.plusSeconds(900) : issuedAt.plusSeconds(900), jti, JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void isRevoked_tokenNeverRevoked_isFalse() {
        assertThat(store(NOW).isRevoked(token("alice", "a1", NOW))).isFalse();
    }

    @Test
    void isRevoked_revokedJti_isTrueForThatTokenOnly() {
        MapRevocationStore store = store(NOW);
        store.revokeToken("a1", NOW.plusSeconds(900));

        assertThat(store.isRevoked(token("alice", "a1", NOW))).isTrue();
        assertThat(store.isRevoked(token("alice", "a2", NOW))).isFalse();
    }

    @Test
    void isRevoked_tokenIssuedAtOrBeforeCallerNotBefore_isTrue() {
        MapRevocationStore store = store(NOW);
        store.revokeAllFor("alice", NOW);

        assertThat(store.isRevoked(token("alice", "a1", NOW.minusSeconds(300)))).isTrue();
        assertThat(store.isRevoked(token("alice", "a2", NOW))).isTrue();
        assertThat(store.isRevoked(token("alice", "a3", NOW.plusSeconds(1)))).isFalse();
        assertThat(store.isRevoked(token("bob", "b1", NOW.minusSeconds(300)))).isFalse();
    }

    @Test
    void isRevoked_tokenWithoutIatAfterNotBefore_isTrue() {
        MapRevocationStore store = store(NOW);
        store.revokeAllFor("alice", NOW);

        assertThat(store.isRevoked(token("alice", null, null))).isTrue();
    }

    @Test
    void revokeAllFor_earlierInstant_doesNotMoveNotBeforeBack() {
        MapRevocationStore store = store(NOW);
        store.revokeAllFor("alice", NOW);
        store.revokeAllFor("alice", NOW.minusSeconds(600));

        assertThat(store.isRevoked(token("alice", "a1", NOW.minusSeconds(10)))).isTrue();
        assertThat(map).containsEntry(MapRevocationStore.CALLER_PREFIX + "alice", NOW.getEpochSecond());
    }

    @Test
    void sweep_removesOnlyEntriesThatCanNoLongerRefuseAToken() {
        store(NOW).revokeToken("expired", NOW.minusSeconds(61));
        store(NOW).revokeToken("withinSkew", NOW.minusSeconds(59));
        store(NOW).revokeAllFor("old", NOW.minus(RETENTION).minus(SKEW).minusSeconds(1));
        store(NOW).revokeAllFor("recent", NOW.minus(RETENTION));

        MapRevocationStore later = store(NOW);
        later.sweepIfDue();

        assertThat(map).containsOnlyKeys(MapRevocationStore.TOKEN_PREFIX + "withinSkew",
                MapRevocationStore.CALLER_PREFIX + "recent");
    }

    @Test
    void sweep_runsAtMostOncePerInterval() {
        MapRevocationStore store = store(NOW);
        store.sweepIfDue();
        map.put(MapRevocationStore.TOKEN_PREFIX + "expired", NOW.minusSeconds(3600).getEpochSecond());

        store.sweepIfDue();

        assertThat(map).containsKey(MapRevocationStore.TOKEN_PREFIX + "expired");
    }
}
