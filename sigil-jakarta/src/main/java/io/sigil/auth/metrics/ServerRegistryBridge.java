package io.sigil.auth.metrics;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the bridges into a server's own metrics system share: they register Sigil's metrics once the
 * application has started (an EAR's modules each announce their start; the first one registers),
 * and remove them when it stops. A bridge whose registry cannot be had does nothing; one whose
 * registration fails logs a warning, and the library's metrics endpoint still answers. Thread-safe.
 */
abstract class ServerRegistryBridge {

    private static final Logger LOG = Logger.getLogger(ServerRegistryBridge.class.getName());

    private Runnable close;
    private boolean started;

    /** @return the metrics system's name, for the log */
    abstract String system();

    /**
     * Registers the metrics.
     *
     * @return what removes them again, or null when the server offers no registry to this application
     */
    abstract Runnable open();

    /** @param event the application's start */
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (this.started) {
            return;
        }
        this.started = true;
        try {
            close = open();
            if (close != null) {
                LOG.info(() -> "Sigil's metrics are published in the server's " + system() + " registry");
            } else {
                LOG.fine(() -> system() + " offers no registry to this application: Sigil's metrics are not published there");
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Sigil's metrics could not be published in the server's " + system()
                    + " registry; the library's metrics endpoint still serves them", e);
        }
    }

    /** Removes the metrics from the registry. */
    @PreDestroy
    synchronized void stop() {
        if (close != null) {
            try {
                close.run();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Sigil's metrics were already gone from the " + system() + " registry", e);
            }
            close = null;
        }
    }
}
