package io.sigil.auth.config;

import io.sigil.auth.token.ClaimPath;
import java.util.Set;

/**
 * One outside issuer whose tokens Sigil accepts (never issues or refreshes), as configured under
 * {@code sigil.issuer.<name>.*}. Immutable; validated by {@link TrustedIssuers}.
 *
 * @param name         the name in {@code sigil.issuers}, which is part of the issuer's keys
 * @param issuer       the {@code iss} its tokens carry ({@code sigil.issuer.<name>.iss})
 * @param keysLocation where its public keys are: a file, {@code classpath:} resource or
 *                     {@code https:} JWK Set ({@code sigil.issuer.<name>.keys.location})
 * @param audiences    accepted {@code aud} values; empty, any audience
 *                     ({@code sigil.issuer.<name>.audiences})
 * @param groupsClaim  where its tokens carry the caller's groups
 *                     ({@code sigil.issuer.<name>.groups-claim}, default {@code groups})
 */
public record TrustedIssuer(String name, String issuer, String keysLocation, Set<String> audiences,
                            ClaimPath groupsClaim) {

    /** Copies the audiences. */
    public TrustedIssuer {
        audiences = Set.copyOf(audiences);
    }

    /**
     * @param suffix the part after the name, e.g. {@code iss}
     * @return this issuer's configuration key with that suffix
     */
    public String key(String suffix) {
        return TrustedIssuers.key(name, suffix);
    }

    @Override
    public String toString() {
        return name + " (iss=" + issuer + ", keys=" + keysLocation + ", audiences=" + audiences
                + ", groups-claim=" + groupsClaim + ")";
    }
}
