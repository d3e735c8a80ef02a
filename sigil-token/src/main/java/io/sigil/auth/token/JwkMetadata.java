package io.sigil.auth.token;

import io.sigil.auth.token.internal.JwkMembers;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides from a JWK's metadata (RFC 7517 sections 4.2 to 4.4) whether it may sign or verify JWS
 * signatures, and refuses private members where only a public key belongs.
 *
 * <ul>
 * <li>{@code use}, if present, must be {@code sig}; another value marks a key for something else,
 *     which a JWK Set may hold beside signature keys: the key is skipped.</li>
 * <li>{@code key_ops}, if present, must be an array of distinct strings, each one of the eight
 *     operations RFC 7517 registers. An unregistered value is refused rather than ignored: RFC 7517
 *     lets the list be extended, but Sigil cannot tell what an operation it does not know permits,
 *     and the IANA "JSON Web Key Operations" registry lists only RFC 7517's eight, so an unknown
 *     one is far more likely a typo ({@code "verfy"}) than a new operation. Without {@code verify} (to verify) or
 *     {@code sign} (to sign) the key is skipped.</li>
 * <li>Contradictions refuse the key: {@code use: sig} beside a non-signature operation or an
 *     encryption {@code alg}; another {@code use} beside {@code sign}/{@code verify};
 *     {@code sign}/{@code verify} beside an encryption operation (RFC 7517 section 4.3 warns against
 *     one key for unrelated operations) or an encryption {@code alg}.</li>
 * <li>An {@code alg} of JWE ({@code RSA-OAEP}, {@code ECDH-ES}, {@code A256GCM}, …) without
 *     {@code use}/{@code key_ops} marks an encryption key: skipped.</li>
 * </ul>
 *
 * <p>Failures are {@link InvalidKeyMaterialException}s naming the member, never
 * echoing a value. Stateless and thread-safe.
 */
final class JwkMetadata {

    /** What a key is wanted for. */
    enum Operation {
        /** Signing tokens: {@code key_ops} must hold {@code sign}. */
        SIGN("sign"),
        /** Verifying tokens: {@code key_ops} must hold {@code verify}. */
        VERIFY("verify");

        private final String keyOp;

        Operation(String keyOp) {
            this.keyOp = keyOp;
        }
    }

    /** The key operations registered by RFC 7517 section 4.3. */
    private static final Set<String> REGISTERED_OPS = Set.of("sign", "verify", "encrypt", "decrypt", "wrapKey",
            "unwrapKey", "deriveKey", "deriveBits");
    private static final Set<String> SIGNATURE_OPS = Set.of("sign", "verify");
    /** JWE key management and content encryption algorithms (RFC 7518 sections 4.1 and 5.1, IANA JOSE registry). */
    private static final Set<String> ENCRYPTION_ALGS = Set.of("RSA1_5", "RSA-OAEP", "RSA-OAEP-256",
            "RSA-OAEP-384", "RSA-OAEP-512", "A128KW", "A192KW", "A256KW", "dir", "ECDH-ES", "ECDH-ES+A128KW",
            "ECDH-ES+A192KW", "ECDH-ES+A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW", "PBES2-HS256+A128KW",
            "PBES2-HS384+A192KW", "PBES2-HS512+A256KW", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512",
            "A128GCM", "A192GCM", "A256GCM");
    /** Members that only a private RSA, EC or OKP key has (RFC 7518 section 6, RFC 8037). */
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth");

    private JwkMetadata() {
    }

    /**
     * @param jwk         the JWK
     * @param operation   what the key is wanted for
     * @return {@code true} if the metadata allows the operation; {@code false} if it marks the key
     *         for another purpose (a JWK Set skips such a key)
     * @throws InvalidKeyMaterialException if {@code use}, {@code key_ops} or {@code alg} is
     *                                     malformed or they contradict each other
     */
    static boolean allows(JsonObject jwk, Operation operation) {
        String use = JwkMembers.optional(jwk, "use");
        Set<String> ops = keyOps(jwk);
        String alg = JwkMembers.optional(jwk, "alg");
        boolean encryptionAlg = alg != null && ENCRYPTION_ALGS.contains(alg);
        boolean signatureOps = ops != null && ops.stream().anyMatch(SIGNATURE_OPS::contains);
        boolean otherOps = ops != null && ops.stream().anyMatch(op -> !SIGNATURE_OPS.contains(op));
        if (signatureOps && otherOps) {
            throw conflict("its \"key_ops\" mix signature and encryption operations");
        }
        if (use != null) {
            boolean sig = use.equals("sig");
            if (sig && otherOps) {
                throw conflict("\"use\" is \"sig\" but \"key_ops\" names other operations");
            }
            if (!sig && signatureOps) {
                throw conflict("\"key_ops\" names sign/verify but \"use\" is not \"sig\"");
            }
            if (sig && encryptionAlg) {
                throw conflict("\"use\" is \"sig\" but \"alg\" is an encryption algorithm");
            }
            if (!sig) {
                return false;
            }
        }
        if (signatureOps && encryptionAlg) {
            throw conflict("\"key_ops\" names sign/verify but \"alg\" is an encryption algorithm");
        }
        if (ops != null) {
            return ops.contains(operation.keyOp);
        }
        return !encryptionAlg;
    }

    /**
     * @param jwk         a JWK that must be public
     * @throws InvalidKeyMaterialException if it holds a private member
     */
    static void refusePrivateMembers(JsonObject jwk) {
        for (String member : PRIVATE_MEMBERS) {
            if (jwk.containsKey(member)) {
                throw new InvalidKeyMaterialException("a JWK holds the private member \"" + member
                        + "\", but verification keys are public keys only; publish and configure the public JWK "
                        + "(verifying never needs the private key) and keep the private key out of this file");
            }
        }
    }

    /** @return the distinct registered operations, or {@code null} when there is no {@code key_ops} */
    static Set<String> keyOps(JsonObject jwk) {
        JsonValue value = jwk.get("key_ops");
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidKeyMaterialException("a JWK's \"key_ops\" must be an array");
        }
        Set<String> ops = new HashSet<>();
        for (JsonValue op : value.asJsonArray()) {
            if (op.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidKeyMaterialException("a JWK's \"key_ops\" must hold strings");
            }
            String name = ((JsonString) op).getString();
            if (!REGISTERED_OPS.contains(name)) {
                throw new InvalidKeyMaterialException("a JWK's \"key_ops\" holds an operation that "
                        + "RFC 7517 does not register (sign, verify, encrypt, decrypt, wrapKey, unwrapKey, "
                        + "deriveKey, deriveBits)");
            }
            if (!ops.add(name)) {
                throw new InvalidKeyMaterialException("a JWK's \"key_ops\" holds an operation twice "
                        + "(RFC 7517 section 4.3 forbids duplicates)");
            }
        }
        return ops;
    }

    private static InvalidKeyMaterialException conflict(String what) {
        return new InvalidKeyMaterialException("a JWK's metadata contradicts itself: " + what);
    }
}
