package io.sigil.cluster;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a cluster before a test class and stops it after, also when a test or the start fails.
 * Register it as a static field with {@code @RegisterExtension}.
 */
final class ClusterExtension implements BeforeAllCallback, AfterAllCallback {

    /** Starts a cluster and answers it once both nodes serve the application. */
    @FunctionalInterface
    interface Starter {
        ClusterUnderTest start() throws Exception;
    }

    private final Starter starter;
    private ClusterUnderTest cluster;

    ClusterExtension(Starter starter) {
        this.starter = starter;
    }

    ClusterUnderTest cluster() {
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = starter.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }
}
