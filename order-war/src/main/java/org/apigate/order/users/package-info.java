/**
 * The order service's side of user-war: is there a user with this id? Asked before an order is written, so an
 * unknown user costs no order row and no reservation. Guarded with MicroProfile Fault Tolerance; failures reach the
 * order saga as {@link org.apigate.order.users.control.UnknownUserException} or
 * {@link org.apigate.order.users.control.UserServiceUnavailableException}.
 */
package org.apigate.order.users;
