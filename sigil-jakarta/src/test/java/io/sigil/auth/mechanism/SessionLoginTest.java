package io.sigil.auth.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionLoginTest {

    @Test
    void encode_thenDecode_givesTheSameLogin() {
        SessionLogin login = new SessionLogin("al\"ice\n", Set.of("user", "admin"), Instant.ofEpochSecond(1_700_000_000));
        assertThat(SessionLogin.decode(login.encode())).contains(login);
    }

    @Test
    void encode_isAString_soADistributableSessionNeverWritesItBack() {
        Object stored = new SessionLogin("bob", Set.of(), Instant.EPOCH).encode();
        assertThat(stored).isInstanceOf(String.class);
    }

    @Test
    void decode_theRecordItself_asEarlierVersionsKeptIt_isThatLogin() {
        SessionLogin login = new SessionLogin("carol", Set.of("user"), Instant.EPOCH);
        assertThat(SessionLogin.decode(login)).contains(login);
    }

    @Test
    void decode_anythingElse_isNobody() {
        assertThat(SessionLogin.decode(null)).isEmpty();
        assertThat(SessionLogin.decode(42)).isEmpty();
        assertThat(SessionLogin.decode("not json")).isEmpty();
        assertThat(SessionLogin.decode("[]")).isEmpty();
        assertThat(SessionLogin.decode("{\"name\":\"a\",\"groups\":\"x\",\"loginTime\":1}")).isEmpty();
        assertThat(SessionLogin.decode("{\"name\":\"a\",\"groups\":[1],\"loginTime\":1}")).isEmpty();
        assertThat(SessionLogin.decode("{\"name\":1,\"groups\":[],\"loginTime\":1}")).isEmpty();
    }
}
