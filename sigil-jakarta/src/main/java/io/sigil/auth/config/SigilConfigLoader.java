package io.sigil.auth.config;

import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.TokenPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads and validates Sigil's configuration from MicroProfile Config (system properties,
 * environment variables, server-specific sources). Stateless; every failure is a
 * {@link SigilConfigurationException} naming the key.
 */
public final class SigilConfigLoader {

    /** The HS256 secret, base64url, at least 32 bytes decoded. Env: {@code SIGIL_SECRET}. */
    public static final String SECRET = "sigil.secret";
    /** Issuer written into tokens and required of presented ones. */
    public static final String ISSUER = "mp.jwt.verify.issuer";
    /** Comma-separated accepted audiences; the issued {@code aud}. */
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    /** Allowed clock skew in seconds. */
    public static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    /** Maximum age of a token in seconds, measured from {@code iat}. */
    public static final String TOKEN_AGE = "mp.jwt.verify.token.age";
    /** Lifetime of issued tokens, ISO-8601 duration. */
    public static final String LIFETIME = "sigil.token.lifetime";
    /** Longest accepted token, in characters. */
    public static final String MAX_LENGTH = "sigil.token.max-length";
    /**
     * Development only: without {@code sigil.secret} and without a signing key, a random secret is
     * generated (and logged as a WARNING) instead of failing the deployment.
     */
    public static final String GENERATE_SECRET = "sigil.secret.generate";
    /** JNDI name of the data source of Sigil's own JDBC user store; unset, that store is off. */
    public static final String DATASOURCE = "sigil.datasource";
    /** Realm named in {@code WWW-Authenticate}. */
    public static final String REALM = "sigil.realm";

    /** The header that carries the token: {@code Authorization}, {@code Cookie} or a custom one. */
    public static final String TOKEN_HEADER = "mp.jwt.token.header";
    /** The cookie that carries the token. */
    public static final String TOKEN_COOKIE = "mp.jwt.token.cookie";
    /**
     * A cookie that may carry the token beside the token header, read only when a request carries
     * no token header (Sigil's own; {@code mp.jwt.token.cookie} counts only with the header {@code Cookie}).
     */
    public static final String SIDE_COOKIE = "sigil.token.cookie";
    /** Comma-separated claims every accepted token must carry, besides {@code exp} and {@code iss}. */
    public static final String REQUIRED_CLAIMS = "sigil.token.required-claims";
    /** How long clients may cache the JWK Set endpoint's answer, ISO-8601. */
    public static final String JWKS_MAX_AGE = "sigil.jwks.max-age";

    /**
     * How many verified tokens are remembered, so that a token presented again skips its
     * signature check (time claims and revocation are still checked on every request); 0 is off.
     */
    public static final String TOKEN_CACHE_SIZE = "sigil.token.cache.size";
    /** The default of {@link #TOKEN_CACHE_SIZE}. */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;

    /** An outside issuer's public key(s), inline: PEM, JWK or JWK Set. */
    public static final String PUBLICKEY = "mp.jwt.verify.publickey";
    /** Where an outside issuer's public key(s) are: path, file:, classpath: or https:. */
    public static final String PUBLICKEY_LOCATION = "mp.jwt.verify.publickey.location";
    /** The algorithm of outside keys that do not name one (PEM, JWK without alg). */
    public static final String PUBLICKEY_ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    /** Sigil's own private signing key: PKCS#8 PEM or private JWK, from a file or the classpath. */
    public static final String SIGNING_KEY_LOCATION = "sigil.signing.key.location";
    /** The kid of a PEM signing key. */
    public static final String SIGNING_KEY_ID = "sigil.signing.key.id";
    /** The algorithm of the signing key when the key alone does not fix it (PS256 for RSA, say). */
    public static final String SIGNING_KEY_ALGORITHM = "sigil.signing.key.algorithm";
    /** More verification keys of Sigil's own (older or next signing keys), published at the JWKS endpoint. */
    public static final String VERIFY_KEYS_LOCATION = "sigil.verify.keys.location";
    /** How often key files are checked for changes, ISO-8601; PT0S never. */
    public static final String KEYS_RELOAD_INTERVAL = "sigil.keys.reload-interval";
    /** The least time between two fetches of an https: JWK Set, ISO-8601. */
    public static final String REMOTE_KEYS_REFRESH_INTERVAL = "sigil.remote-keys.refresh-interval";
    /** How long a fetched https: JWK Set is used before it is fetched again, ISO-8601. */
    public static final String REMOTE_KEYS_MAX_AGE = "sigil.remote-keys.max-age";
    /**
     * Opt-out, default {@code false}: also fetch verification keys from a plain {@code http:} URL
     * (no TLS; for a test server that publishes its own keys, as MicroProfile JWT's TCK does).
     */
    public static final String REMOTE_KEYS_ALLOW_HTTP = "sigil.remote-keys.allow-http";
    /**
     * Opt-out, default {@code false}: while {@code mp.jwt.decrypt.key.location} is set, keep
     * accepting plain signed tokens of the {@code mp.jwt.verify.publickey*} keys (MicroProfile JWT
     * 2.1 then accepts only encrypted ones from them; Sigil's own keys always verify plain tokens).
     */
    public static final String ACCEPT_PLAIN_OUTSIDE_TOKENS = "sigil.decrypt.accept-plain-outside-tokens";
    /** The private RSA key that decrypts encrypted tokens: PKCS#8 PEM, private JWK or JWK Set; file or classpath. */
    public static final String DECRYPT_KEY_LOCATION = "mp.jwt.decrypt.key.location";
    /** RSA-OAEP or RSA-OAEP-256; unset, both are accepted. */
    public static final String DECRYPT_KEY_ALGORITHM = "mp.jwt.decrypt.key.algorithm";
    /** The smallest RSA modulus accepted, in bits. */
    public static final String RSA_MIN_BITS = "sigil.rsa.min-bits";

    private static final Logger LOG = Logger.getLogger(SigilConfigLoader.class.getName());

    private SigilConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param config the MicroProfile Config to read
     * @return the validated configuration
     * @throws SigilConfigurationException if a value is missing, malformed or unsafe
     */
    public static SigilConfig load(Config config) {
        return load(config, SigilConfigLoader.class.getClassLoader(), Clock.systemUTC());
    }

    /**
     * Loads the configuration.
     *
     * @param config      the MicroProfile Config to read
     * @param classLoader the deployment's class loader, for {@code classpath:} key locations
     * @param clock       the time source of key sources that change at run time
     * @return the validated configuration
     * @throws SigilConfigurationException if a value is missing, malformed or unsafe
     */
    public static SigilConfig load(Config config, ClassLoader classLoader, Clock clock) {
        return load(config, classLoader, clock, null, false);
    }

    /**
     * Loads the configuration of an application that may only verify tokens.
     *
     * @param config        the MicroProfile Config to read
     * @param classLoader   the deployment's class loader, for {@code classpath:} key locations
     * @param clock         the time source of key sources that change at run time
     * @param mayOnlyVerify whether the application may start without a secret or signing key when
     *                      {@code mp.jwt.verify.publickey*} is set (an application turned on by
     *                      {@code @LoginConfig(authMethod = "MP-JWT")} alone: it verifies tokens
     *                      issued elsewhere); otherwise a missing secret fails
     * @return the validated configuration
     * @throws SigilConfigurationException if a value is missing, malformed or unsafe
     */
    public static SigilConfig load(Config config, ClassLoader classLoader, Clock clock, boolean mayOnlyVerify) {
        return load(config, classLoader, clock, null, mayOnlyVerify);
    }

    /**
     * Loads the configuration, keeping a key ring that was built before.
     *
     * @param config        the MicroProfile Config to read
     * @param classLoader   the deployment's class loader, for {@code classpath:} key locations
     * @param clock         the time source of key sources that change at run time
     * @param keys          the key ring to keep (no key setting changed), or null to build one
     * @param mayOnlyVerify see {@link #load(Config, ClassLoader, Clock, boolean)}
     * @return the validated configuration
     * @throws SigilConfigurationException if a value is missing, malformed or unsafe
     */
    static SigilConfig load(Config config, ClassLoader classLoader, Clock clock, SigilKeys keys,
                            boolean mayOnlyVerify) {
        boolean generateSecret = bool(config, GENERATE_SECRET, false);
        if (keys == null) {
            keys = SigilKeysLoader.load(config, generateSecret, classLoader, clock, mayOnlyVerify);
        }
        TokenPolicy policy = policy(config);
        Duration lifetime = duration(config, LIFETIME, Duration.ofMinutes(15));
        if (lifetime.compareTo(TokenIssuer.MIN_LIFETIME) < 0 || lifetime.compareTo(TokenIssuer.MAX_LIFETIME) > 0) {
            throw new SigilConfigurationException(LIFETIME + " must be between " + TokenIssuer.MIN_LIFETIME + " and "
                    + TokenIssuer.MAX_LIFETIME);
        }
        Optional<String> dataSource = get(config, DATASOURCE, String.class).map(String::trim).filter(v -> !v.isEmpty());
        String realm = get(config, REALM, String.class).orElse("sigil").trim();
        TokenTransport transport = transport(config);
        Set<String> requiredClaims = names(config, REQUIRED_CLAIMS);
        Duration jwksMaxAge = duration(config, JWKS_MAX_AGE, Duration.ofMinutes(5));
        if (jwksMaxAge.isNegative() || jwksMaxAge.compareTo(Duration.ofDays(1)) > 0) {
            throw new SigilConfigurationException(JWKS_MAX_AGE + " must be between PT0S and P1D");
        }
        int tokenCacheSize = get(config, TOKEN_CACHE_SIZE, Integer.class).orElse(DEFAULT_TOKEN_CACHE_SIZE);
        CookieMode cookies = new CookieMode(bool(config, CookieMode.ENABLED, false),
                bool(config, CookieMode.SECURE, true),
                get(config, CookieMode.SAME_SITE, String.class).orElse("Strict"));
        if (cookies.enabled() && !cookies.secure()) {
            LOG.warning(CookieMode.SECURE + "=false: Sigil's cookies lack the Secure attribute and the __Host- prefix;"
                    + " use it only on plain-HTTP development machines.");
        }
        return new SigilConfig(keys, policy, lifetime, generateSecret, dataSource, realm, transport, requiredClaims,
                jwksMaxAge, tokenCacheSize, cookies);
    }

    /** Reads the claim requirements, checking each value against the core's bounds under its own key. */
    private static TokenPolicy policy(Config config) {
        String issuer = get(config, ISSUER, String.class).orElse("sigil").trim();
        if (issuer.isEmpty()) {
            throw new SigilConfigurationException(ISSUER + " must not be empty");
        }
        long skew = get(config, CLOCK_SKEW, Long.class).orElse(60L);
        if (skew < 0 || skew > TokenPolicy.MAX_CLOCK_SKEW.toSeconds()) {
            throw new SigilConfigurationException(CLOCK_SKEW + " must be between 0 and "
                    + TokenPolicy.MAX_CLOCK_SKEW.toSeconds() + " seconds");
        }
        Optional<Long> age = get(config, TOKEN_AGE, Long.class);
        if (age.isPresent() && (age.get() < 1 || age.get() > TokenPolicy.MAX_TOKEN_AGE.toSeconds())) {
            throw new SigilConfigurationException(TOKEN_AGE + " must be between 1 and "
                    + TokenPolicy.MAX_TOKEN_AGE.toSeconds() + " seconds");
        }
        int maxLength = get(config, MAX_LENGTH, Integer.class).orElse(8192);
        if (maxLength < TokenPolicy.MIN_TOKEN_LENGTH || maxLength > TokenPolicy.MAX_TOKEN_LENGTH) {
            throw new SigilConfigurationException(MAX_LENGTH + " must be between " + TokenPolicy.MIN_TOKEN_LENGTH
                    + " and " + TokenPolicy.MAX_TOKEN_LENGTH);
        }
        return new TokenPolicy(issuer, list(config, AUDIENCES), Duration.ofSeconds(skew), age.map(Duration::ofSeconds),
                maxLength);
    }

    /**
     * {@code mp.jwt.token.cookie} keeps MicroProfile JWT's meaning: it names the cookie only when
     * {@code mp.jwt.token.header} is {@code Cookie}, and is ignored otherwise. A cookie read beside
     * a token header is Sigil's own {@code sigil.token.cookie}.
     */
    private static TokenTransport transport(Config config) {
        String header = get(config, TOKEN_HEADER, String.class).map(String::trim).orElse(TokenTransport.AUTHORIZATION);
        Optional<String> mpCookie = get(config, TOKEN_COOKIE, String.class).map(String::trim);
        Optional<String> sideCookie = get(config, SIDE_COOKIE, String.class).map(String::trim);
        if (header.equalsIgnoreCase(TokenTransport.COOKIE)) {
            if (sideCookie.isPresent()) {
                throw new SigilConfigurationException(SIDE_COOKIE + " names a cookie read beside a token header; with "
                        + TOKEN_HEADER + "=Cookie name the cookie in " + TOKEN_COOKIE + " instead");
            }
            return new TokenTransport(header, Optional.of(mpCookie.orElse(TokenTransport.DEFAULT_COOKIE)));
        }
        if (mpCookie.isPresent()) {
            new TokenTransport(TokenTransport.COOKIE, mpCookie); // still a valid name, or the deployment fails
            LOG.warning(TOKEN_COOKIE + " is ignored because " + TOKEN_HEADER + " is not Cookie (as MicroProfile JWT "
                    + "specifies); to also read a token cookie beside the " + header + " header, set " + SIDE_COOKIE);
        }
        return new TokenTransport(header, sideCookie);
    }

    /** Reads a comma-separated list, trimmed, without empty items or duplicates. */
    private static Set<String> list(Config config, String key) {
        Set<String> items = new LinkedHashSet<>();
        get(config, key, String.class).ifPresent(value -> Arrays.stream(value.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add));
        return items;
    }

    /** Reads a comma-separated list of names without spaces or control characters. */
    private static Set<String> names(Config config, String key) {
        Set<String> names = list(config, key);
        for (String name : names) {
            if (name.length() > 256 || name.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                throw new SigilConfigurationException(key + " must list names without spaces or control characters");
            }
        }
        return names;
    }

    /** Reads a boolean strictly: only true or false, so that a typo fails instead of meaning false. */
    private static boolean bool(Config config, String key, boolean defaultValue) {
        Optional<String> value = get(config, key, String.class).map(String::trim);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (value.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.get().equalsIgnoreCase("false")) {
            return false;
        }
        throw new SigilConfigurationException(key + " must be true or false");
    }

    static Duration duration(Config config, String key, Duration defaultValue) {
        Optional<String> value = get(config, key, String.class);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Duration.parse(value.get().trim());
        } catch (DateTimeParseException e) {
            throw new SigilConfigurationException(key + " must be an ISO-8601 duration such as PT15M");
        }
    }

    static <T> Optional<T> get(Config config, String key, Class<T> type) {
        if (ConfigLookup.unsetByEmptyValue(config, key)) {
            return Optional.empty();
        }
        try {
            return config.getOptionalValue(key, type);
        } catch (IllegalArgumentException e) {
            // MicroProfile Config reports an unconvertible value this way; never echo the value.
            throw new SigilConfigurationException(key + " has a value that is not a valid "
                    + type.getSimpleName());
        }
    }

    /**
     * Decodes a secret as {@code sigil.secret} is written: base64url, with or without padding.
     * The command-line tool reads secrets the same way.
     *
     * @param text the secret's text, trimmed
     * @return the secret's bytes
     * @throws SigilConfigurationException if the text is not base64url; the message names
     *         {@code sigil.secret} and holds nothing of the text
     */
    public static byte[] decodeSecret(String text) {
        String unpadded = text;
        while (unpadded.endsWith("=")) {
            unpadded = unpadded.substring(0, unpadded.length() - 1);
        }
        try {
            return Base64.getUrlDecoder().decode(unpadded);
        } catch (IllegalArgumentException e) {
            throw new SigilConfigurationException(SECRET + " is not valid base64url");
        }
    }
}
