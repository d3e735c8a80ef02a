package io.sigil.app.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import io.sigil.auth.endpoints.Problems;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Answers an EJB's refusal of the caller with 403, not 500. */
@Provider
public class EjbAccessExceptionMapper implements ExceptionMapper<EJBAccessException> {

    private static final Logger LOG = Logger.getLogger(EjbAccessExceptionMapper.class.getName());

    @Override
    public Response toResponse(EJBAccessException exception) {
        LOG.log(Level.FINE, "EJB refused the caller");
        return Problems.problem(Response.Status.FORBIDDEN, "You are not allowed to do this.").build();
    }
}
