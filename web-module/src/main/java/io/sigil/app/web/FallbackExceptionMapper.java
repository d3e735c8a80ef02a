package io.sigil.app.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import io.sigil.auth.endpoints.Problems;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every other exception into a problem response: a {@link WebApplicationException} keeps
 * its status (a client error, logged at FINE), anything else is a 500 logged with its stack trace
 * on the server and answered without any detail.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
            LOG.log(Level.FINE, "client error {0}", web.getResponse().getStatus());
            Response.ResponseBuilder problem = status == null
                    ? Problems.problem(Response.Status.BAD_REQUEST, "The request was not understood.")
                            .status(web.getResponse().getStatus())
                    : Problems.problem(status, status.getReasonPhrase() + ".");
            web.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> problem.header(name, value));
                }
            });
            return problem.build();
        }
        LOG.log(Level.SEVERE, "unexpected failure", exception);
        return Problems.problem(Response.Status.INTERNAL_SERVER_ERROR, "The server could not answer.").build();
    }
}
