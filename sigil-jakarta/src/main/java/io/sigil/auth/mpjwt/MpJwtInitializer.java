package io.sigil.auth.mpjwt;

import io.sigil.auth.config.SigilExtension;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Registers {@link RolesAllowedFeature} with the JAX-RS runtime of a web application that carries
 * {@code @LoginConfig(authMethod = "MP-JWT")}, through the context parameter each runtime reads
 * its extra providers from ({@code resteasy.providers} on WildFly, {@code
 * jersey.config.server.provider.classnames} on Payara). An application without that annotation
 * is left alone.
 *
 * <p>The servlet container finds the annotation on any class of the application, CDI only on a
 * class it discovers. When the annotation is there but Sigil's CDI extension never saw it (a
 * {@code bean-discovery-mode="annotated"} archive whose annotated class has no bean-defining
 * annotation), no mechanism would check tokens: the application then fails to start, with a
 * message saying what to add, instead of running unprotected. Runs once per web application at
 * start; stateless.
 */
@HandlesTypes(LoginConfig.class)
public class MpJwtInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(MpJwtInitializer.class.getName());

    /** The context parameters that list extra JAX-RS providers: RESTEasy's, Jersey's. */
    static final Set<String> PROVIDER_PARAMETERS = Set.of("resteasy.providers",
            "jersey.config.server.provider.classnames");

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        Optional<Class<?>> annotated = classes == null ? Optional.empty() : classes.stream()
                .filter(c -> c.getAnnotation(LoginConfig.class) != null
                        && SigilExtension.MP_JWT.equals(c.getAnnotation(LoginConfig.class).authMethod()))
                .findFirst();
        if (annotated.isEmpty()) {
            return;
        }
        if (!SigilExtension.requestedInCurrentApplication()) {
            // The container found the annotation, but CDI never showed the class to Sigil's
            // extension, so no mechanism protects the application: refuse to start it.
            throw new ServletException(annotated.get().getName() + " carries @LoginConfig(authMethod = \"MP-JWT\"), "
                    + "but CDI does not discover it (in a bean archive with bean-discovery-mode=\"annotated\" a class "
                    + "needs a bean-defining annotation), so Sigil is off and nothing would check tokens: put "
                    + "@io.sigil.auth.mechanism.SigilAuthentication on a discovered class, or give " + annotated.get()
                    .getSimpleName() + " a bean-defining annotation such as @ApplicationScoped");
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
