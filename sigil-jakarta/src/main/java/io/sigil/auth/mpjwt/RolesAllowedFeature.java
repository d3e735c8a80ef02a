package io.sigil.auth.mpjwt;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces the Jakarta annotations {@code @RolesAllowed}, {@code @DenyAll} and {@code @PermitAll}
 * on JAX-RS resource methods of an MP-JWT application, as MicroProfile JWT 2.1 asks: a request
 * without an authenticated caller gets 401 with a Bearer challenge, a caller without one of the
 * roles gets 403. A method's annotation wins over its class's. Roles are the token's
 * {@code groups}, as the container reports them through {@link SecurityContext#isUserInRole}.
 * Registered by {@link MpJwtInitializer}; stateless and thread-safe.
 */
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new RoleCheck(List.of()));
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new RoleCheck(List.of(method.getAnnotation(RolesAllowed.class).value())));
        } else if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        } else if (type.isAnnotationPresent(DenyAll.class)) {
            context.register(new RoleCheck(List.of()));
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new RoleCheck(List.of(type.getAnnotation(RolesAllowed.class).value())));
        }
    }

    /**
     * The check of one resource method: the roles that may call it, none for {@code @DenyAll}.
     * Immutable.
     */
    @Priority(Priorities.AUTHORIZATION)
    static final class RoleCheck implements ContainerRequestFilter {

        private final List<String> roles;

        RoleCheck(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security == null || security.getUserPrincipal() == null) {
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").header("Cache-Control", "no-store").build());
                return;
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(Response.status(Response.Status.FORBIDDEN).build());
            }
        }
    }
}
