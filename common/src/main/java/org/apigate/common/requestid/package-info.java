/**
 * The {@code X-Request-Id} that ties one client request to every log line and every upstream call it causes.
 */
package org.apigate.common.requestid;
