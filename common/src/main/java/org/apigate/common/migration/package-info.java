/** Versioned schema migrations (Flyway), applied when a service is deployed instead of JPA drop-and-create. */
package org.apigate.common.migration;
