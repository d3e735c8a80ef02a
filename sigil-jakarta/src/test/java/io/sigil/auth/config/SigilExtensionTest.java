package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.auth.mechanism.SigilAuthentication;
import io.sigil.auth.testing.CdiEvents;
import io.sigil.auth.testing.TestConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The extension driven through the CDI events it observes, with fake events and a map config. */
class SigilExtensionTest {

    @SigilAuthentication
    static final class OrdersApplication {
    }

    static final class OtherClass {
    }

    private final AtomicInteger configReads = new AtomicInteger();

    // ---------------------------------------------------------------- not requested

    @Test
    void deployment_withoutSigilAuthentication_addsNoBeansAndReadsNoConfig() {
        SigilExtension extension = extension(MapConfig.of());
        CdiEvents.TypeDiscovery discovery = new CdiEvents.TypeDiscovery();
        CdiEvents.DeploymentValidation validation = new CdiEvents.DeploymentValidation();

        extension.requested(CdiEvents.processAnnotatedType(OtherClass.class));
        extension.addBeans(discovery.event());
        extension.validate(validation.event());

        assertThat(extension.requested()).isFalse();
        assertThat(discovery.added()).isEmpty();
        assertThat(validation.problems()).as("no secret needed where Sigil is not used").isEmpty();
        assertThat(configReads).hasValue(0);
        assertThat(catchThrowableOfType(SigilConfigurationException.class, extension::config)).isNotNull();
    }

    // ---------------------------------------------------------------- requested

    @Test
    void addBeans_requested_addsEveryBeanOnceWithItsOwnId() {
        SigilExtension extension = requested(MapConfig.of());
        CdiEvents.TypeDiscovery discovery = new CdiEvents.TypeDiscovery();

        extension.addBeans(discovery.event());

        assertThat(discovery.added().subList(0, SigilExtension.BEANS.size()))
                .containsExactlyElementsOf(SigilExtension.BEANS);
        assertThat(discovery.added().subList(SigilExtension.BEANS.size(), discovery.added().size()))
                .as("the optional beans, whose APIs this test's class path has").extracting(c -> ((Class<?>) c).getName())
                .containsExactlyInAnyOrderElementsOf(SigilExtension.OPTIONAL_BEANS.values());
        assertThat(configReads).as("the configuration is read after deployment validation").hasValue(0);
    }

    @Test
    void validate_requestedWithValidConfig_loadsItWithoutProblem() {
        SigilExtension extension = requested(MapConfig.of(SigilConfigLoader.SECRET, TestConfigs.SECRET,
                SigilConfigLoader.REALM, "orders"));
        CdiEvents.DeploymentValidation validation = new CdiEvents.DeploymentValidation();

        extension.validate(validation.event());

        assertThat(validation.problems()).isEmpty();
        assertThat(configReads).hasValue(1);
        assertThat(extension.config().realm()).isEqualTo("orders");
    }

    @Test
    void validate_requestedWithoutSecret_isDeploymentProblemNamingTheKey() {
        SigilExtension extension = requested(MapConfig.of());
        CdiEvents.DeploymentValidation validation = new CdiEvents.DeploymentValidation();

        extension.validate(validation.event());

        assertThat(validation.problems()).singleElement()
                .isInstanceOf(SigilConfigurationException.class)
                .satisfies(problem -> assertThat(problem.getMessage()).contains(SigilConfigLoader.SECRET)
                        .contains(SigilConfigLoader.GENERATE_SECRET));
        assertThat(catchThrowableOfType(SigilConfigurationException.class, extension::config)).isNotNull();
    }

    @Test
    void validate_requestedWithUnsafeValue_isDeploymentProblemNamingTheKeyNotTheValue() {
        SigilExtension extension = requested(MapConfig.of(SigilConfigLoader.SECRET, "c2hvcnQ"));
        CdiEvents.DeploymentValidation validation = new CdiEvents.DeploymentValidation();

        extension.validate(validation.event());

        assertThat(validation.problems()).singleElement()
                .isInstanceOf(SigilConfigurationException.class)
                .satisfies(problem -> assertThat(problem.getMessage()).contains(SigilConfigLoader.SECRET)
                        .doesNotContain("c2hvcnQ"));
    }

    @Test
    void optionalBeans_apiNotLoadable_addsNone() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // A loader that sees the JDK only: the deployment of a server without MicroProfile Health.
        thread.setContextClassLoader(new java.net.URLClassLoader(new java.net.URL[0], null));
        try {
            assertThat(SigilExtension.optionalBeans()).isEmpty();
        } finally {
            thread.setContextClassLoader(before);
        }
        assertThat(SigilExtension.optionalBeans()).extracting(Class::getName)
                .containsExactlyInAnyOrder("io.sigil.auth.metrics.SigilReadinessCheck",
                        "io.sigil.auth.metrics.MicroProfileMetricsBridge", "io.sigil.auth.metrics.MicrometerBridge");
    }

    @Test
    void optionalBeans_onlyMicroProfileMetricsLoadable_addsItsBridgeOnly() throws URISyntaxException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // A loader that sees the JDK and the MicroProfile Metrics API only: Payara without Health, say.
        java.net.URL api = org.eclipse.microprofile.metrics.MetricRegistry.class.getProtectionDomain().getCodeSource()
                .getLocation();
        thread.setContextClassLoader(new java.net.URLClassLoader(new java.net.URL[] {api}, null));
        try {
            assertThat(SigilExtension.optionalBeans()).extracting(Class::getName)
                    .containsExactly("io.sigil.auth.metrics.MicroProfileMetricsBridge");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    // ---------------------------------------------------------------- the bean list

    @Test
    void beans_listEveryScopedClassOfTheJar() throws IOException, URISyntaxException {
        Path classes = Path.of(SigilExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> scoped;
        try (Stream<Path> files = Files.walk(classes)) {
            scoped = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> className(classes, file))
                    .map(SigilExtensionTest::load)
                    .filter(type -> type.isAnnotationPresent(ApplicationScoped.class)
                            || type.isAnnotationPresent(RequestScoped.class)
                            || type.isAnnotationPresent(Dependent.class))
                    .toList();
        }

        assertThat(scoped).isNotEmpty();
        List<Class<?>> listed = new ArrayList<>(SigilExtension.BEANS);
        listed.addAll(SigilExtension.optionalBeans());
        assertThat(listed).containsExactlyInAnyOrderElementsOf(scoped);
    }

    // ---------------------------------------------------------------- helpers

    private SigilExtension extension(Config config) {
        return new SigilExtension(() -> {
            configReads.incrementAndGet();
            return config;
        });
    }

    private SigilExtension requested(Config config) {
        SigilExtension extension = extension(config);
        extension.requested(CdiEvents.processAnnotatedType(OtherClass.class));
        extension.requested(CdiEvents.processAnnotatedType(OrdersApplication.class));
        assertThat(extension.requested()).isTrue();
        return extension;
    }

    private static String className(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SigilExtension.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
