package io.mockboard.session.web;

import io.mockboard.auth.AccessPolicy;
import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.auth.SessionRole;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.session.InviteRole;
import io.mockboard.session.InviteService;
import io.mockboard.session.InviteSummary;
import io.mockboard.session.ParticipantSummary;
import io.mockboard.session.RecordedVoices;
import io.mockboard.session.RubricChoices;
import io.mockboard.session.RubricChoices.Choice;
import io.mockboard.session.Participants;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionService.NewSession;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionState;
import io.mockboard.session.SessionSummary;
import io.mockboard.session.TargetLevel;
import io.mockboard.template.TemplateService;
import io.mockboard.template.TemplateSummary;
import io.mockboard.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The interviewer's pages: the new-session form and a session's lobby (start/end, invite links, who joined). */
@Path("/sessions")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class SessionPages {
    private final SessionService sessions;
    private final TemplateService templates;
    private final SessionAccess access;
    private final InviteService invites;
    private final Participants participants;
    private final LobbyPresence presence;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final RubricChoices rubrics;
    private final RecordedVoices voices;

    SessionPages(SessionService sessions, TemplateService templates, SessionAccess access, InviteService invites, Participants participants, LobbyPresence presence,
            SecurityIdentity identity, Clock clock, RubricChoices rubrics, RecordedVoices voices) {
        this.sessions = sessions;
        this.templates = templates;
        this.access = access;
        this.invites = invites;
        this.participants = participants;
        this.presence = presence;
        this.identity = identity;
        this.clock = clock;
        this.rubrics = rubrics;
        this.voices = voices;
    }

    /** What the new-session form holds, as typed. */
    public record Form(String title, String scheduled, String level, String template) {}

    /** Templates of one kind, for the form's grouped picker. */
    public record TemplateGroup(String label, List<TemplateSummary> templates) {}

    /** An invite with its state spelled out. */
    public record InviteRow(InviteSummary invite, String status) {
        public boolean active() {
            return status.equals("active");
        }
    }

    /** A link just created: shown once, then only its hash exists. */
    public record NewLink(InviteRole role, String url) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance create(CurrentUser user, Form form, List<TargetLevel> levels, List<TemplateGroup> groups,
                String error);

        static native TemplateInstance lobby(CurrentUser user, SessionSummary session, boolean manages, List<InviteRow> invites,
                List<ParticipantSummary> joined, List<String> online, NewLink created, String error, Choice rubric, List<Choice> rubrics,
                RecordedVoices.Audio audio, boolean deletesAudio);
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance newForm(@QueryParam("template") String template) {
        String chosen = template == null || template.isBlank() ? "ml-system-design-scaffold" : template;
        return form(new Form("", "", "", chosen), null);
    }

    @POST
    @Operation(hidden = true)
    public Response create(@FormParam("title") String title, @FormParam("scheduled") String scheduled,
            @FormParam("tzOffset") String tzOffset, @FormParam("level") String level, @FormParam("template") String template) {
        Form form = new Form(title, scheduled, level, template);
        try {
            TargetLevel target = level == null || level.isBlank() ? null : TargetLevel.fromWire(level);
            SessionSummary session = sessions.create(new NewSession(title, scheduledAt(scheduled, tzOffset), target, template), user());
            return Response.seeOther(URI.create("/sessions/" + session.id())).build();
        } catch (DomainException | IllegalArgumentException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).entity(form(form, invalid.getMessage())).build();
        }
    }

    private TemplateInstance form(Form form, String error) {
        List<TemplateSummary> all = templates.list(new TemplateService.Filter(null, null, null));
        List<TemplateGroup> groups = List.of(
                group("Frameworks", all, t -> t.variant().equals("scaffold")),
                group("Case studies (blank, for the candidate)", all, t -> t.variant().equals("blank")),
                group("Case studies (with the reference architecture)", all, t -> t.variant().equals("reference")),
                group("Building blocks", all, t -> t.variant().equals("building-block")),
                group("Saved by interviewers", all, t -> t.variant().equals("saved")));
        return Templates.create(user(), form, List.of(TargetLevel.values()),
                groups.stream().filter(g -> !g.templates().isEmpty()).toList(), error);
    }

    private static TemplateGroup group(String label, List<TemplateSummary> all, java.util.function.Predicate<TemplateSummary> which) {
        return new TemplateGroup(label, all.stream().filter(which).toList());
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance lobby(@PathParam("id") String id, @QueryParam("templateError") String templateError) {
        return lobby(Ids.uuid(id, "Session"), null, templateError == null ? null : "Not saved as a template: " + templateError);
    }

    @POST
    @Path("{id}/start")
    @Operation(hidden = true)
    public Response start(@PathParam("id") String id) {
        return afterAction(id, () -> sessions.start(Ids.uuid(id, "Session"), user()));
    }

    @POST
    @Path("{id}/end")
    @Operation(hidden = true)
    public Response end(@PathParam("id") String id) {
        return afterAction(id, () -> sessions.end(Ids.uuid(id, "Session"), user()));
    }

    @POST
    @Path("{id}/invites")
    @Operation(hidden = true)
    public Response invite(@PathParam("id") String id, @FormParam("role") String role, @FormParam("days") String days,
            @FormParam("singleUse") String singleUse, @Context UriInfo uri) {
        UUID sessionId = Ids.uuid(id, "Session");
        try {
            InviteRole inviteRole = InviteRole.fromWire(role == null ? "candidate" : role);
            Duration validFor = Duration.ofDays(days == null || days.isBlank() ? 7 : Long.parseLong(days));
            var created = invites.create(sessionId, new InviteService.NewInvite(inviteRole, validFor, singleUse != null), user());
            String url = uri.getBaseUriBuilder().path("join").path(created.token()).build().toString();
            return Response.status(Response.Status.CREATED).entity(lobby(sessionId, new NewLink(inviteRole, url), null)).build();
        } catch (IllegalArgumentException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(lobby(sessionId, null, "Pick a role and a validity of 1 to 30 days")).build();
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            return Response.status(Problem.statusOf(refused.kind())).entity(lobby(sessionId, null, refused.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/invites/{inviteId}/revoke")
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id, @PathParam("inviteId") String inviteId) {
        invites.revoke(Ids.uuid(id, "Session"), Ids.uuid(inviteId, "Invite"), user());
        return Response.seeOther(URI.create("/sessions/" + id + "#invites")).build();
    }

    private interface SessionAction {
        void run();
    }

    private Response afterAction(String id, SessionAction action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/sessions/" + id)).build();
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            return Response.status(Problem.statusOf(refused.kind())).entity(lobby(Ids.uuid(id, "Session"), null, refused.getMessage())).build();
        }
    }

    private TemplateInstance lobby(UUID id, NewLink created, String error) {
        CurrentUser user = user();
        SessionSummary session = sessions.get(id, user);
        SessionRole role = access.role(id, user);
        boolean manages = AccessPolicy.permits(role, Action.MANAGE_SESSION, false);
        // recordings are deleted once the call can no longer be recording
        boolean deletesAudio = AccessPolicy.permits(role, Action.DELETE_RECORDINGS, false) && session.state() != SessionState.LIVE;
        Instant now = clock.instant();
        List<InviteRow> rows = invites.list(id, user).stream().map(i -> new InviteRow(i, status(i, now))).toList();
        return Templates.lobby(user, session, manages, rows, participants.of(id), presence.online(session.boardId()), created, error,
                rubrics.current(session), rubrics.offered(user), voices.audioOf(id), deletesAudio);
    }

    @POST
    @Path("{id}/rubric")
    @Operation(hidden = true)
    public Response chooseRubric(@PathParam("id") String id, @FormParam("rubric") String rubric) {
        Choice chosen = rubrics.find(rubric == null ? "" : rubric)
                .orElseThrow(() -> DomainException.invalid("Pick one of the rubrics"));
        sessions.setRubric(Ids.uuid(id, "Session"), chosen.id(), user());
        return Response.seeOther(URI.create("/sessions/" + id)).build();
    }

    private static String status(InviteSummary invite, Instant now) {
        if (invite.revokedAt() != null) {
            return "revoked";
        }
        if (invite.singleUse() && invite.usedAt() != null) {
            return "used";
        }
        return now.isBefore(invite.expiresAt()) ? "active" : "expired";
    }

    /** The form's local date and time, moved to UTC by the browser's offset (minutes, as JavaScript gives it). */
    static Instant scheduledAt(String scheduled, String tzOffset) {
        if (scheduled == null || scheduled.isBlank()) {
            return null;
        }
        try {
            int offsetMinutes = tzOffset == null || tzOffset.isBlank() ? 0 : Integer.parseInt(tzOffset.strip());
            if (Math.abs(offsetMinutes) > 18 * 60) {
                throw new IllegalArgumentException("Time zone offset out of range");
            }
            return LocalDateTime.parse(scheduled.strip()).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(offsetMinutes));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Give the date and time as YYYY-MM-DD HH:MM");
        }
    }

    private CurrentUser user() {
        return CurrentUser.of(identity);
    }
}
