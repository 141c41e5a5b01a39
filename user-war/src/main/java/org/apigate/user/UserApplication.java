package org.apigate.user;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The user service's REST API under {@code /user/api}. */
@ApplicationPath("/api")
public class UserApplication extends Application {
}
