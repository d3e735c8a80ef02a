package io.sigil.auth.metrics;

import io.sigil.auth.config.KeyRingState;

/**
 * The key ring's gauges, named and described once for every exporter (see {@link CounterFamily}).
 * Each has one series without labels. Immutable.
 */
enum GaugeFamily {
    SIGNING_KEY_USABLE("sigil_signing_key_usable", "1 while the current signing key can sign, else 0."),
    VERIFICATION_KEYS("sigil_verification_keys", "Keys that may verify a presented token now."),
    KEY_FILES_READ_AGE_SECONDS("sigil_key_files_read_age_seconds",
            "Seconds since the key files were last read with success (since deployment if none changed).");

    private final String metricName;
    private final String help;

    GaugeFamily(String metricName, String help) {
        this.metricName = metricName;
        this.help = help;
    }

    /** @return the gauge's name as exported */
    String metricName() {
        return metricName;
    }

    /** @return one sentence about the gauge */
    String help() {
        return help;
    }

    /**
     * @param keys the key ring's state
     * @return this gauge's value in it
     */
    long value(KeyRingState keys) {
        return switch (this) {
            case SIGNING_KEY_USABLE -> keys.signingKeyUsable() ? 1 : 0;
            case VERIFICATION_KEYS -> keys.verificationKeys();
            case KEY_FILES_READ_AGE_SECONDS -> keys.sinceLastRead().toSeconds();
        };
    }
}
