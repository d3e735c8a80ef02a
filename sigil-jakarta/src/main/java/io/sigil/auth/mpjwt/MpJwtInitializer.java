package io.sigil.auth.mpjwt;

import io.sigil.auth.config.SigilExtension;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Registers {@link RolesAllowedFeature} with the JAX-RS runtime of a web application that carries
 * {@code @LoginConfig(authMethod = "MP-JWT")}, through the context parameter each runtime reads
 * its extra providers from ({@code resteasy.providers} on WildFly, {@code
 * jersey.config.server.provider.classnames} on Payara). An application without that annotation
 * is left alone. Runs once per web application at start; stateless.
 */
@HandlesTypes(LoginConfig.class)
public class MpJwtInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(MpJwtInitializer.class.getName());

    /** The context parameters that list extra JAX-RS providers: RESTEasy's, Jersey's. */
    static final Set<String> PROVIDER_PARAMETERS = Set.of("resteasy.providers",
            "jersey.config.server.provider.classnames");

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (classes == null || classes.stream().map(c -> c.getAnnotation(LoginConfig.class))
                .noneMatch(l -> l != null && SigilExtension.MP_JWT.equals(l.authMethod()))) {
            return;
        }
        String feature = RolesAllowedFeature.class.getName();
        for (String parameter : PROVIDER_PARAMETERS) {
            String existing = context.getInitParameter(parameter);
            if (existing == null) {
                context.setInitParameter(parameter, feature);
            } else if (!existing.contains(feature)) {
                LOG.warning(parameter + " is set by the application: add " + feature + " to it, or @RolesAllowed"
                        + " answers 403 instead of 401 to a caller without a token");
            }
        }
        LOG.fine(() -> context.getContextPath() + ": MP-JWT application, @RolesAllowed enforced by Sigil");
    }
}
