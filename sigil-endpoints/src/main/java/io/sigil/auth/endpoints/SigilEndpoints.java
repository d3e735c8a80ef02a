package io.sigil.auth.endpoints;

import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import io.sigil.auth.config.SigilConfigurationException;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns on Sigil's endpoints in the web application whose {@code WEB-INF/lib} holds this jar:
 * the token endpoint, logout, password change, the JWKS document, the metrics and the health
 * check, the form login and logout, the account page, and the problem+json error page (declared by this jar's {@code web-fragment.xml}). Paths and
 * switches come from MicroProfile Config when the application starts ({@link EndpointSettings}).
 * <p>
 * The endpoints carry no security constraint of their own, so that an application constraint
 * such as {@code /api/*} does not hide the token endpoint; those that need a caller (logout,
 * password change) check for one and answer 401 with a Bearer challenge.
 */
public final class SigilEndpoints implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(SigilEndpoints.class.getName());

    /** The path of the error page, as the fragment declares it. */
    static final String ERROR_PAGE = "/sigil/error";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        EndpointSettings settings = EndpointSettings.from(ConfigProvider.getConfig(context.getClassLoader()));
        add(context, "sigil-error-page", new ErrorPageServlet(), ERROR_PAGE);
        if (settings.token()) {
            add(context, "sigil-token", new TokenEndpoint(), settings.basePath() + "/token");
        }
        if (settings.logout()) {
            add(context, "sigil-logout", new LogoutEndpoint(settings), settings.basePath() + "/logout");
        }
        if (settings.password()) {
            add(context, "sigil-password", new PasswordEndpoint(settings), settings.basePath() + "/password");
        }
        if (settings.jwks()) {
            add(context, "sigil-jwks", new JwksEndpoint(), EndpointSettings.JWKS_PATH);
        }
        if (settings.metrics() || settings.health()) {
            // A role the application never declared is no role on Payara: isUserInRole stays false
            // for a caller in that group. Declared, both servers map the group to it by name.
            context.declareRoles(settings.metricsRole());
        }
        if (settings.metrics()) {
            add(context, "sigil-metrics", new MetricsEndpoint(settings.metricsRole()), settings.basePath() + "/metrics");
        }
        if (settings.health()) {
            add(context, "sigil-health", new HealthEndpoint(settings.metricsRole()), settings.basePath() + "/health");
        }
        if (settings.formLogin()) {
            String login = settings.formBasePath() + "/login";
            add(context, "sigil-form-login", new FormLoginServlet(settings), login);
            add(context, "sigil-form-logout", new FormLogoutServlet(login, settings), settings.formBasePath() + "/logout");
            add(context, "sigil-account", new AccountServlet(settings), settings.formBasePath() + "/account");
        }
        if (settings.hardenSessionCookie()) {
            SessionCookiePolicy.apply(context);
        }
        LOG.info(() -> "Sigil endpoints in " + context.getContextPath() + ": " + settings);
    }

    private static void add(ServletContext context, String name, Servlet servlet, String path) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        if (registration == null) {
            throw new SigilConfigurationException("a servlet named " + name + " is already registered");
        }
        if (!registration.addMapping(path).isEmpty()) {
            throw new SigilConfigurationException("the application maps " + path + " itself; turn off Sigil's "
                    + name + " endpoint or move it (" + EndpointSettings.PREFIX + "...)");
        }
        registration.setServletSecurity(new ServletSecurityElement(new HttpConstraintElement()));
    }
}
