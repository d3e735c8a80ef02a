package io.sigil.auth.testing;

import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CDI container events an extension observes, as far as Sigil's extension uses them. Not thread-safe. */
public final class CdiEvents {

    private CdiEvents() {
    }

    /** @return the event for a discovered class; its annotated type answers {@code isAnnotationPresent} */
    @SuppressWarnings("unchecked")
    public static ProcessAnnotatedType<?> processAnnotatedType(Class<?> type) {
        AnnotatedType<?> annotated = Proxies.of(AnnotatedType.class, Map.of(
                "isAnnotationPresent", args -> type.isAnnotationPresent((Class) args[0])));
        return Proxies.of(ProcessAnnotatedType.class, Map.of("getAnnotatedType", args -> annotated));
    }

    /** An AfterTypeDiscovery event that records the types added to it. */
    public static final class TypeDiscovery {
        private final Map<String, Object> added = new LinkedHashMap<>();
        private final AfterTypeDiscovery event = Proxies.of(AfterTypeDiscovery.class, Map.of(
                "addAnnotatedType", args -> {
                    if (added.putIfAbsent((String) args[1], args[0]) != null) {
                        throw new IllegalArgumentException("a type was already added with the id " + args[1]);
                    }
                    return null;
                }));

        /** @return the event */
        public AfterTypeDiscovery event() {
            return event;
        }

        /** @return the classes (or annotated types) added, in order */
        public List<Object> added() {
            return new ArrayList<>(added.values());
        }
    }

    /** An AfterDeploymentValidation event that records the deployment problems added to it. */
    public static final class DeploymentValidation {
        private final List<Throwable> problems = new ArrayList<>();
        private final AfterDeploymentValidation event = Proxies.of(AfterDeploymentValidation.class,
                Map.of("addDeploymentProblem", args -> problems.add((Throwable) args[0])));

        /** @return the event */
        public AfterDeploymentValidation event() {
            return event;
        }

        /** @return the problems added, in order */
        public List<Throwable> problems() {
            return List.copyOf(problems);
        }
    }
}
