package io.sigil.auth.config;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyResolver;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.VerificationKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The verification keys of one file, read again when the file changes (see
 * {@link ReloadingFile}), as a {@link KeyResolver}. Thread-safe.
 */
final class ReloadingKeyFile implements KeyResolver {

    private final ReloadingFile<KeyRing> file;

    private ReloadingKeyFile(ReloadingFile<KeyRing> file) {
        this.file = file;
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
        return new ReloadingKeyFile(new ReloadingFile<>(path, settingName,
                text -> KeyRing.of(null, parser.apply(text)),
                ring -> ring.keys().size() + " keys " + SigilKeys.describe(ring.keys()), interval, clock));
    }

    /**
     * Opens a key file that is looked at again on a schedule shared with the deployment's other
     * key files.
     *
     * @param path        the file
     * @param settingName the configuration key that named it, for messages
     * @param parser      turns the file's text into keys; throws {@link SigilConfigurationException}
     * @param schedule    when to look for a change
     * @return the source
     * @throws SigilConfigurationException if the file cannot be read or holds no valid keys
     */
    static ReloadingKeyFile open(Path path, String settingName, Function<String, List<VerificationKey>> parser,
                                 ReloadSchedule schedule) {
        return new ReloadingKeyFile(new ReloadingFile<>(path, settingName,
                text -> KeyRing.of(null, parser.apply(text)),
                ring -> ring.keys().size() + " keys " + SigilKeys.describe(ring.keys()), schedule, false));
    }

    /** @return the keys of the last good read, after looking for a change if the interval has passed */
    List<VerificationKey> keys() {
        return file.current().keys();
    }

    /**
     * @return the ring of the last good read, after looking for a change if the interval has
     *         passed; a new object exactly when the file was read again with keys that parse
     */
    KeyRing snapshot() {
        return file.current();
    }

    @Override
    public Optional<VerificationKey> byKeyId(String keyId) {
        return file.current().byKeyId(keyId);
    }

    @Override
    public List<VerificationKey> withoutKeyId(JwsAlgorithm algorithm) {
        return file.current().withoutKeyId(algorithm);
    }

    @Override
    public String toString() {
        return "ReloadingKeyFile[" + file + "]";
    }
}
