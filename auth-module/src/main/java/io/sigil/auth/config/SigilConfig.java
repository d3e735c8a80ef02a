package io.sigil.auth.config;

import io.sigil.auth.token.HmacKey;
import io.sigil.auth.token.TokenPolicy;
import java.time.Duration;

/**
 * Sigil's validated configuration, read once per deployment by {@link SigilConfigLoader}.
 * Immutable.
 *
 * @param signingKey     the HS256 key tokens are signed and verified with
 * @param policy         the claim requirements for presented tokens
 * @param tokenLifetime  how long issued tokens stay valid ({@code sigil.token.lifetime})
 * @param demo           whether the demo users are seeded ({@code sigil.demo})
 * @param dataSource     the JNDI name of the user store's data source ({@code sigil.datasource})
 * @param realm          the realm named in {@code WWW-Authenticate} ({@code sigil.realm})
 */
public record SigilConfig(HmacKey signingKey, TokenPolicy policy, Duration tokenLifetime, boolean demo,
                          String dataSource, String realm) {

    /** Checks the values that no other type checks. */
    public SigilConfig {
        if (realm.isBlank() || realm.contains("\"") || realm.contains("\\")) {
            throw new io.sigil.auth.token.SigilConfigurationException(
                    "sigil.realm must be non-empty and contain no quote or backslash");
        }
    }
}
