package io.sigil.auth.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * When the key files of one deployment are looked at again: all of them together, at most once
 * per {@code sigil.keys.reload-interval}, by whichever caller comes first after the interval (the
 * others go on with the keys they have). The files of verification keys are looked at before the
 * signing key file, so an operator who adds the old public key to the verification file and then
 * replaces the signing key file (the README's rotation runbook) never gets a moment in which the
 * new signing key is in use but the old tokens' key is in neither file: a check that sees the new
 * signing key has seen the verification file written before it. Thread-safe.
 */
final class ReloadSchedule {

    private final long intervalMillis;
    private final Clock clock;
    private final AtomicLong nextCheck;
    private final List<ReloadingFile<?>> verificationFiles = new CopyOnWriteArrayList<>();
    private final List<ReloadingFile<?>> signingFiles = new CopyOnWriteArrayList<>();
    private final LongAdder reloaded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile long lastReadMillis;

    /**
     * @param interval how often to look for changes; zero never looks again
     * @param clock    the time source
     */
    ReloadSchedule(Duration interval, Clock clock) {
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
        this.lastReadMillis = clock.millis();
        this.nextCheck = new AtomicLong(lastReadMillis + intervalMillis);
    }

    /**
     * Counts a file that was found changed and read again, for the metrics.
     *
     * @param ok whether its new content was taken; false when it could not be read or was refused
     */
    void counted(boolean ok) {
        if (ok) {
            reloaded.increment();
            lastReadMillis = clock.millis();
        } else {
            failed.increment();
        }
    }

    /** @return key files read again with new content that was taken, so far */
    long reloads() {
        return reloaded.sum();
    }

    /** @return key files found changed whose new content could not be read or was refused, so far */
    long failedReloads() {
        return failed.sum();
    }

    /** @return when the key files were last read with success (at deployment, when none was read again) */
    long lastReadMillis() {
        return lastReadMillis;
    }

    /** @return the time source */
    Clock clock() {
        return clock;
    }

    /** Adds a file of verification keys; files are looked at in the order they were added. */
    void addVerificationFile(ReloadingFile<?> file) {
        verificationFiles.add(file);
    }

    /** Adds a signing key file; signing key files are looked at after every verification file. */
    void addSigningFile(ReloadingFile<?> file) {
        signingFiles.add(file);
    }

    /** Looks at every file for a change if the interval has passed and no other caller is doing so. */
    void checkIfDue() {
        if (intervalMillis <= 0) {
            return;
        }
        long now = clock.millis();
        long next = nextCheck.get();
        if (now >= next && nextCheck.compareAndSet(next, now + intervalMillis)) {
            verificationFiles.forEach(ReloadingFile::reloadIfChanged);
            signingFiles.forEach(ReloadingFile::reloadIfChanged);
        }
    }
}
