package io.sigil.auth.config;

import static io.sigil.auth.config.SigilConfigLoader.get;

import io.sigil.auth.token.ClaimPath;
import io.sigil.auth.token.IssuerRouting;
import io.sigil.auth.token.TokenPolicy;
import io.sigil.auth.token.TokenVerifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The outside issuers of {@code sigil.issuers}, read and checked at deployment, each with its own
 * key source (a key file re-read when it changes, an {@code https:} JWK Set fetched and refreshed,
 * as for Sigil's other key locations; secret keys are refused) and its own claim requirements:
 * its {@code iss}, its audiences, and Sigil's clock skew, maximum token age and maximum length.
 * {@link #routing} puts them beside the deployment's own issuer, so that a token is verified only
 * under the keys of the issuer its {@code iss} names. Thread-safe; the key sources follow their
 * files and URLs.
 */
public final class TrustedIssuers {

    /** Comma-separated names of the outside issuers, each configured under {@code sigil.issuer.<name>.*}. */
    public static final String ISSUERS = "sigil.issuers";
    /** The prefix of every outside issuer's keys. */
    public static final String PREFIX = "sigil.issuer.";
    /** The {@code iss} of the issuer's tokens (required, unique, not Sigil's own). */
    public static final String ISS = "iss";
    /** Where the issuer's public keys are: file path, {@code file:}, {@code classpath:} or {@code https:} (required). */
    public static final String KEYS_LOCATION = "keys.location";
    /** Comma-separated accepted {@code aud} values; unset, any. */
    public static final String AUDIENCES = "audiences";
    /** The path of the claim that holds the caller's groups, e.g. {@code realm_access/roles}; default {@code groups}. */
    public static final String GROUPS_CLAIM = "groups-claim";

    /** Names may appear in environment variables and must not make two keys collide. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final TrustedIssuers NONE = new TrustedIssuers(List.of(), Map.of(), KeyGeneration.fixed());

    private final List<TrustedIssuer> issuers;
    private final Map<String, IssuerRouting.Route> routes;
    private final KeyGeneration generation;

    private TrustedIssuers(List<TrustedIssuer> issuers, Map<String, IssuerRouting.Route> routes,
                           KeyGeneration generation) {
        this.issuers = List.copyOf(issuers);
        this.routes = Map.copyOf(routes);
        this.generation = generation;
    }

    /** @return no outside issuer */
    public static TrustedIssuers none() {
        return NONE;
    }

    /**
     * Reads the outside issuers and opens their key sources.
     *
     * @param config      the configuration
     * @param ownPolicy   the deployment's own claim requirements: its issuer, which no outside
     *                    issuer may claim, and the skew, maximum age and length they share
     * @param classLoader the deployment's class loader, for {@code classpath:} locations
     * @param clock       the time source of the verifiers and key sources
     * @return the issuers; {@link #none()} when {@code sigil.issuers} is unset
     * @throws SigilConfigurationException naming the key, if a value is missing, malformed or
     *                                     ambiguous, or the keys are unusable or secret
     */
    public static TrustedIssuers load(Config config, TokenPolicy ownPolicy, ClassLoader classLoader, Clock clock) {
        List<String> names = names(config);
        if (names.isEmpty()) {
            return NONE;
        }
        KeySources sources = SigilKeysLoader.sources(config, classLoader, clock);
        List<TrustedIssuer> issuers = new ArrayList<>();
        Map<String, IssuerRouting.Route> routes = new HashMap<>();
        List<Supplier<?>> snapshots = new ArrayList<>();
        for (String name : names) {
            TrustedIssuer issuer = read(config, name, ownPolicy.issuer());
            if (routes.containsKey(issuer.issuer())) {
                throw new SigilConfigurationException(issuer.key(ISS) + " is the iss of another issuer in "
                        + ISSUERS + ": each issuer needs its own iss");
            }
            KeySources.Source keys = sources.open(issuer.keysLocation(), issuer.key(KEYS_LOCATION), null);
            TokenPolicy policy = new TokenPolicy(issuer.issuer(), issuer.audiences(), ownPolicy.clockSkew(),
                    ownPolicy.maxTokenAge(), ownPolicy.maxTokenLength());
            routes.put(issuer.issuer(), new IssuerRouting.Route(new TokenVerifier(keys.resolver(), policy, clock),
                    issuer.groupsClaim()));
            snapshots.add(keys.snapshot());
            issuers.add(issuer);
        }
        return new TrustedIssuers(issuers, routes, new KeyGeneration(snapshots));
    }

    /**
     * @param name   an issuer's name
     * @param suffix e.g. {@link #ISS}
     * @return the configuration key {@code sigil.issuer.<name>.<suffix>}
     */
    static String key(String name, String suffix) {
        return PREFIX + name + "." + suffix;
    }

    private static List<String> names(Config config) {
        Optional<String> value = get(config, ISSUERS, String.class).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> folded = new HashSet<>();
        for (String item : value.get().split(",", -1)) {
            String name = item.trim();
            if (!NAME.matcher(name).matches()) {
                throw new SigilConfigurationException(ISSUERS + " must list names of 1 to 64 letters, digits, '_' "
                        + "or '-', separated by commas");
            }
            // case-insensitively unique: environment variables fold case
            if (!folded.add(name.toLowerCase(Locale.ROOT).replace('-', '_'))) {
                throw new SigilConfigurationException(ISSUERS + " names the issuer '" + name + "' twice");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static TrustedIssuer read(Config config, String name, String ownIssuer) {
        String issKey = key(name, ISS);
        String iss = get(config, issKey, String.class).map(String::trim).orElse("");
        if (iss.isEmpty()) {
            throw new SigilConfigurationException(issKey + " is not set: each issuer in " + ISSUERS + " needs the iss "
                    + "its tokens carry");
        }
        if (iss.equals(ownIssuer)) {
            throw new SigilConfigurationException(issKey + " is Sigil's own issuer (" + SigilConfigLoader.ISSUER
                    + "): an outside issuer needs an iss of its own");
        }
        String locationKey = key(name, KEYS_LOCATION);
        String location = get(config, locationKey, String.class).map(String::trim).orElse("");
        if (location.isEmpty()) {
            throw new SigilConfigurationException(locationKey + " is not set: each issuer in " + ISSUERS
                    + " needs the location of its public keys");
        }
        Set<String> audiences = get(config, key(name, AUDIENCES), String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
        String groupsKey = key(name, GROUPS_CLAIM);
        ClaimPath groups;
        try {
            groups = get(config, groupsKey, String.class).map(String::trim).map(ClaimPath::parse)
                    .orElse(ClaimPath.groups());
        } catch (IllegalArgumentException e) {
            throw new SigilConfigurationException(groupsKey + " is not a well-formed claim path (" + e.getMessage()
                    + "); write names separated by '/', such as realm_access/roles");
        }
        return new TrustedIssuer(name, iss, location, audiences, groups);
    }

    /** @return the outside issuers, in the order of {@code sigil.issuers} */
    public List<TrustedIssuer> issuers() {
        return issuers;
    }

    /** @return whether no outside issuer is configured */
    public boolean isEmpty() {
        return issuers.isEmpty();
    }

    /**
     * @param own       verifies the deployment's own tokens
     * @param ownPolicy the deployment's own claim requirements
     * @return the routing of tokens to the issuer their {@code iss} names; thread-safe
     */
    public IssuerRouting routing(IssuerRouting.Verifier own, TokenPolicy ownPolicy) {
        return new IssuerRouting(ownPolicy.issuer(), own, routes, ownPolicy.maxTokenLength());
    }

    /**
     * A number that changes whenever the keys of an outside issuer change (a file read again with
     * new content, a JWK Set fetched again). Cheap while nothing changed; thread-safe.
     *
     * @return the current generation of the outside issuers' keys
     */
    public long generation() {
        return generation.current();
    }

    @Override
    public String toString() {
        return issuers.isEmpty() ? "no outside issuers"
                : issuers.stream().map(TrustedIssuer::toString).collect(Collectors.joining("; "));
    }
}
