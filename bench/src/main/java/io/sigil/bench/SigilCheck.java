package io.sigil.bench;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.TokenPolicy;
import io.sigil.auth.token.TokenVerifier;
import io.sigil.auth.token.VerificationKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sigil's TokenVerifier as the server builds it: a key ring holding the one key (with its
 * {@code kid}), the default policy (issuer required, 60 s skew, 8192-character limit).
 */
final class SigilCheck {

    private SigilCheck() {
    }

    static Check of(Fixture f) {
        JwsAlgorithm algorithm = JwsAlgorithm.fromJoseName(f.alg().name()).orElseThrow();
        VerificationKey key = algorithm.isSymmetric()
                ? VerificationKey.hmac(algorithm, Fixture.KEY_ID, f.secret())
                : VerificationKey.of(algorithm, Fixture.KEY_ID, f.keyPair().getPublic());
        TokenPolicy policy = new TokenPolicy(Fixture.ISSUER, Set.of(), Duration.ofSeconds(60), Optional.empty(), 8192);
        TokenVerifier verifier = new TokenVerifier(KeyRing.of(key), policy, Clock.systemUTC());
        return verifier::verify;
    }
}
