package io.sigil.auth.mechanism;

import io.sigil.auth.config.SigilExtension;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The direct token path: a request that carries a token is authenticated by Sigil's mechanism
 * through a Jakarta Authentication module of Sigil's own, without Jakarta Security's bridge module
 * in between; every other request (a session login, a form login, no credentials, a programmatic
 * {@code SecurityContext.authenticate}) still goes through that bridge, as before.
 * <p>
 * Why: on WildFly the bridge looks the mechanism up through JNDI and CDI twice per request (in
 * {@code validateRequest} and {@code secureResponse}); measured with {@code bench/load/run.sh},
 * that path costs about as much as all of Sigil's own work on a token request. The decision for a
 * token request is the same in both paths ({@link SigilAuthenticationMechanism#validateToken}),
 * and the container learns the caller through the same Jakarta Authentication callbacks.
 * <p>
 * How: once per web application that turned Sigil on, after every initializer ran (so after
 * Jakarta Security registered its bridge for the application), the module that the container
 * would use is wrapped in {@link DirectTokenProvider} and registered in its place, for the same
 * layer and application context. {@code sigil.token.direct-path=false} turns it off (read when
 * the application starts; logged). Stateless; runs once per web application start.
 */
public class DirectTokenPath implements ServletContainerInitializer {

    /** The setting that turns the direct token path off; on unless it is {@code false}. */
    public static final String ENABLED = "sigil.token.direct-path";

    /** The Jakarta Authentication layer of the Servlet Container Profile. */
    static final String LAYER = "HttpServlet";

    private static final Logger LOG = Logger.getLogger(DirectTokenPath.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (!SigilExtension.requestedInCurrentApplication()) {
            return;
        }
        if (!enabled()) {
            LOG.info(() -> context.getContextPath() + ": " + ENABLED + "=false: every request goes through "
                    + "Jakarta Security's bridge module");
            return;
        }
        // The application context identifier of the Servlet Container Profile. Read here: a
        // listener added by an initializer may not call getVirtualServerName.
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        context.addListener(new Installer(appContext));
    }

    private static boolean enabled() {
        try {
            return !"false".equalsIgnoreCase(ConfigProvider.getConfig().getOptionalValue(ENABLED, String.class)
                    .orElse("true").trim());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return true;
        }
    }

    /** Registers the wrapper when the application starts, and removes it when it stops. */
    static final class Installer implements ServletContextListener {

        private final String appContext;
        private volatile String registration;

        Installer(String appContext) {
            this.appContext = appContext;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            try {
                register();
            } catch (RuntimeException e) {
                // Nothing is lost: every request then goes through Jakarta Security's bridge.
                LOG.log(Level.WARNING, appContext + ": the container refused Sigil's direct token path, so every "
                        + "request goes through Jakarta Security's bridge module", e);
            }
        }

        private void register() {
            AuthConfigFactory factory = AuthConfigFactory.getFactory();
            AuthConfigProvider container = factory == null ? null : factory.getConfigProvider(LAYER, appContext, null);
            if (container == null) {
                LOG.warning(() -> appContext + ": no Jakarta Authentication module is registered for the application, "
                        + "so the direct token path is off (is a Jakarta Security mechanism enabled?)");
                return;
            }
            registration = factory.registerConfigProvider(
                    new DirectTokenProvider(container, DirectTokenPath::mechanism), LAYER, appContext,
                    "Sigil: token requests straight to Sigil's mechanism, every other request to " + container);
            LOG.info(() -> appContext + ": Sigil's direct token path registered in front of " + container);
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            AuthConfigFactory factory = AuthConfigFactory.getFactory();
            if (registration != null && factory != null) {
                factory.removeRegistration(registration);
            }
        }
    }

    /** The application's mechanism bean (its client proxy), looked up once per web application. */
    private static SigilAuthenticationMechanism mechanism() {
        return CDI.current().select(SigilAuthenticationMechanism.class).get();
    }
}
