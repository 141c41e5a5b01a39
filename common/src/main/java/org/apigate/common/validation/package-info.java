/** Bean Validation constraints the services' request bodies share. */
package org.apigate.common.validation;
