/**
 * The operator's path on a full Payara Server, tested as an operator would walk it: the distribution Maven fetched,
 * a private PostgreSQL, {@code server-config/postgres/create-databases.sh} and
 * {@code server-config/payara-server/setup-domain.sh}, then the admin interface and the applications over HTTP.
 * Everything runs inside a network namespace that has only a loopback interface, so nothing can leave the machine
 * and no port clashes with the host's; every step has a deadline and the namespace is removed afterwards.
 */
package org.apigate.system.server;
