package com.example.orders.web;

import com.example.orders.ejb.OrderDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /orders/api/orders}: the caller's orders (role buyer); {@code GET
 * /orders/api/orders/all}: every order (role auditor). Each answer names the caller twice, as
 * the web tier and as the EJB container saw it.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    OrderDesk desk;

    @Context
    SecurityContext security;

    /** @return the caller's orders */
    @GET
    @RolesAllowed(OrderDesk.BUYER)
    public JsonObject mine() {
        return answer(desk.mine());
    }

    /** @return every order */
    @GET
    @Path("all")
    @RolesAllowed(OrderDesk.AUDITOR)
    public JsonObject all() {
        return answer(desk.all());
    }

    private JsonObject answer(OrderDesk.Orders orders) {
        return Json.createObjectBuilder()
                .add("caller", security.getUserPrincipal().getName())
                .add("readBy", orders.readBy())
                .add("items", Json.createArrayBuilder(orders.items()))
                .build();
    }
}
