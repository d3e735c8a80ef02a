package io.sigil.auth.token.internal;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.InvalidKeyMaterialException;

import java.security.GeneralSecurityException;
import java.security.Signature;

/** Creates JDK {@link Signature} engines for asymmetric algorithms. Stateless and thread-safe. */
public final class Signatures {

    private Signatures() {
    }

    public static Signature newEngine(JwsAlgorithm algorithm) {
        try {
            return Signature.getInstance(algorithm.jcaName());
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("the JDK cannot provide "
                    + algorithm.jcaName() + " for " + algorithm, e);
        }
    }
}
