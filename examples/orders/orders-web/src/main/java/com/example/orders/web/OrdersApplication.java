package com.example.orders.web;

import io.sigil.auth.mechanism.SigilAuthentication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's REST API under {@code /orders/api}; {@link SigilAuthentication} turns Sigil on. */
@SigilAuthentication
@ApplicationPath("/api")
public class OrdersApplication extends Application {
}
