package io.sigil.auth.config;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyLocation;
import io.sigil.auth.token.KeyResolver;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.SigilConfigurationException;
import io.sigil.auth.token.VerificationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The verification keys of one file, read again when the file changes, so that keys can be
 * rotated without a restart. The file's modification time, size and identity are compared at
 * most once per interval, by whichever request comes first after the interval (one thread at a
 * time; the others go on with the keys they have). A file that cannot be read or parsed leaves
 * the last good keys in place and logs one WARNING per change, naming the setting and the path,
 * never the file's content. Thread-safe.
 */
final class ReloadingKeyFile implements KeyResolver {

    private static final Logger LOG = Logger.getLogger(ReloadingKeyFile.class.getName());

    /** What identifies a version of the file without reading it. */
    private record Stamp(long modifiedMillis, long size, Object fileKey) {
    }

    private final Path path;
    private final String settingName;
    private final Function<String, List<VerificationKey>> parser;
    private final long intervalMillis;
    private final Clock clock;
    private final AtomicLong nextCheck;
    private volatile KeyRing ring;
    private volatile Stamp lastSeen;

    private ReloadingKeyFile(Path path, String settingName, Function<String, List<VerificationKey>> parser,
                             Duration interval, Clock clock, KeyRing ring, Stamp stamp) {
        this.path = path;
        this.settingName = settingName;
        this.parser = parser;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
        this.ring = ring;
        this.lastSeen = stamp;
        this.nextCheck = new AtomicLong(clock.millis() + intervalMillis);
    }

    /**
     * Reads the file for the first time.
     *
     * @param path        the file
     * @param settingName the configuration key that named it, for messages
     * @param parser      turns the file's text into keys; throws {@link SigilConfigurationException}
     * @param interval    how often to look for a change; zero never looks again
     * @param clock       the time source
     * @return the source
     * @throws SigilConfigurationException if the file cannot be read or holds no valid keys
     */
    static ReloadingKeyFile open(Path path, String settingName, Function<String, List<VerificationKey>> parser,
                                 Duration interval, Clock clock) {
        try {
            Stamp stamp = stamp(path);
            KeyRing ring = KeyRing.of(null, parser.apply(read(path, settingName)));
            return new ReloadingKeyFile(path, settingName, parser, interval, clock, ring, stamp);
        } catch (IOException e) {
            throw new SigilConfigurationException(settingName + ": cannot read " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** @return the keys of the last good read, after looking for a change if the interval has passed */
    List<VerificationKey> keys() {
        return current().keys();
    }

    /** @return the file */
    Path path() {
        return path;
    }

    @Override
    public Optional<VerificationKey> byKeyId(String keyId) {
        return current().byKeyId(keyId);
    }

    @Override
    public List<VerificationKey> withoutKeyId(JwsAlgorithm algorithm) {
        return current().withoutKeyId(algorithm);
    }

    private KeyRing current() {
        if (intervalMillis > 0) {
            long now = clock.millis();
            long next = nextCheck.get();
            if (now >= next && nextCheck.compareAndSet(next, now + intervalMillis)) {
                reloadIfChanged();
            }
        }
        return ring;
    }

    /** Looks at the file now, whatever the interval. Package-private for tests. */
    void reloadIfChanged() {
        Stamp stamp;
        try {
            stamp = stamp(path);
        } catch (IOException e) {
            if (lastSeen != null) {
                LOG.warning(() -> settingName + ": cannot read " + path + " (" + e.getClass().getSimpleName()
                        + "); keeping the " + ring.keys().size() + " keys read before");
            }
            lastSeen = null;
            return;
        }
        if (stamp.equals(lastSeen)) {
            return;
        }
        lastSeen = stamp;
        try {
            KeyRing next = KeyRing.of(null, parser.apply(read(path, settingName)));
            ring = next;
            LOG.info(() -> settingName + ": read " + next.keys().size() + " keys from " + path + " (kids "
                    + next.keys().stream().map(k -> String.valueOf(k.keyId())).collect(Collectors.joining(", "))
                    + ")");
        } catch (SigilConfigurationException e) {
            // The message names the setting and never holds key material.
            LOG.warning(() -> "cannot use the new content of " + path + " (" + e.getMessage()
                    + "); keeping the " + ring.keys().size() + " keys read before");
        } catch (RuntimeException e) {
            // A parser bug must not break every request; it keeps the old keys, loudly.
            LOG.log(Level.WARNING, settingName + ": unexpected failure reading " + path
                    + "; keeping the keys read before", e);
        }
    }

    private static Stamp stamp(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
    }

    private static String read(Path path, String settingName) {
        return KeyLocation.read(path.toString(), null, KeyLocation.DEFAULT_TIMEOUT, settingName);
    }

    @Override
    public String toString() {
        return "ReloadingKeyFile[" + settingName + "=" + path + "]";
    }
}
