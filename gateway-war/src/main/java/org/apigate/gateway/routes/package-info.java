/**
 * Routes are configuration: which public paths exist, which service serves each, who may call it and how it is
 * limited - all from MicroProfile Config ({@code gateway.routes}, {@code gateway.route.<name>.*}), read live, so
 * {@code asadmin set-config-property}, the admin console and environment variables change them without a redeploy.
 * The composed overview ({@code GET /api/users/{id}/overview}) is the one built-in route. An invalid route definition
 * is reported (log, readiness, {@code /admin/routes}) and skipped; it never fails requests.
 */
package org.apigate.gateway.routes;
