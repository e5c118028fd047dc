package dev.timelines.adapters.in.rest.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Accepts a bearer token that is one of the configured API keys, with that key's role. Asked before the JWT
 * validator (a higher priority): a token that is no API key is left to it, so one {@code Authorization: Bearer}
 * header carries either kind of token. Built at start, so that a malformed {@code timelines.auth.keys} stops it.
 */
@Startup
@Singleton
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

    /** Above the default of every other provider of bearer tokens (1001, smallrye-jwt's among them). */
    private static final int BEFORE_JWT = 2000;

    private final ApiKeys keys;

    public ApiKeyIdentityProvider(AuthConfig config) {
        this.keys = ApiKeys.parse(config.keys().orElse(List.of()));
        if (config.enabled()) {
            LOG.infof("authentication is on: %d API key(s); JWTs are checked when mp.jwt.verify.* names a key",
                    keys.size());
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return BEFORE_JWT;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return keys.find(request.getToken().getToken())
                .<Uni<SecurityIdentity>>map(key -> Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(key.name()))
                        .addRole(key.role())
                        .build()))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }
}
