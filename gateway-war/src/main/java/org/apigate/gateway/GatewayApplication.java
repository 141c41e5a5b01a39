package org.apigate.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The public entry point: {@code /api/**} for clients, {@code /admin/**} for operators. */
@ApplicationPath("/")
public class GatewayApplication extends Application {
}
