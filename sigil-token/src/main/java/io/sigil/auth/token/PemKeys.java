package io.sigil.auth.token;

import io.sigil.auth.token.internal.EcPoints;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes PEM keys: {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) and
 * {@code PRIVATE KEY} (unencrypted PKCS#8), for RSA, EC (P-256/384/521) and Ed25519. Encrypted
 * PKCS#8 and PKCS#1 ({@code RSA PRIVATE KEY}) are not read. Stateless and thread-safe; every
 * failure is an {@link InvalidKeyMaterialException} that never quotes the key.
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final String[] KEY_TYPES = {"RSA", "EC", "Ed25519"};

    private PemKeys() {
    }

    /** A decoded PEM block. */
    private record Block(String label, byte[] der) {
    }

    /**
     * @param pem         text holding a {@code PUBLIC KEY} block
     * @return the RSA, EC or Ed25519 public key
     * @throws InvalidKeyMaterialException if there is no readable public key
     */
    public static PublicKey publicKey(String pem) {
        Block block = block(pem, "PUBLIC KEY")
                .orElseThrow(() -> new InvalidKeyMaterialException("the key text holds no PEM PUBLIC KEY"));
        return publicKey(block.der());
    }

    /**
     * @param spki        a DER SubjectPublicKeyInfo
     * @return the RSA, EC or Ed25519 public key
     * @throws InvalidKeyMaterialException if the bytes are not such a key
     */
    public static PublicKey publicKey(byte[] spki) {
        for (String type : KEY_TYPES) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next type
            }
        }
        throw new InvalidKeyMaterialException("the key text holds no RSA, EC or Ed25519 public key");
    }

    /**
     * @param pem         text holding a {@code PRIVATE KEY} block (unencrypted PKCS#8)
     * @return the RSA, EC or Ed25519 private key
     * @throws InvalidKeyMaterialException if there is no readable private key
     */
    public static PrivateKey privateKey(String pem) {
        Block block = block(pem, "PRIVATE KEY").orElseThrow(() -> new InvalidKeyMaterialException(
                "the key text holds no PEM PRIVATE KEY (unencrypted PKCS#8)"));
        for (String type : KEY_TYPES) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(block.der()));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next type
            }
        }
        throw new InvalidKeyMaterialException("the key text holds no RSA, EC or Ed25519 private key");
    }

    /**
     * Finds the public key that belongs to a private key: a {@code PUBLIC KEY} block in the same
     * text if there is one, else derived (RSA from the CRT key, EC from the public key that
     * OpenSSL embeds in PKCS#8 or else by multiplying the generator, Ed25519 from the seed). The
     * signing key's sign/verify probe then checks the pair.
     *
     * @param pem         the PEM text the private key came from
     * @param privateKey  the private key
     * @return the public key
     * @throws InvalidKeyMaterialException if no public key can be found
     */
    public static PublicKey publicKeyFor(String pem, PrivateKey privateKey) {
        Optional<Block> block = block(pem, "PUBLIC KEY");
        if (block.isPresent()) {
            return publicKey(block.get().der());
        }
        try {
            if (privateKey instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (privateKey instanceof ECPrivateKey ec) {
                ECPoint point = ecPublicPoint(ec);
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, ec.getParams()));
            }
            if (privateKey instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
                byte[] seed = ed.getBytes().get();
                return ed25519PublicFromSeed(seed);
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("cannot derive the public key", e);
        }
        throw new InvalidKeyMaterialException("cannot derive the public key; add its PEM "
                + "PUBLIC KEY block to the same text");
    }

    /** @return the key as a {@code PUBLIC KEY} PEM block */
    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** @return the key as an unencrypted PKCS#8 {@code PRIVATE KEY} PEM block */
    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** @return whether the text holds at least one PEM block */
    static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    private static Optional<Block> block(String pem, String label) {
        if (pem == null) {
            return Optional.empty();
        }
        List<Block> found = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                try {
                    found.add(new Block(label, Base64.getMimeDecoder().decode(matcher.group(2))));
                } catch (IllegalArgumentException e) {
                    throw new InvalidKeyMaterialException("the PEM " + label
                            + " block is not valid base64");
                }
            }
        }
        if (found.size() > 1) {
            throw new InvalidKeyMaterialException("the key text holds more than one PEM " + label);
        }
        return found.stream().findFirst();
    }

    /** Derives an Ed25519 public key: RFC 8032 key generation is a function of the 32-byte seed. */
    static PublicKey ed25519PublicFromSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        // PrivateSigningKey's probe checks that the derived key verifies what the seed signs.
        return generator.generateKeyPair().getPublic();
    }

    /**
     * Reads the optional {@code publicKey [1] BIT STRING} of the SEC1 ECPrivateKey inside a
     * PKCS#8 PrivateKeyInfo.
     */
    private static ECPoint ecPublicPoint(ECPrivateKey key) {
        ECPoint embedded = embeddedEcPoint(key.getEncoded(), key.getParams().getOrder().bitLength());
        return embedded != null ? embedded : EcPoints.multiplyGenerator(key.getS(), key.getParams());
    }

    private static ECPoint embeddedEcPoint(byte[] pkcs8, int orderBits) {
        Der info = new Der(pkcs8).sequence();
        info.next(0x02);
        info.next(0x30);
        Der sec1 = new Der(info.next(0x04)).sequence();
        sec1.next(0x02);
        sec1.next(0x04);
        while (sec1.hasMore()) {
            int tag = sec1.peekTag();
            byte[] value = sec1.next(tag);
            if (tag == 0xA1) {
                byte[] bits = new Der(value).next(0x03);
                int length = (orderBits + 7) / 8;
                if (bits.length == 2 + 2 * length && bits[0] == 0 && bits[1] == 4) {
                    return new ECPoint(new BigInteger(1, java.util.Arrays.copyOfRange(bits, 2, 2 + length)),
                            new BigInteger(1, java.util.Arrays.copyOfRange(bits, 2 + length, bits.length)));
                }
            }
        }
        return null;
    }

    /** A minimal DER reader for the few structures above. */
    private static final class Der {
        private final byte[] bytes;
        private int position;

        Der(byte[] bytes) {
            this.bytes = bytes;
        }

        Der sequence() {
            return new Der(next(0x30));
        }

        boolean hasMore() {
            return position < bytes.length;
        }

        int peekTag() {
            return bytes[position] & 0xFF;
        }

        byte[] next(int tag) {
            if (position + 2 > bytes.length || (bytes[position] & 0xFF) != tag) {
                throw new InvalidKeyMaterialException("unexpected DER structure in a private key");
            }
            position++;
            int length = bytes[position++] & 0xFF;
            if (length >= 0x80) {
                int octets = length & 0x7F;
                if (octets > 3 || position + octets > bytes.length) {
                    throw new InvalidKeyMaterialException("unexpected DER structure in a private key");
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = length << 8 | bytes[position++] & 0xFF;
                }
            }
            if (position + length > bytes.length) {
                throw new InvalidKeyMaterialException("unexpected DER structure in a private key");
            }
            byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }
    }
}
