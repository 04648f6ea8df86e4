package io.mockboard.session.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Guest;
import io.mockboard.core.DomainException;
import io.mockboard.session.InviteRole;
import io.mockboard.session.InviteService;
import io.mockboard.session.Participants;
import io.mockboard.session.SessionSummary;
import io.mockboard.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where an invite link leads: the session's title, the role it grants, and a name field. Joining sets
 * the guest cookie (HttpOnly, SameSite=Strict, bound to that one session) and opens the board. A link
 * that does not work gets a page that says why, with the matching status.
 */
@Path("/join/{token}")
@Produces(MediaType.TEXT_HTML)
public class JoinPage {
    private final InviteService invites;
    private final Participants participants;
    private final JoinThrottle throttle;
    private final SecurityIdentity identity;

    JoinPage(InviteService invites, Participants participants, JoinThrottle throttle, SecurityIdentity identity) {
        this.invites = invites;
        this.participants = participants;
        this.throttle = throttle;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance join(CurrentUser user, SessionSummary session, InviteRole role, String name, String error);

        static native TemplateInstance refused(CurrentUser user, String message, String signInNext);
    }

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("token") String token, @Context HttpServerRequest request) {
        return attempt(token, request, () -> {
            InviteService.Preview preview = invites.preview(token);
            CurrentUser user = user();
            String name = user != null && !user.isGuest() ? user.name() : "";
            return Response.ok(Templates.join(user, preview.session(), preview.role(), name, null)).build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response join(@PathParam("token") String token, @FormParam("name") String name, @Context HttpServerRequest request) {
        return attempt(token, request, () -> {
            CurrentUser user = user();
            Participants.Joined joined;
            try {
                joined = participants.join(token, name, user);
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID) {
                    throw e;
                }
                InviteService.Preview preview = invites.preview(token);
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(Templates.join(user, preview.session(), preview.role(), name, e.getMessage())).build();
            }
            Response.ResponseBuilder redirect = Response.seeOther(URI.create("/b/" + joined.session().boardId()));
            if (joined.guestToken() != null) {
                redirect.cookie(new NewCookie.Builder(Guest.COOKIE).value(joined.guestToken()).path("/").httpOnly(true)
                        .secure(request.isSSL()).sameSite(NewCookie.SameSite.STRICT).maxAge(30 * 24 * 3600).build());
            }
            return redirect.build();
        });
    }

    private interface Attempt {
        Response run();
    }

    private Response attempt(String token, HttpServerRequest request, Attempt attempt) {
        // behind a reverse proxy, the client's own address when quarkus.http.proxy.* trusts the proxy (docs/configuration.md)
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        try {
            return attempt.run(); // a valid link always works, however many wrong ones were tried from this address
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                boolean blocked = throttle.blocked(address);
                throttle.failed(address);
                if (blocked) {
                    return refused(Response.Status.TOO_MANY_REQUESTS, "Too many invite links that do not work were tried from here. "
                            + "Wait a minute, then open the link from your invitation again.", null);
                }
            }
            String signInNext = e.getMessage().contains("sign in") ? "/join/" + token : null;
            return refused(Problem.statusOf(e.kind()), e.getMessage(), signInNext);
        }
    }

    private Response refused(Response.Status status, String message, String signInNext) {
        return Response.status(status).entity(Templates.refused(user(), message, signInNext)).build();
    }

    private CurrentUser user() {
        return CurrentUser.of(identity);
    }
}
