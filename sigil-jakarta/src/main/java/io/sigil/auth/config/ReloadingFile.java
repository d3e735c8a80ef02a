package io.sigil.auth.config;

import io.sigil.auth.token.internal.KeyLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a key file holds, read again when the file changes, so that keys can be rotated without a
 * restart. The file's modification time, size and identity are compared when its
 * {@link ReloadSchedule} says so: at most once per interval, together with the deployment's other
 * key files, by whichever caller comes first after the interval (one thread at a time; the others
 * go on with the value they have). A file that cannot be read, or whose content the parser
 * refuses, leaves the last good value in place and logs one WARNING per change, naming the setting
 * and the path, never the content. Thread-safe.
 *
 * @param <T> what the file is parsed into
 */
final class ReloadingFile<T> {

    private static final Logger LOG = Logger.getLogger(ReloadingFile.class.getName());

    /** What identifies a version of the file without reading it. */
    private record Stamp(long modifiedMillis, long size, Object fileKey) {
    }

    private final Path path;
    private final String settingName;
    private final Function<String, T> parser;
    private final Function<T, String> describer;
    private final ReloadSchedule schedule;
    private volatile T value;
    private volatile Stamp lastSeen;

    /**
     * Reads the file for the first time; it is looked at again on its own schedule, as a file of
     * verification keys.
     *
     * @param path        the file
     * @param settingName the configuration key that named it, for messages
     * @param parser      turns the text into a value; throws {@link SigilConfigurationException}
     *                    (whose message names the setting and holds no key material), or the
     *                    core's {@code InvalidKeyMaterialException}, which is named after
     *                    {@code settingName} here
     * @param describer   what to log about a new value (kids, algorithms; never key material)
     * @param interval    how often to look for a change; zero never looks again
     * @param clock       the time source
     * @throws SigilConfigurationException if the file cannot be read or parsed
     */
    ReloadingFile(Path path, String settingName, Function<String, T> parser, Function<T, String> describer,
                  Duration interval, Clock clock) {
        this(path, settingName, parser, describer, new ReloadSchedule(interval, clock), false);
    }

    /**
     * Reads the file for the first time and joins a schedule shared with other key files.
     *
     * @param path        the file
     * @param settingName the configuration key that named it, for messages
     * @param parser      turns the text into a value; throws {@link SigilConfigurationException}
     * @param describer   what to log about a new value (kids, algorithms; never key material)
     * @param schedule    when to look for a change
     * @param signing     whether the file holds the signing key (looked at after the others)
     * @throws SigilConfigurationException if the file cannot be read or parsed
     */
    ReloadingFile(Path path, String settingName, Function<String, T> parser, Function<T, String> describer,
                  ReloadSchedule schedule, boolean signing) {
        this.path = path;
        this.settingName = settingName;
        this.parser = parser;
        this.describer = describer;
        try {
            this.lastSeen = stamp(path);
        } catch (IOException e) {
            throw new SigilConfigurationException(settingName + ": cannot read " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        this.value = parse();
        this.schedule = schedule;
        if (signing) {
            schedule.addSigningFile(this);
        } else {
            schedule.addVerificationFile(this);
        }
    }

    /** @return the value of the last good read, after looking for a change if the interval has passed */
    T current() {
        schedule.checkIfDue();
        return value;
    }

    /** @return the value of the last good read, without looking at the file */
    T last() {
        return value;
    }

    /** Looks at the file now, whatever the interval. */
    void reloadIfChanged() {
        Stamp stamp;
        try {
            stamp = stamp(path);
        } catch (IOException e) {
            if (lastSeen != null) {
                LOG.warning(() -> settingName + ": cannot read " + path + " (" + e.getClass().getSimpleName()
                        + "); keeping what was read before");
                schedule.counted(false);
            }
            lastSeen = null;
            return;
        }
        if (stamp.equals(lastSeen)) {
            return;
        }
        lastSeen = stamp;
        try {
            T next = parse();
            value = next;
            schedule.counted(true);
            LOG.info(() -> settingName + ": read " + path + ": " + describer.apply(next));
        } catch (SigilConfigurationException e) {
            schedule.counted(false);
            LOG.warning(() -> "cannot use the new content of " + path + " (" + e.getMessage()
                    + "); keeping what was read before");
        } catch (RuntimeException e) {
            schedule.counted(false);
            // A parser bug must not break every request; the old value stays, loudly.
            LOG.log(Level.WARNING, settingName + ": unexpected failure reading " + path
                    + "; keeping what was read before", e);
        }
    }

    /** Reads and parses the file; the core's refusal of its keys names the setting. */
    private T parse() {
        return SigilConfigurationException.naming(settingName,
                () -> parser.apply(KeyLocation.read(path.toString(), null, KeyLocation.DEFAULT_TIMEOUT)));
    }

    private static Stamp stamp(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
    }

    @Override
    public String toString() {
        return "ReloadingFile[" + settingName + "=" + path + "]";
    }
}
