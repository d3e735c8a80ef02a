package io.sigil.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor no verifier can beat on the JDK: split at the two dots, base64url-decode the three
 * parts, and make ONE {@link Mac} or {@link Signature} call over the signing input (compared
 * with {@link MessageDigest#isEqual} for HMAC). No JSON is parsed and no claim is read. The
 * primitive is initialised once and reused, so this is confined to one benchmark thread.
 */
final class Floor implements Check {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Mac mac;
    private final Signature signature;

    private Floor(Mac mac, Signature signature) {
        this.mac = mac;
        this.signature = signature;
    }

    static Floor of(Fixture fixture) throws GeneralSecurityException {
        String jca = fixture.alg().jcaName();
        if (fixture.alg() == Fixture.Alg.HS256) {
            Mac mac = Mac.getInstance(jca);
            mac.init(new SecretKeySpec(fixture.secret(), jca));
            return new Floor(mac, null);
        }
        Signature signature = Signature.getInstance(jca);
        signature.initVerify(fixture.keyPair().getPublic());
        return new Floor(null, signature);
    }

    @Override
    public Object verify(String token) throws GeneralSecurityException {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        byte[] header = DECODER.decode(token.substring(0, first));
        byte[] payload = DECODER.decode(token.substring(first + 1, second));
        byte[] sig = DECODER.decode(token.substring(second + 1));
        byte[] input = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        boolean valid;
        if (mac != null) {
            valid = MessageDigest.isEqual(mac.doFinal(input), sig);
        } else {
            signature.update(input);
            valid = signature.verify(sig);
        }
        // The decoded header and payload length keep the JIT from dropping the decoding.
        return valid && header.length + payload.length > 0 ? Boolean.TRUE : Boolean.FALSE;
    }
}
