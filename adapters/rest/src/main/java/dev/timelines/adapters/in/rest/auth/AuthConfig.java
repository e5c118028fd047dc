package dev.timelines.adapters.in.rest.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** {@code timelines.auth.*}: optional bearer-token authentication (docs/operations.md, Authentication). */
@ConfigMapping(prefix = "timelines.auth")
public interface AuthConfig {

    /** Off by default, for local use; the HTTP permissions in application.properties follow this switch. */
    @WithDefault("false")
    boolean enabled();

    /** API keys as {@code key=role}, comma-separated; the role is {@code read} or {@code write}. */
    Optional<List<String>> keys();
}
