package io.sigil.auth.config;

import io.sigil.auth.identitystore.PasswordChangeService;
import io.sigil.auth.identitystore.TokenIdentityStore;
import io.sigil.auth.identitystore.UserAccountIdentityStore;
import io.sigil.auth.identitystore.UserAccounts;
import io.sigil.auth.inject.ClaimNames;
import io.sigil.auth.inject.ClaimProducers;
import io.sigil.auth.inject.JsonWebTokenProducer;
import io.sigil.auth.mechanism.SigilAuthentication;
import io.sigil.auth.mechanism.SigilAuthenticationMechanism;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.revocation.RevocationStoreProducer;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.Claim;

/**
 * Turns Sigil on for a deployment that carries {@link SigilAuthentication} or MicroProfile JWT's
 * {@code @LoginConfig(authMethod = "MP-JWT")} (so that an MP-JWT application moves to Sigil
 * without a code change), and reads its
 * configuration while the application deploys, so that a missing or unsafe value fails the
 * deployment with a message naming the key instead of failing the first request.
 * <p>
 * The Sigil jars are not bean archives: this extension adds Sigil's beans itself, and only to a
 * deployment that asked for them. One instance per deployment; the settings are read once here
 * and then looked at again by {@link SigilSettings}.
 */
public class SigilExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(SigilExtension.class.getName());

    /** The beans Sigil adds to an application that turns it on. */
    static final List<Class<?>> BEANS = List.of(SigilConfigProducer.class, RevocationStoreProducer.class,
            SigilAuthenticationMechanism.class, TokenIdentityStore.class, UserAccounts.class,
            UserAccountIdentityStore.class, PasswordChangeService.class, SigilMetrics.class,
            TrustedIssuersProducer.class, JsonWebTokenProducer.class, ClaimProducers.class);

    /** The {@code authMethod} of {@link LoginConfig} that turns Sigil on. */
    public static final String MP_JWT = "MP-JWT";

    /**
     * Beans added only where an API they need can be loaded, by the name of that API's class: the
     * server's own health checks (MicroProfile Health) and its own metrics registry (MicroProfile
     * Metrics on Payara, Micrometer on WildFly with its micrometer subsystem). Named, not
     * referenced, so that this class loads where the API is missing.
     */
    static final Map<String, String> OPTIONAL_BEANS = Map.of(
            "org.eclipse.microprofile.health.HealthCheck", "io.sigil.auth.metrics.SigilReadinessCheck",
            "org.eclipse.microprofile.metrics.MetricRegistry", "io.sigil.auth.metrics.MicroProfileMetricsBridge",
            "io.micrometer.core.instrument.MeterRegistry", "io.sigil.auth.metrics.MicrometerBridge");

    private final Supplier<Config> mpConfig;
    private volatile boolean requested;
    /** Whether {@link SigilAuthentication} asked (then a secret or signing key is required). */
    private volatile boolean sigilAuthentication;
    private volatile SigilSettings settings;

    /** Reads the deployment's MicroProfile Config; the constructor the container calls. */
    public SigilExtension() {
        // A lambda, not a method reference: ConfigProvider is touched only once Sigil was requested.
        this(() -> ConfigProvider.getConfig());
    }

    /**
     * @param mpConfig where the configuration is read from, only once Sigil was requested;
     *                 package-private, so that unit tests can pass a configuration of their own
     */
    SigilExtension(Supplier<Config> mpConfig) {
        this.mpConfig = mpConfig;
    }

    void requested(@Observes @WithAnnotations(SigilAuthentication.class) ProcessAnnotatedType<?> type) {
        if (type.getAnnotatedType().isAnnotationPresent(SigilAuthentication.class)) {
            requested = true;
            sigilAuthentication = true;
        }
    }

    void loginConfig(@Observes @WithAnnotations(LoginConfig.class) ProcessAnnotatedType<?> type) {
        LoginConfig loginConfig = type.getAnnotatedType().getAnnotation(LoginConfig.class);
        if (loginConfig != null && MP_JWT.equals(loginConfig.authMethod())) {
            LOG.info(() -> "@LoginConfig(authMethod = \"MP-JWT\") on " + type.getAnnotatedType().getJavaClass().getName()
                    + ": Sigil serves MicroProfile JWT here");
            requested = true;
        }
    }

    /** A {@code @Claim} that names no claim, or two, fails the deployment (MicroProfile JWT 2.1). */
    void claimInjectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        for (var qualifier : event.getInjectionPoint().getQualifiers()) {
            if (requested && qualifier instanceof Claim claim) {
                try {
                    ClaimNames.of(claim);
                } catch (IllegalArgumentException e) {
                    event.addDefinitionError(new SigilConfigurationException(e.getMessage() + " at "
                            + event.getInjectionPoint().getMember()));
                }
            }
        }
    }

    void addBeans(@Observes AfterTypeDiscovery event) {
        if (requested) {
            for (Class<?> bean : BEANS) {
                event.addAnnotatedType(bean, SigilExtension.class.getName() + "." + bean.getSimpleName());
            }
            optionalBeans().forEach(bean -> event.addAnnotatedType(bean,
                    SigilExtension.class.getName() + "." + bean.getSimpleName()));
        }
    }

    /** @return the optional beans whose API the deployment can load */
    static List<Class<?>> optionalBeans() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClassLoader own = SigilExtension.class.getClassLoader();
        List<Class<?>> beans = new ArrayList<>();
        OPTIONAL_BEANS.forEach((api, bean) -> {
            try {
                Class.forName(api, false, loader != null ? loader : own);
                beans.add(Class.forName(bean, false, own));
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.fine(() -> api + " is not available: " + bean + " is not added");
            }
        });
        return beans;
    }

    void validate(@Observes AfterDeploymentValidation event) {
        if (!requested) {
            return;
        }
        try {
            // The deployment's loader: classpath: key locations name resources of the application.
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Config deploymentConfig = mpConfig.get();
            // An application turned on by @LoginConfig alone may only verify (it issues no tokens).
            settings = SigilSettings.load(() -> deploymentConfig,
                    loader != null ? loader : SigilExtension.class.getClassLoader(), Clock.systemUTC(),
                    !sigilAuthentication);
            SigilConfig config = settings.current();
            LOG.info(() -> "Sigil configured: issuer=" + config.policy().issuer()
                    + ", token lifetime=" + config.tokenLifetime() + ", keys: " + config.keys()
                    + (config.dataSource().map(ds -> ", JDBC user store: " + ds).orElse(""))
                    + "; settings are looked at again every " + settings.reloadInterval());
            TrustedIssuers trustedIssuers = settings.snapshot().issuers();
            if (!trustedIssuers.isEmpty()) {
                LOG.info(() -> "Sigil accepts (never issues) the tokens of outside issuers: " + trustedIssuers);
            }
            RevocationStoreProducer.checkConfiguredCache(deploymentConfig);
        } catch (SigilConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }

    /**
     * For code that runs outside CDI while an application starts (a servlet container
     * initializer): the extension of the deployment that {@code CDI.current()} resolves.
     *
     * @return whether Sigil was turned on for the current application; false also when the
     *         application has no CDI container at all
     */
    public static boolean requestedInCurrentApplication() {
        try {
            return CDI.current().getBeanManager().getExtension(SigilExtension.class).requested();
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @return whether a class of the deployment carries {@link SigilAuthentication} or
     *         {@code @LoginConfig(authMethod = "MP-JWT")}
     */
    public boolean requested() {
        return requested;
    }

    /**
     * @return the outside issuers of {@code sigil.issuers} in force now (read at deployment and
     *         again when the settings change)
     * @throws SigilConfigurationException if they could not be read
     */
    public TrustedIssuers trustedIssuers() {
        return settings().snapshot().issuers();
    }

    /**
     * @return the deployment's settings, read at deployment and looked at again while it runs
     * @throws SigilConfigurationException if they could not be read
     */
    public SigilSettings settings() {
        SigilSettings current = settings;
        if (current == null) {
            throw new SigilConfigurationException("Sigil's configuration was not loaded");
        }
        return current;
    }

    /**
     * @return the configuration in force now
     * @throws SigilConfigurationException if it could not be read
     */
    public SigilConfig config() {
        return settings().current();
    }
}
