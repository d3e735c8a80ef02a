package io.sigil.auth.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand, so that reload intervals, throttle delays and refresh lifetimes pass without waiting. Not thread-safe for concurrent advances. */
public final class MutableClock extends Clock {

    private volatile Instant now = Instant.ofEpochSecond(1_800_000_000L);

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
