package org.apigate.order;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The order service's REST API under {@code /order/api}. */
@ApplicationPath("/api")
public class OrderApplication extends Application {
}
