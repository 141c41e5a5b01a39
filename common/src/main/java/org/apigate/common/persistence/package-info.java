/** JPA helpers every service needs the same way. */
package org.apigate.common.persistence;
