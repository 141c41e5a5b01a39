/**
 * Reading configuration that operators change at run time: each setting is a MicroProfile Config key, read when it
 * is used (through Payara's config cache, {@code mp.config.cache.duration}), parsed once per distinct value, and kept
 * at its last good value when a new one cannot be used - which is logged once and reported, never a failed request.
 */
package org.apigate.gateway.config;
