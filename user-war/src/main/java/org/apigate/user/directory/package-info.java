/**
 * The user directory: registering, reading, updating and deleting users. Usernames and emails are unique; the id is
 * a server-generated UUID that other services (orders) and the gateway (token subjects) refer to.
 */
package org.apigate.user.directory;
