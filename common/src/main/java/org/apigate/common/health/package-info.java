/** Building blocks for MicroProfile Health checks shared by the services. */
package org.apigate.common.health;
