/**
 * Revocation, the little state stateless tokens need: revoked {@code jti}s and per-caller
 * not-before times, shared by every node of a cluster.
 *
 * <p>Where to start reading: {@link io.sigil.auth.revocation.RevocationStore} (what is kept, and
 * for how long); {@link io.sigil.auth.revocation.MapRevocationStore} implements it over any
 * {@code ConcurrentMap}; {@link io.sigil.auth.revocation.RevocationStoreProducer} finds the
 * server's distributed map by the JNDI name in {@code sigil.revocation.cache}
 * ({@link io.sigil.auth.revocation.RevocationMaps}), or falls back to a node-local map.
 */
package io.sigil.auth.revocation;
