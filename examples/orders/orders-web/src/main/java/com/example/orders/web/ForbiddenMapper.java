package com.example.orders.web;

import io.sigil.auth.endpoints.Problems;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A caller without the role a resource asks for gets 403 as {@code application/problem+json}. */
@Provider
public class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException exception) {
        return Problems.problem(Response.Status.FORBIDDEN, "You are not allowed to do this.").build();
    }
}
