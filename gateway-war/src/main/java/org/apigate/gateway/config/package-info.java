/**
 * Reading configuration that operators change at run time: each setting is a MicroProfile Config key, read when it
 * is used through {@link org.apigate.gateway.config.CachedConfig} (values, present or absent, kept for
 * {@code mp.config.cache.duration}), parsed once per distinct value ({@link org.apigate.gateway.config.Setting}), and
 * kept at its last good value when a new one cannot be used - which is logged once and reported, never a failed
 * request.
 */
package org.apigate.gateway.config;
