package io.sigil.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Each library's documented way to verify a token and check {@code exp} (required) and
 * {@code iss}, set up once per trial as an application would, with the algorithm pinned.
 */
final class Libraries {

    private Libraries() {
    }

    /** nimbus-jose-jwt: parse, verify with the key's verifier, then its claims verifier. */
    static Check nimbus(Fixture f) throws Exception {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(f.alg().name());
        JWSVerifier verifier = switch (f.alg()) {
            case HS256 -> new MACVerifier(f.secret());
            case RS256 -> new RSASSAVerifier((RSAPublicKey) f.keyPair().getPublic());
            case ES256 -> new ECDSAVerifier((ECPublicKey) f.keyPair().getPublic());
            // nimbus verifies Ed25519 through Google Tink, from an OKP JWK.
            case EdDSA -> new Ed25519Verifier(new OctetKeyPair.Builder(Curve.Ed25519,
                    Base64URL.encode(rawEd25519(f.keyPair().getPublic()))).build());
        };
        DefaultJWTClaimsVerifier<?> claims = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(Fixture.ISSUER).build(), Set.of("exp"));
        return token -> {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!algorithm.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new SecurityException("bad signature");
            }
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            claims.verify(set, null);
            return set;
        };
    }

    /** jose4j (the library inside SmallRye JWT): a JwtConsumer. */
    static Check jose4j(Fixture f) {
        Key key = f.alg() == Fixture.Alg.HS256 ? new org.jose4j.keys.HmacKey(f.secret()) : f.keyPair().getPublic();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setExpectedIssuer(Fixture.ISSUER)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, f.alg().name())
                .build();
        return consumer::processToClaims;
    }

    /** auth0 java-jwt: a JWTVerifier. It has no EdDSA. */
    static Check auth0(Fixture f) {
        com.auth0.jwt.algorithms.Algorithm algorithm = switch (f.alg()) {
            case HS256 -> com.auth0.jwt.algorithms.Algorithm.HMAC256(f.secret());
            case RS256 -> com.auth0.jwt.algorithms.Algorithm.RSA256((RSAPublicKey) f.keyPair().getPublic(), null);
            case ES256 -> com.auth0.jwt.algorithms.Algorithm.ECDSA256((ECPublicKey) f.keyPair().getPublic(), null);
            case EdDSA -> throw new UnsupportedOperationException("java-jwt has no EdDSA");
        };
        JWTVerifier verifier = JWT.require(algorithm).withIssuer(Fixture.ISSUER).withClaimPresence("exp").build();
        return verifier::verify;
    }

    /** jjwt: a JwtParser. */
    static Check jjwt(Fixture f) {
        JwtParser parser = f.alg() == Fixture.Alg.HS256
                ? Jwts.parser().verifyWith((SecretKey) new SecretKeySpec(f.secret(), "HmacSHA256"))
                        .requireIssuer(Fixture.ISSUER).build()
                : Jwts.parser().verifyWith(f.keyPair().getPublic()).requireIssuer(Fixture.ISSUER).build();
        return token -> {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null) {
                throw new SecurityException("missing exp");
            }
            return claims;
        };
    }

    /** The 32-byte public key of an X.509-encoded Ed25519 key: its last 32 bytes. */
    private static byte[] rawEd25519(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
