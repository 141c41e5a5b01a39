/** Workarounds for how Payara implements MicroProfile Fault Tolerance, shared by the services that guard calls. */
package org.apigate.common.faulttolerance;
