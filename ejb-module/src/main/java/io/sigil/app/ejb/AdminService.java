package io.sigil.app.ejb;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/**
 * An EJB that only admins may call; it shows that the caller authenticated by Sigil on the web
 * tier reaches the EJB container with its name and groups. Stateless and thread-safe.
 */
@Stateless
@DeclareRoles({"admin", "user"})
public class AdminService {

    /** The role allowed to call {@link #callerName()}. */
    public static final String ROLE = "admin";

    @Resource
    SessionContext context;

    /**
     * @return the caller name as the EJB container sees it
     */
    @RolesAllowed(ROLE)
    public String callerName() {
        return context.getCallerPrincipal().getName();
    }
}
