package io.sigil.cluster;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Two server nodes started for a test class, on 127.0.0.1; nodes are numbered 1 and 2. */
interface ClusterUnderTest extends AutoCloseable {

    /** @return the server's name, for reports */
    String name();

    /**
     * @param node 1 or 2
     * @return the application's base URL on that node, ending in {@code /app}
     */
    URI base(int node);

    /**
     * @param node 1 or 2
     * @return the JWK Set file the node reads as {@code sigil.verify.keys.location}
     */
    java.nio.file.Path keysFile(int node);

    /**
     * Kills a node's JVM with SIGKILL and waits until it is gone.
     *
     * @param node 1 or 2
     * @return when the signal was sent
     * @throws IOException if the node's process cannot be found or does not die
     */
    Instant kill(int node) throws IOException;

    /**
     * @param survivor the node whose log to read
     * @param dead     the node that was killed
     * @return when the survivor's log first says the dead node left, if it does yet
     * @throws IOException if the log cannot be read
     */
    Optional<Instant> deathSeen(int survivor, int dead) throws IOException;

    /** @return whether {@link #restart} can start a killed node again */
    default boolean restartable() {
        return false;
    }

    /**
     * Starts a node that was killed again, the way an operator does, and waits until it serves the
     * application as a member of the cluster.
     *
     * @param node 1 or 2
     * @throws IOException if the node does not come back in time
     * @throws UnsupportedOperationException if this cluster is not {@link #restartable()}
     */
    default void restart(int node) throws IOException {
        throw new UnsupportedOperationException(name() + " nodes are not restarted by the tests");
    }

    /** Stops every process the cluster started; never throws. */
    @Override
    void close();
}
