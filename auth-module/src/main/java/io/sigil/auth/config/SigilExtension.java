package io.sigil.auth.config;

import io.sigil.auth.token.SigilConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads Sigil's configuration while the application deploys, so that a missing or unsafe value
 * fails the deployment with a message naming the key instead of failing the first request.
 * One instance per deployment; the configuration is read once and then only read.
 */
public class SigilExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(SigilExtension.class.getName());

    private volatile SigilConfig config;

    void validate(@Observes AfterDeploymentValidation event) {
        try {
            // The deployment's loader: classpath: key locations name resources of the application.
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            config = SigilConfigLoader.load(ConfigProvider.getConfig(),
                    loader != null ? loader : SigilExtension.class.getClassLoader(), Clock.systemUTC());
            LOG.info(() -> "Sigil configured: issuer=" + config.policy().issuer()
                    + ", token lifetime=" + config.tokenLifetime() + ", keys: " + config.keys()
                    + ", demo=" + config.demo());
        } catch (SigilConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }

    /**
     * @return the configuration read at deployment
     * @throws SigilConfigurationException if it could not be read
     */
    public SigilConfig config() {
        SigilConfig current = config;
        if (current == null) {
            throw new SigilConfigurationException("Sigil's configuration was not loaded");
        }
        return current;
    }
}
