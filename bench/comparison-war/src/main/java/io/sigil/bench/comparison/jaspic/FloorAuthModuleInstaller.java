package io.sigil.bench.comparison.jaspic;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers {@link FloorAuthModule} for this web application with the Jakarta Authentication 3.0
 * call {@code AuthConfigFactory.registerServerAuthModule}, and removes it when the application
 * stops. Thread safety: called by the container once per start and stop.
 */
@WebListener
public class FloorAuthModuleInstaller implements ServletContextListener {

    private String registration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        registration = AuthConfigFactory.getFactory().registerServerAuthModule(new FloorAuthModule(),
                event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (registration != null) {
            AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
        }
    }
}
