package io.sigil.auth.mechanism;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import java.util.Map;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * The Jakarta Authentication provider of the direct token path ({@link DirectTokenPath}): the
 * container's provider (on WildFly and Payara, Jakarta Security's bridge) with each server
 * authentication context it hands out wrapped in a {@link DirectTokenContext}. Everything else is
 * the wrapped provider's. Thread-safe: the mechanism is looked up once, on first use.
 */
final class DirectTokenProvider implements AuthConfigProvider {

    private final AuthConfigProvider container;
    private final Supplier<SigilAuthenticationMechanism> lookup;
    private volatile SigilAuthenticationMechanism mechanism;

    /**
     * @param container the provider registered for the application before this one
     * @param lookup    finds the application's mechanism bean (called once, on the first request)
     */
    DirectTokenProvider(AuthConfigProvider container, Supplier<SigilAuthenticationMechanism> lookup) {
        this.container = container;
        this.lookup = lookup;
    }

    SigilAuthenticationMechanism mechanism() {
        SigilAuthenticationMechanism known = mechanism;
        if (known == null) {
            known = lookup.get();
            mechanism = known;
        }
        return known;
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
        return new Config(container.getServerAuthConfig(layer, appContext, handler), handler);
    }

    @Override
    public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
        return container.getClientAuthConfig(layer, appContext, handler);
    }

    @Override
    public void refresh() {
        container.refresh();
    }

    @Override
    public String toString() {
        return "Sigil's direct token path in front of " + container;
    }

    /** The container's server configuration, handing out wrapped contexts. */
    private final class Config implements ServerAuthConfig {

        private final ServerAuthConfig delegate;
        private final CallbackHandler handler;

        Config(ServerAuthConfig delegate, CallbackHandler handler) {
            this.delegate = delegate;
            this.handler = handler;
        }

        @Override
        public ServerAuthContext getAuthContext(String authContextID, Subject serviceSubject,
                                                @SuppressWarnings("rawtypes") Map properties) throws AuthException {
            return new DirectTokenContext(delegate.getAuthContext(authContextID, serviceSubject, properties), handler,
                    DirectTokenProvider.this::mechanism);
        }

        @Override
        public String getMessageLayer() {
            return delegate.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return delegate.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return delegate.getAuthContextID(messageInfo);
        }

        @Override
        public void refresh() {
            delegate.refresh();
        }

        @Override
        public boolean isProtected() {
            return delegate.isProtected();
        }
    }
}
