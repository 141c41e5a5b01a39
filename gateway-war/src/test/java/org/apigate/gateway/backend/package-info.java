/**
 * Test helpers for the gateway's Arquillian tests: the packaged WAR with test settings, and stand-in service
 * instances for the failures that real services cannot be made to show on demand.
 */
package org.apigate.gateway.backend;
