package io.mockboard.session.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionState;
import io.mockboard.session.SessionSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Qute home page: what Mockboard is, and for interviewers their dashboard of sessions (live, upcoming, ended). */
@Path("/home")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
    private final SecurityIdentity identity;
    private final SessionService sessions;

    HomePage(SecurityIdentity identity, SessionService sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    /** An interviewer's sessions by state; upcoming ones soonest first. */
    public record Dashboard(List<SessionSummary> live, List<SessionSummary> upcoming, List<SessionSummary> ended) {
        public boolean isEmpty() {
            return live.isEmpty() && upcoming.isEmpty() && ended.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(CurrentUser user, Dashboard dashboard);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        CurrentUser user = CurrentUser.of(identity);
        Dashboard dashboard = user != null && user.isStaff() ? dashboard(sessions.visibleTo(user)) : null;
        return Templates.home(user, dashboard);
    }

    static Dashboard dashboard(List<SessionSummary> all) {
        Comparator<SessionSummary> soonest = Comparator.comparing(SessionSummary::scheduledAt,
                Comparator.nullsLast(Comparator.naturalOrder()));
        return new Dashboard(
                all.stream().filter(s -> s.state() == SessionState.LIVE).toList(),
                all.stream().filter(s -> s.state() == SessionState.SCHEDULED).sorted(soonest).toList(),
                all.stream().filter(s -> s.state() == SessionState.ENDED).limit(20).toList());
    }
}
