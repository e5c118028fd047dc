/** Optional bearer-token authentication: API keys from configuration, next to JWTs. */
package dev.timelines.adapters.in.rest.auth;
