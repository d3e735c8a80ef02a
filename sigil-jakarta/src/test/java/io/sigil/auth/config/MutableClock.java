package io.sigil.auth.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand, so that reload intervals, throttle delays and refresh lifetimes pass without waiting. Reads are thread-safe; move it from one thread at a time. */
public final class MutableClock extends Clock {

    private volatile Instant now = Instant.ofEpochSecond(1_800_000_000L);

    /** @param duration how far to move the clock */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** @param instant the time the clock answers from now on */
    public void set(Instant instant) {
        now = instant;
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
