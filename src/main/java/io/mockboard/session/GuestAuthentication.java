package io.mockboard.session;

import io.mockboard.auth.Guest;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Guests (people without an account who joined through an invite link) are recognised by an HttpOnly,
 * SameSite cookie holding their random token. It is tried after OIDC, so a signed-in account always wins;
 * an unknown or revoked token leaves the request anonymous rather than failing it.
 */
@ApplicationScoped
class GuestAuthentication implements HttpAuthenticationMechanism {
    /** The guest token taken from the cookie. */
    static final class GuestRequest extends BaseAuthenticationRequest {
        final String token;

        GuestRequest(String token) {
            this.token = token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = context.request().getCookie(Guest.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        // a stale or revoked token leaves the request anonymous: public pages keep working
        return identities.authenticate(new GuestRequest(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(GuestRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, Guest.COOKIE));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 500;
    }

    /** Looks the token up (blocking, on a worker). */
    @ApplicationScoped
    static class GuestIdentities implements IdentityProvider<GuestRequest> {
        private final Participants participants;

        GuestIdentities(Participants participants) {
            this.participants = participants;
        }

        @Override
        public Class<GuestRequest> getRequestType() {
            return GuestRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(GuestRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> participants.guest(request.token)
                    .<SecurityIdentity>map(guest -> QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(guest.userId()))
                            .addAttribute(Guest.ATTRIBUTE, guest)
                            .build())
                    .orElse(null));
        }
    }
}
