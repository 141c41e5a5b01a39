package org.apigate.user;

import org.apigate.common.openapi.ServiceApiDocument;
import org.apigate.user.directory.boundary.UsersResource;

/** The user service's {@code /openapi} filter ({@code mp.openapi.filter}): what every service's document shares. */
public class UserApiDocument extends ServiceApiDocument {

    public UserApiDocument() {
        super(UsersResource.class);
    }
}
