package io.sigil.auth.mechanism;

import io.sigil.auth.identitystore.TokenCredential;
import io.sigil.auth.identitystore.TokenIdentityStore;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which store validates a bearer token. Sigil's {@link TokenIdentityStore} is the only store that
 * knows a {@link TokenCredential}, so the {@link IdentityStoreHandler}'s round over every
 * validating store (each through its CDI proxy) ends at that store anyway, and the handler then
 * copies the groups into a new result. The mechanism therefore asks the token store directly,
 * unless the application has an identity store that only provides groups
 * ({@code validationTypes() == {PROVIDE_GROUPS}}): Jakarta Security adds those groups to every
 * validated caller, so then the token goes through the handler as before. The same when the
 * application replaces the handler itself (an {@code @Alternative} {@code IdentityStoreHandler}):
 * its handler then sees every credential, tokens included. Passwords always go through the
 * handler. Immutable once chosen; thread-safe.
 */
final class TokenRoute {

    private static final Logger LOG = Logger.getLogger(TokenRoute.class.getName());

    private TokenRoute() {
    }

    /**
     * @param handler       the deployment's identity store handler
     * @param customHandler whether that handler is the application's own (an alternative bean)
     *                      rather than the server's default one
     * @param tokenStore    Sigil's token store
     * @param stores        every identity store bean of the deployment (Sigil's included)
     * @return how a token credential is validated from now on
     */
    static Function<TokenCredential, CredentialValidationResult> choose(IdentityStoreHandler handler,
            boolean customHandler, TokenIdentityStore tokenStore, Iterable<IdentityStore> stores) {
        if (customHandler) {
            LOG.log(Level.INFO, "tokens are validated through the application''s own IdentityStoreHandler {0}",
                    beanClassName(handler));
            return handler::validate;
        }
        List<String> groupProviders = new ArrayList<>();
        for (IdentityStore store : stores) {
            if (EnumSet.of(IdentityStore.ValidationType.PROVIDE_GROUPS).equals(store.validationTypes())) {
                groupProviders.add(beanClassName(store));
            }
        }
        if (groupProviders.isEmpty()) {
            LOG.log(Level.FINE, "tokens are validated by the token store directly");
            return tokenStore::validate;
        }
        LOG.log(Level.INFO, "tokens are validated through the IdentityStoreHandler, because these identity stores "
                + "add groups to every caller: {0}", groupProviders);
        return handler::validate;
    }

    /** The class name without the CDI proxy's suffix. */
    private static String beanClassName(Object bean) {
        String type = bean.getClass().getName();
        return type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
    }
}
