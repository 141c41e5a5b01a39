/**
 * The service credential: how one apigate service calls another as itself. The caller signs short-lived JWTs with
 * its own private key ({@link org.apigate.common.servicetoken.ServiceCredential}) and a Rest Client filter sends
 * them ({@link org.apigate.common.servicetoken.ServiceTokenFilter}); the callee's
 * {@link org.apigate.common.auth.TokenVerifier} trusts the service issuer besides the users' identity provider and
 * grants such a token the role {@code service}, nothing else. The customer's identity does not travel: the caller
 * checks what the customer may do before it calls anyone.
 */
package org.apigate.common.servicetoken;
