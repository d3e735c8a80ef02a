package io.sigil.auth.config;

import static io.sigil.auth.config.SigilConfigLoader.get;

import io.sigil.auth.token.ClaimPath;
import io.sigil.auth.token.IssuerRouting;
import io.sigil.auth.token.KeyResolver;
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
 * The outside issuers of {@code sigil.issuers}, each with its own key source (a key file re-read
 * when it changes, an {@code https:} JWK Set fetched and refreshed, as for Sigil's other key
 * locations; secret keys are refused) and its own claim requirements: its {@code iss}, its
 * audiences, and Sigil's clock skew, maximum token age and maximum length. Read at deployment and
 * again by every reload of {@link SigilSettings} that sees a changed setting; a reload passes the
 * issuers in force, so that an issuer whose key location did not change keeps its key source
 * (its file is not read again, its JWK Set not fetched again). {@link #routing} puts them beside
 * the deployment's own issuer, so that a token is verified only under the keys of the issuer its
 * {@code iss} names. Immutable and thread-safe; the key sources follow their files and URLs.
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
    /** Every key suffix of an issuer. */
    static final List<String> SUFFIXES = List.of(ISS, KEYS_LOCATION, AUDIENCES, GROUPS_CLAIM);

    /** Names may appear in environment variables and must not make two keys collide. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final TrustedIssuers NONE = new TrustedIssuers(List.of(), Map.of(), Map.of(), KeyGeneration.fixed());

    /** An issuer's opened key source and the location it was opened from. */
    private record Opened(String location, KeySources.Source keys) {
    }

    private final List<TrustedIssuer> issuers;
    private final Map<String, IssuerRouting.Route> routes;
    /** By issuer name. */
    private final Map<String, Opened> opened;
    private final KeyGeneration generation;

    private TrustedIssuers(List<TrustedIssuer> issuers, Map<String, IssuerRouting.Route> routes,
                           Map<String, Opened> opened, KeyGeneration generation) {
        this.issuers = List.copyOf(issuers);
        this.routes = Map.copyOf(routes);
        this.opened = Map.copyOf(opened);
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
        return load(config, ownPolicy, classLoader, clock, NONE);
    }

    /**
     * Reads the outside issuers again, keeping the key source of each issuer of {@code previous}
     * whose name and key location are unchanged.
     *
     * @param config      the configuration
     * @param ownPolicy   the deployment's own claim requirements
     * @param classLoader the deployment's class loader, for {@code classpath:} locations
     * @param clock       the time source of the verifiers and key sources
     * @param previous    the issuers in force, whose key sources may be kept; {@link #none()} to
     *                    open every source anew (when a setting of {@link KeySources} changed)
     * @return the issuers; {@link #none()} when {@code sigil.issuers} is unset
     * @throws SigilConfigurationException naming the key, as {@link #load(Config, TokenPolicy, ClassLoader, Clock)}
     */
    static TrustedIssuers load(Config config, TokenPolicy ownPolicy, ClassLoader classLoader, Clock clock,
                               TrustedIssuers previous) {
        List<String> names = listedNames(config);
        if (names.isEmpty()) {
            return NONE;
        }
        KeySources sources = null;
        List<TrustedIssuer> issuers = new ArrayList<>();
        Map<String, IssuerRouting.Route> routes = new HashMap<>();
        Map<String, Opened> opened = new HashMap<>();
        List<Supplier<?>> snapshots = new ArrayList<>();
        for (String name : names) {
            TrustedIssuer issuer = read(config, name, ownPolicy.issuer());
            if (routes.containsKey(issuer.issuer())) {
                throw new SigilConfigurationException(issuer.key(ISS) + " is the iss of another issuer in "
                        + ISSUERS + ": each issuer needs its own iss");
            }
            Opened keys = previous.opened.get(name);
            if (keys == null || !keys.location().equals(issuer.keysLocation())) {
                if (sources == null) {
                    sources = SigilKeysLoader.sources(config, classLoader, clock);
                }
                // Each issuer's files on a schedule of their own, which is dropped with the issuer.
                keys = new Opened(issuer.keysLocation(), sources.withOwnSchedule()
                        .open(issuer.keysLocation(), issuer.key(KEYS_LOCATION), null));
            }
            TokenPolicy policy = new TokenPolicy(issuer.issuer(), issuer.audiences(), ownPolicy.clockSkew(),
                    ownPolicy.maxTokenAge(), ownPolicy.maxTokenLength());
            routes.put(issuer.issuer(), new IssuerRouting.Route(new TokenVerifier(keys.keys().resolver(), policy,
                    clock), issuer.groupsClaim()));
            opened.put(name, keys);
            snapshots.add(keys.keys().snapshot());
            issuers.add(issuer);
        }
        return new TrustedIssuers(issuers, routes, opened, new KeyGeneration(snapshots));
    }

    /**
     * @param name   an issuer's name
     * @param suffix e.g. {@link #ISS}
     * @return the configuration key {@code sigil.issuer.<name>.<suffix>}
     */
    static String key(String name, String suffix) {
        return PREFIX + name + "." + suffix;
    }

    /**
     * @param name a name as listed in {@code sigil.issuers}, trimmed
     * @return whether it is a well-formed issuer name
     */
    static boolean isWellFormedName(String name) {
        return NAME.matcher(name).matches();
    }

    private static List<String> listedNames(Config config) {
        Optional<String> value = get(config, ISSUERS, String.class).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> folded = new HashSet<>();
        for (String item : value.get().split(",", -1)) {
            String name = item.trim();
            if (!isWellFormedName(name)) {
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

    /** @return the names of the outside issuers, in the order of {@code sigil.issuers} */
    public List<String> names() {
        return issuers.stream().map(TrustedIssuer::name).toList();
    }

    /**
     * @param name an issuer's name
     * @return the key source of that issuer, for tests that check it was kept; null if there is none
     */
    KeyResolver keysOf(String name) {
        Opened keys = opened.get(name);
        return keys == null ? null : keys.keys().resolver();
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
