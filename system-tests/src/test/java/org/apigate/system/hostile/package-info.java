/**
 * Hostile input against the whole system (issue 7, items 1-3): forged and malformed bearer tokens, routing tricks
 * with malformed HTTP on raw sockets, and seeded fuzzing of the gateway and of each service. All test classes here
 * share one booted system ({@link org.apigate.system.hostile.HostileSystem}) per test run; each service writes a
 * Payara access log, so a test can prove that a refused request never reached a service.
 */
package org.apigate.system.hostile;
