package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;
import io.sigil.auth.token.internal.EcPoints;
import io.sigil.auth.token.internal.JwkMembers;
import io.sigil.auth.token.internal.KeyChecks;
import io.sigil.auth.token.internal.StrictJson;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads JSON Web Keys (RFC 7517, 7518 section 6, RFC 8037) and JWK Sets into keys, and writes the
 * public JWK (Set) of asymmetric keys. Supported: {@code kty} {@code oct} (HS*), {@code RSA}
 * (RS*, PS*), {@code EC} ({@code crv} P-256/384/521, ES*; the point must be on the curve) and
 * {@code OKP} ({@code crv} Ed25519, EdDSA).
 *
 * <p>A key's algorithm is its {@code alg} member; without one, the configured default when it
 * fits the key type, else ES* by curve, EdDSA for Ed25519, RS256 for RSA; an {@code oct} key needs
 * one or the other. In a JWK Set, keys that are not for signatures ({@code use} other than
 * {@code sig}, {@code key_ops} without {@code verify}, an encryption {@code alg}; see
 * {@link JwkMetadata}), of another {@code kty} or curve, or with an {@code alg} Sigil does not
 * verify, are skipped; a malformed, contradictory or weak key, and an RSA, EC or OKP key with
 * private members, fail the whole set. A signing key's {@code use}/{@code key_ops} must allow
 * signing. Writing never includes a secret or private member, and HMAC keys are never written.
 *
 * <p>Stateless and thread-safe; failures are {@link InvalidKeyMaterialException}s that never
 * quote key material.
 */
public final class Jwk {

    private static final int MAX_KEYS = 100;

    private Jwk() {
    }

    /**
     * Reads verification keys from a JWK or a JWK Set.
     *
     * @param json             the JWK or JWK Set text
     * @param defaultAlgorithm the algorithm for keys without {@code alg}, or {@code null}
     * @param minimumRsaBits   the smallest RSA modulus accepted
     * @return the keys, at least one
     * @throws InvalidKeyMaterialException if the text is malformed, holds no usable key, or a key
     *                                     is weak or inconsistent
     */
    public static List<VerificationKey> verificationKeys(String json, JwsAlgorithm defaultAlgorithm,
                                                         int minimumRsaBits) {
        return verificationKeys(json, defaultAlgorithm, minimumRsaBits, null);
    }

    /**
     * As {@link #verificationKeys(String, JwsAlgorithm, int, String)}, but with
     * {@code droppedSecret} set, secret ({@code oct}) JWKs are skipped unread and their {@code kid}
     * (or {@code null}) is handed to it: a set of public keys, such as a fetched one, never yields
     * a secret.
     */
    static List<VerificationKey> verificationKeys(String json, JwsAlgorithm defaultAlgorithm, int minimumRsaBits,
                                                  Consumer<String> droppedSecret) {
        List<VerificationKey> keys = new ArrayList<>();
        for (JsonObject jwk : members(parse(json))) {
            verificationKey(jwk, defaultAlgorithm, minimumRsaBits, droppedSecret).ifPresent(keys::add);
        }
        if (keys.isEmpty()) {
            throw new InvalidKeyMaterialException("the key text holds no JWK usable for signatures");
        }
        return List.copyOf(keys);
    }

    /**
     * Reads a signing key from one private JWK ({@code oct} with {@code k}, or an RSA, EC or OKP
     * key with {@code d} and its public members).
     *
     * @param json             the JWK text
     * @param defaultAlgorithm the algorithm if the JWK has no {@code alg}, or {@code null}
     * @param minimumRsaBits   the smallest RSA modulus accepted
     * @return the signing key, with the JWK's {@code kid}
     * @throws InvalidKeyMaterialException if the JWK is malformed, public only, weak or inconsistent
     */
    public static SigningKey signingKey(String json, JwsAlgorithm defaultAlgorithm, int minimumRsaBits) {
        JsonObject jwk = parse(json);
        String kty = JwkMembers.string(jwk, "kty");
        if (!JwkMetadata.allows(jwk, JwkMetadata.Operation.SIGN)) {
            throw new InvalidKeyMaterialException("the JWK's \"use\" or \"key_ops\" do not allow "
                    + "signing");
        }
        JwsAlgorithm algorithm = algorithm(jwk, kty, defaultAlgorithm)
                .orElseThrow(() -> new InvalidKeyMaterialException("the JWK's kty or alg is not "
                        + "one Sigil signs with"));
        String kid = JwkMembers.optional(jwk, "kid");
        if (algorithm.isSymmetric()) {
            return HmacKey.of(algorithm, kid, JwkMembers.bytes(jwk, "k"));
        }
        if (!jwk.containsKey("d")) {
            throw new InvalidKeyMaterialException("the JWK has no private part (\"d\")");
        }
        PublicKey publicKey = publicKey(jwk, algorithm);
        PrivateKey privateKey = privateKey(jwk, algorithm, publicKey);
        return SigningKey.of(algorithm, kid, privateKey, publicKey, minimumRsaBits);
    }

    /**
     * @param key a verification key
     * @return its public JWK ({@code kty}, {@code kid} if any, {@code use} "sig", {@code alg} and
     *         the public members), or empty for an HMAC key, which is never published
     */
    public static Optional<JsonObject> publicJwk(VerificationKey key) {
        if (key.publicKey().isEmpty()) {
            return Optional.empty();
        }
        JsonObjectBuilder jwk = Json.createObjectBuilder().add("kty", key.algorithm().jwkKeyType());
        if (key.keyId() != null) {
            jwk.add("kid", key.keyId());
        }
        jwk.add("use", "sig").add("alg", key.algorithm().joseName());
        addPublicMembers(jwk, key.algorithm(), key.publicKey().get());
        return Optional.of(jwk.build());
    }

    /**
     * @param keys verification keys
     * @return a JWK Set of the asymmetric keys' public JWKs; HMAC keys are left out
     */
    public static JsonObject publicJwkSet(Collection<? extends VerificationKey> keys) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        keys.forEach(key -> publicJwk(key).ifPresent(array::add));
        return Json.createObjectBuilder().add("keys", array).build();
    }

    /**
     * Writes a private JWK, for the command-line {@code keygen} only; a server never calls this.
     *
     * @param algorithm the key's algorithm (not HMAC; see {@link #secretJwk})
     * @param keyId     the {@code kid}, or {@code null}
     * @param pair      an RSA (CRT), EC or Ed25519 key pair
     * @return the JWK with its private members
     * @throws InvalidKeyMaterialException if the pair does not fit the algorithm
     */
    public static JsonObject privateJwk(JwsAlgorithm algorithm, String keyId, KeyPair pair) {
        KeyChecks.check(algorithm, pair.getPublic(), JwsAlgorithm.ABSOLUTE_MINIMUM_RSA_BITS);
        JsonObjectBuilder jwk = Json.createObjectBuilder().add("kty", algorithm.jwkKeyType());
        if (keyId != null) {
            jwk.add("kid", keyId);
        }
        jwk.add("use", "sig").add("alg", algorithm.joseName());
        addPublicMembers(jwk, algorithm, pair.getPublic());
        PrivateKey key = pair.getPrivate();
        if (key instanceof RSAPrivateCrtKey rsa) {
            jwk.add("d", unsigned(rsa.getPrivateExponent())).add("p", unsigned(rsa.getPrimeP()))
                    .add("q", unsigned(rsa.getPrimeQ())).add("dp", unsigned(rsa.getPrimeExponentP()))
                    .add("dq", unsigned(rsa.getPrimeExponentQ())).add("qi", unsigned(rsa.getCrtCoefficient()));
        } else if (key instanceof RSAPrivateKey rsa) {
            jwk.add("d", unsigned(rsa.getPrivateExponent()));
        } else if (key instanceof ECPrivateKey ec) {
            jwk.add("d", fixed(ec.getS(), algorithm.ecdsaComponentLength()));
        } else if (key instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
            jwk.add("d", Base64Url.encode(ed.getBytes().get()));
        } else {
            throw new InvalidKeyMaterialException("key pair: unsupported private key");
        }
        return jwk.build();
    }

    /**
     * Writes a secret JWK, for the command-line {@code keygen} only.
     *
     * @param algorithm HS256, HS384 or HS512
     * @param keyId     the {@code kid}, or {@code null}
     * @param secret    the secret, at least the hash size
     * @return {@code {"kty":"oct","kid":…,"use":"sig","alg":…,"k":…}}
     * @throws InvalidKeyMaterialException if the secret is too short
     */
    public static JsonObject secretJwk(JwsAlgorithm algorithm, String keyId, byte[] secret) {
        HmacKey.of(algorithm, keyId, secret);
        JsonObjectBuilder jwk = Json.createObjectBuilder().add("kty", "oct");
        if (keyId != null) {
            jwk.add("kid", keyId);
        }
        return jwk.add("use", "sig").add("alg", algorithm.joseName()).add("k", Base64Url.encode(secret)).build();
    }

    // ------------------------------------------------------------------------------------------

    /**
     * @return the JWKs of a JWK Set, or the object itself when it is one JWK
     * @throws InvalidKeyMaterialException if {@code keys} is not an array of at most 100 objects
     */
    static List<JsonObject> members(JsonObject object) {
        if (!object.containsKey("keys")) {
            return List.of(object);
        }
        JsonValue array = object.get("keys");
        if (array.getValueType() != JsonValue.ValueType.ARRAY || array.asJsonArray().size() > MAX_KEYS) {
            throw new InvalidKeyMaterialException("\"keys\" must be an array of at most "
                    + MAX_KEYS + " JWKs");
        }
        List<JsonObject> members = new ArrayList<>();
        for (JsonValue value : array.asJsonArray()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidKeyMaterialException("\"keys\" must hold JWK objects");
            }
            members.add(value.asJsonObject());
        }
        return members;
    }

    static JsonObject parse(String json) {
        try {
            return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), "JWK");
        } catch (InvalidTokenException e) {
            throw new InvalidKeyMaterialException(e.reason());
        }
    }

    private static Optional<VerificationKey> verificationKey(JsonObject jwk, JwsAlgorithm defaultAlgorithm,
                                                             int minimumRsaBits, Consumer<String> droppedSecret) {
        String kty = JwkMembers.string(jwk, "kty");
        if (kty.equals("oct") && droppedSecret != null) {
            droppedSecret.accept(JwkMembers.optional(jwk, "kid"));
            return Optional.empty();
        }
        if (!kty.equals("oct")) {
            JwkMetadata.refusePrivateMembers(jwk);
        }
        if (!JwkMetadata.allows(jwk, JwkMetadata.Operation.VERIFY)) {
            return Optional.empty();
        }
        Optional<JwsAlgorithm> algorithm = algorithm(jwk, kty, defaultAlgorithm);
        if (algorithm.isEmpty()) {
            return Optional.empty();
        }
        String kid = JwkMembers.optional(jwk, "kid");
        if (algorithm.get().isSymmetric()) {
            return Optional.of(HmacKey.of(algorithm.get(), kid, JwkMembers.bytes(jwk, "k")));
        }
        PublicKey publicKey = publicKey(jwk, algorithm.get());
        return Optional.of(VerificationKey.of(algorithm.get(), kid, publicKey, minimumRsaBits));
    }

    /** @return the algorithm, or empty if the key is of a kind Sigil does not verify */
    private static Optional<JwsAlgorithm> algorithm(JsonObject jwk, String kty, JwsAlgorithm defaultAlgorithm) {
        String crv = jwk.containsKey("crv") ? JwkMembers.string(jwk, "crv") : null;
        String alg = JwkMembers.optional(jwk, "alg");
        JwsAlgorithm chosen;
        if (alg != null) {
            chosen = JwsAlgorithm.fromJoseName(alg).orElse(null);
        } else if (defaultAlgorithm != null && defaultAlgorithm.jwkKeyType().equals(kty)
                && (crv == null || crv.equals(defaultAlgorithm.jwkCurveName()))) {
            chosen = defaultAlgorithm;
        } else {
            chosen = switch (kty) {
                case "RSA" -> JwsAlgorithm.RS256;
                case "EC", "OKP" -> Arrays.stream(JwsAlgorithm.values())
                        .filter(a -> a.jwkKeyType().equals(kty) && a.jwkCurveName().equals(crv))
                        .findFirst().orElse(null);
                case "oct" -> throw new InvalidKeyMaterialException("an oct JWK needs an \"alg\"");
                default -> null;
            };
        }
        if (chosen == null || !chosen.jwkKeyType().equals(kty)
                || chosen.jwkCurveName() != null && !chosen.jwkCurveName().equals(crv)) {
            if (alg != null && chosen != null) {
                throw new InvalidKeyMaterialException("a JWK's alg " + alg
                        + " does not fit its kty/crv");
            }
            return Optional.empty();
        }
        return Optional.of(chosen);
    }

    private static PublicKey publicKey(JsonObject jwk, JwsAlgorithm algorithm) {
        try {
            return switch (algorithm.family()) {
                case RSA, RSA_PSS -> KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        JwkMembers.integer(jwk, "n"), JwkMembers.integer(jwk, "e")));
                case ECDSA -> {
                    ECParameterSpec curve = KeyChecks.curve(algorithm);
                    BigInteger x = JwkMembers.coordinate(jwk, "x", algorithm);
                    BigInteger y = JwkMembers.coordinate(jwk, "y", algorithm);
                    if (!EcPoints.isOnCurve(x, y, curve)) {
                        throw new InvalidKeyMaterialException("the EC JWK's point is not on "
                                + algorithm.jwkCurveName());
                    }
                    yield KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve));
                }
                case EDDSA -> KeyFactory.getInstance("Ed25519").generatePublic(
                        new X509EncodedKeySpec(EcPoints.ed25519Spki(JwkMembers.fixedBytes(jwk, "x", 32))));
                case HMAC -> throw new AssertionError(algorithm);
            };
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("the JWK is not a valid " + algorithm + " key", e);
        }
    }

    private static PrivateKey privateKey(JsonObject jwk, JwsAlgorithm algorithm, PublicKey publicKey) {
        try {
            KeySpec spec = switch (algorithm.family()) {
                case RSA, RSA_PSS -> jwk.containsKey("p")
                        ? new RSAPrivateCrtKeySpec(JwkMembers.integer(jwk, "n"), JwkMembers.integer(jwk, "e"),
                        JwkMembers.integer(jwk, "d"), JwkMembers.integer(jwk, "p"),
                        JwkMembers.integer(jwk, "q"), JwkMembers.integer(jwk, "dp"),
                        JwkMembers.integer(jwk, "dq"), JwkMembers.integer(jwk, "qi"))
                        : new RSAPrivateKeySpec(JwkMembers.integer(jwk, "n"), JwkMembers.integer(jwk, "d"));
                case ECDSA -> new ECPrivateKeySpec(JwkMembers.coordinate(jwk, "d", algorithm),
                        ((ECPublicKey) publicKey).getParams());
                case EDDSA -> new PKCS8EncodedKeySpec(EcPoints.ed25519Pkcs8(JwkMembers.fixedBytes(jwk, "d", 32)));
                case HMAC -> throw new AssertionError(algorithm);
            };
            String type = algorithm.family() == JwsAlgorithm.Family.EDDSA ? "Ed25519"
                    : algorithm.family() == JwsAlgorithm.Family.ECDSA ? "EC" : "RSA";
            return KeyFactory.getInstance(type).generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("the JWK is not a valid " + algorithm
                    + " private key", e);
        }
    }

    private static void addPublicMembers(JsonObjectBuilder jwk, JwsAlgorithm algorithm, PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            jwk.add("n", unsigned(rsa.getModulus())).add("e", unsigned(rsa.getPublicExponent()));
        } else if (key instanceof ECPublicKey ec) {
            int length = algorithm.ecdsaComponentLength();
            jwk.add("crv", algorithm.jwkCurveName())
                    .add("x", fixed(ec.getW().getAffineX(), length))
                    .add("y", fixed(ec.getW().getAffineY(), length));
        } else {
            byte[] spki = key.getEncoded();
            jwk.add("crv", "Ed25519").add("x", Base64Url.encode(Arrays.copyOfRange(spki, spki.length - 32,
                    spki.length)));
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64Url.encode(bytes);
    }

    private static String fixed(BigInteger value, int length) {
        return Base64Url.encode(EcPoints.fixedLength(value, length));
    }
}
