/**
 * The order service's side of user-war: is there a user with this id? Asked before an order is written, so an
 * unknown user costs no order row and no reservation. {@link org.apigate.order.users.control.UserCalls} guards it
 * with MicroProfile Fault Tolerance; the order saga reads {@link org.apigate.order.users.control.UnknownUserException}
 * as "no", and any other failure as the user service being unavailable.
 */
package org.apigate.order.users;
