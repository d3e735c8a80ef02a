package io.sigil.auth.cli;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.TokenVerifier;
import java.time.Clock;

/**
 * Builds the verifier a server builds from its configuration, exactly as
 * {@code io.sigil.auth.config.SigilConfigProducer} does. Stateless.
 */
final class ServerVerifier {

    private ServerVerifier() {
    }

    static TokenVerifier of(SigilConfig config) {
        return new TokenVerifier(KeyRing.of(config.signingKey()), config.policy(), Clock.systemUTC());
    }
}
