package io.sigil.auth.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.testing.Proxies;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.RegistrationListener;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.auth.message.module.ServerAuthModule;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the direct token path registers itself: in front of the provider the container would use
 * for the application, for the same layer and application context; nowhere when there is no
 * such provider, or when the container refuses the registration (the application still starts). A fake {@link AuthConfigFactory} stands in for the container's.
 */
class DirectTokenPathTest {

    private static final String APP = "default-host /app";

    private final FakeFactory factory = new FakeFactory();

    DirectTokenPathTest() {
        AuthConfigFactory.setFactory(factory);
    }

    @AfterEach
    void removeFactory() {
        AuthConfigFactory.setFactory(null);
    }

    @Test
    void installer_wrapsTheApplicationsProvider_andRemovesTheWrapperWhenTheApplicationStops() throws Exception {
        AuthConfigProvider bridge = provider();
        factory.registerConfigProvider(bridge, DirectTokenPath.LAYER, APP, "the bridge");
        DirectTokenPath.Installer installer = new DirectTokenPath.Installer(APP);

        installer.contextInitialized(null);

        AuthConfigProvider registered = factory.getConfigProvider(DirectTokenPath.LAYER, APP, null);
        assertThat(registered).isInstanceOf(DirectTokenProvider.class);
        ServerAuthContext context = registered.getServerAuthConfig(DirectTokenPath.LAYER, APP, callbacks -> { })
                .getAuthContext("id", null, Map.of());
        assertThat(context).isInstanceOf(DirectTokenContext.class);

        installer.contextDestroyed(null);

        assertThat(factory.getConfigProvider(DirectTokenPath.LAYER, APP, null)).isNull();
    }

    @Test
    void installer_withoutARegisteredProvider_registersNothing() {
        new DirectTokenPath.Installer(APP).contextInitialized(null);

        assertThat(factory.registrations).isEmpty();
    }

    @Test
    void installer_whenTheContainerRefusesTheRegistration_leavesTheBridgeInPlace_andTheApplicationStarts() {
        AuthConfigProvider bridge = provider();
        factory.registerConfigProvider(bridge, DirectTokenPath.LAYER, APP, "the bridge");
        factory.refuse = true;

        new DirectTokenPath.Installer(APP).contextInitialized(null);

        assertThat(factory.getConfigProvider(DirectTokenPath.LAYER, APP, null)).isSameAs(bridge);
    }

    /** A provider whose server configuration hands out a context that is never called here. */
    private static AuthConfigProvider provider() {
        ServerAuthContext context = Proxies.of(ServerAuthContext.class, Map.of());
        ServerAuthConfig config = Proxies.of(ServerAuthConfig.class, Map.of("getAuthContext", args -> context));
        return Proxies.of(AuthConfigProvider.class, Map.of("getServerAuthConfig", args -> config));
    }

    /** Registrations by layer and application context, as the specification describes them. */
    private static final class FakeFactory extends AuthConfigFactory {

        final Map<String, AuthConfigProvider> registrations = new HashMap<>();
        /** Whether new registrations are refused, as a container with a fixed configuration might. */
        boolean refuse;

        @Override
        public AuthConfigProvider getConfigProvider(String layer, String appContext, RegistrationListener listener) {
            return registrations.get(layer + "|" + appContext);
        }

        @Override
        public String registerConfigProvider(AuthConfigProvider provider, String layer, String appContext,
                                             String description) {
            if (refuse) {
                throw new SecurityException("registrations are closed");
            }
            registrations.put(layer + "|" + appContext, provider);
            return layer + "|" + appContext;
        }

        @Override
        public boolean removeRegistration(String registrationID) {
            return registrations.remove(registrationID) != null;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public String registerConfigProvider(String className, Map properties, String layer, String appContext,
                                             String description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String registerServerAuthModule(ServerAuthModule module, Object context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeServerAuthModule(Object context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String[] detachListener(RegistrationListener listener, String layer, String appContext) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String[] getRegistrationIDs(AuthConfigProvider provider) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RegistrationContext getRegistrationContext(String registrationID) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void refresh() {
            throw new UnsupportedOperationException();
        }
    }
}
