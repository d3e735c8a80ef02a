package io.sigil.auth.config;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A number that changes whenever any key source of the deployment changes: a key file read again
 * with new content, a remote JWK Set fetched again, a new signing key. Each source is represented
 * by a supplier of its current snapshot (an immutable object that the source replaces whole when
 * its keys change, such as a {@code KeyRing}); the number changes when any snapshot is no longer
 * the same object as at the last call. Reading the snapshots also gives the sources their chance
 * to look for a change (a key file's reload schedule, a remote set's maximum age), exactly as a
 * key lookup does.
 *
 * <p>Only equality of two numbers means anything: equal numbers mean that no source changed in
 * between. A reader that saw an older snapshot late may bump the number once more than needed,
 * which only costs a cache that depends on it its entries. Thread-safe: the last seen snapshots
 * and their number are one immutable value swapped with compare-and-set.
 */
final class KeyGeneration {

    /** The snapshots seen last and their number. */
    private record Seen(Object[] snapshots, long generation) {
    }

    private final List<Supplier<?>> sources;
    private final AtomicReference<Seen> seen;

    /**
     * @param sources each source's current snapshot; a source whose keys never change may be left out
     */
    KeyGeneration(List<Supplier<?>> sources) {
        this.sources = List.copyOf(sources);
        // Nothing is read here: a remote set is fetched on first use, not at deployment.
        this.seen = new AtomicReference<>(new Seen(null, 0));
    }

    /** @return a generation for keys that never change */
    static KeyGeneration fixed() {
        return new KeyGeneration(List.of());
    }

    /** @return the current generation; different from an earlier answer if a source changed since */
    long current() {
        while (true) {
            Seen known = seen.get();
            if (known.snapshots() != null && unchanged(known.snapshots())) {
                return known.generation();
            }
            // The first call only records what it sees; no number was handed out before it.
            Seen next = new Seen(read(), known.snapshots() == null ? known.generation() : known.generation() + 1);
            if (seen.compareAndSet(known, next)) {
                return next.generation();
            }
        }
    }

    private boolean unchanged(Object[] snapshots) {
        for (int i = 0; i < snapshots.length; i++) {
            if (sources.get(i).get() != snapshots[i]) {
                return false;
            }
        }
        return true;
    }

    private Object[] read() {
        Object[] snapshots = new Object[sources.size()];
        for (int i = 0; i < snapshots.length; i++) {
            snapshots[i] = sources.get(i).get();
        }
        return snapshots;
    }
}
