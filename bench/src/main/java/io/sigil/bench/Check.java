package io.sigil.bench;

/**
 * One contender's verify-and-validate of a compact token: it returns the claims (in whatever
 * type the contender has) or throws. Implementations are confined to one benchmark thread.
 */
@FunctionalInterface
public interface Check {

    /**
     * @param token the compact JWS
     * @return the verified claims
     * @throws Exception if the token is refused
     */
    Object verify(String token) throws Exception;

    /**
     * Proves a contender does real work before it is timed: it must accept the fixture's token and
     * refuse the same token with one signature bit flipped.
     *
     * @param name    the contender, for the message
     * @param fixture the token and key
     * @return this check
     * @throws IllegalStateException if the contender accepts the tampered token or refuses the good one
     */
    default Check provenOn(String name, Fixture fixture) {
        try {
            if (verify(fixture.token()) == null) {
                throw new IllegalStateException(name + " returned no claims for a good token");
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + " refused a good " + fixture.alg() + " token", e);
        }
        Object accepted;
        try {
            accepted = verify(fixture.tamperedToken());
        } catch (Exception expected) {
            return this;
        }
        if (accepted instanceof Boolean b && !b) {
            return this;
        }
        throw new IllegalStateException(name + " accepted a tampered " + fixture.alg() + " token");
    }
}
