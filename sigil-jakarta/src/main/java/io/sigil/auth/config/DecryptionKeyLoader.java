package io.sigil.auth.config;

import static io.sigil.auth.config.SigilConfigLoader.get;

import io.sigil.auth.token.JweDecryptor;
import io.sigil.auth.token.KeyLocation;
import io.sigil.auth.token.PemKeys;
import io.sigil.auth.token.SigilConfigurationException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Reads MicroProfile JWT's decryption settings into a {@link JweDecryptor}:
 * {@code mp.jwt.decrypt.key.location} (a PKCS#8 PEM RSA private key, a private RSA JWK or a JWK
 * Set; a file path, {@code file:} or {@code classpath:} location, never {@code https:}) and
 * {@code mp.jwt.decrypt.key.algorithm} ({@code RSA-OAEP} or {@code RSA-OAEP-256}; unset, both).
 * Stateless; every failure names the setting and never echoes key material.
 */
final class DecryptionKeyLoader {

    /** Where the private key(s) that open encrypted tokens are. */
    static final String LOCATION = "mp.jwt.decrypt.key.location";
    /** The key management algorithm accepted. */
    static final String ALGORITHM = "mp.jwt.decrypt.key.algorithm";

    private DecryptionKeyLoader() {
    }

    /**
     * @return the decryptor, or empty when {@code mp.jwt.decrypt.key.location} is not set
     * @throws SigilConfigurationException if a setting is malformed or a key weak
     */
    static Optional<JweDecryptor> load(Config config, ClassLoader classLoader, int rsaMinBits) {
        Optional<String> location = get(config, LOCATION, String.class).map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> algorithm = get(config, ALGORITHM, String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (location.isEmpty()) {
            if (algorithm.isPresent()) {
                throw new SigilConfigurationException(ALGORITHM + " needs " + LOCATION);
            }
            return Optional.empty();
        }
        if (algorithm.isPresent() && !JweDecryptor.ALGORITHMS.contains(algorithm.get())) {
            throw new SigilConfigurationException(ALGORITHM + " must be RSA-OAEP or RSA-OAEP-256");
        }
        if (location.get().startsWith("https:")) {
            throw new SigilConfigurationException(LOCATION
                    + " must be a file or classpath location: a private key is never fetched over the network");
        }
        String resource = KeySources.filePath(location.get(), LOCATION).map(path -> path.toUri().toString())
                .orElse(location.get().contains(":") ? location.get() : "classpath:" + location.get());
        String text = KeyLocation.read(resource, classLoader, KeyLocation.DEFAULT_TIMEOUT, LOCATION).trim();
        List<JweDecryptor.Key> keys = text.startsWith("-----")
                ? List.of(new JweDecryptor.Key(null, rsa(PemKeys.privateKey(text, LOCATION))))
                : jwkKeys(text);
        for (JweDecryptor.Key key : keys) {
            if (key.key().getModulus().bitLength() < rsaMinBits) {
                throw new SigilConfigurationException(LOCATION + " holds an RSA key below " + rsaMinBits + " bits ("
                        + SigilConfigLoader.RSA_MIN_BITS + ")");
            }
        }
        Set<String> algorithms = algorithm.map(Set::of).orElse(JweDecryptor.ALGORITHMS);
        return Optional.of(new JweDecryptor(keys, new LinkedHashSet<>(algorithms)));
    }

    private static RSAPrivateKey rsa(PrivateKey key) {
        if (key instanceof RSAPrivateKey rsa) {
            return rsa;
        }
        throw new SigilConfigurationException(LOCATION + " must hold an RSA private key");
    }

    private static List<JweDecryptor.Key> jwkKeys(String text) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new SigilConfigurationException(LOCATION + " is neither a PEM key nor a JWK or JWK Set");
        }
        List<JsonObject> jwks = new ArrayList<>();
        if (json.containsKey("keys")) {
            json.getJsonArray("keys").stream().filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                    .map(JsonValue::asJsonObject).forEach(jwks::add);
        } else {
            jwks.add(json);
        }
        List<JweDecryptor.Key> keys = new ArrayList<>();
        for (JsonObject jwk : jwks) {
            if ("RSA".equals(member(jwk, "kty")) && jwk.containsKey("d")
                    && (!jwk.containsKey("use") || "enc".equals(member(jwk, "use")))) {
                keys.add(new JweDecryptor.Key(member(jwk, "kid"), rsa(jwk)));
            }
        }
        if (keys.isEmpty()) {
            throw new SigilConfigurationException(LOCATION + " holds no private RSA key");
        }
        return keys;
    }

    private static RSAPrivateKey rsa(JsonObject jwk) {
        try {
            BigInteger n = number(jwk, "n");
            BigInteger d = number(jwk, "d");
            RSAPrivateKeySpec spec = jwk.containsKey("p") && jwk.containsKey("q") && jwk.containsKey("dp")
                    && jwk.containsKey("dq") && jwk.containsKey("qi")
                    ? new RSAPrivateCrtKeySpec(n, number(jwk, "e"), d, number(jwk, "p"), number(jwk, "q"),
                            number(jwk, "dp"), number(jwk, "dq"), number(jwk, "qi"))
                    : new RSAPrivateKeySpec(n, d);
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SigilConfigurationException(LOCATION + " holds a malformed RSA JWK");
        }
    }

    private static BigInteger number(JsonObject jwk, String name) {
        String value = member(jwk, name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        byte[] bytes = Base64.getUrlDecoder().decode(value);
        try {
            return new BigInteger(1, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static String member(JsonObject jwk, String name) {
        return jwk.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
