package io.mockboard.rubric.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.rubric.Rubric;
import io.mockboard.rubric.RubricService;
import io.mockboard.rubric.Scorecard;
import io.mockboard.rubric.ScorecardService.Draft;
import io.mockboard.rubric.ScorecardService;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionSummary;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A session's scorecards: one's own (draft, then submitted) and, after submitting, the others'. */
@Path("/api/sessions/{sessionId}")
@Authenticated
public class ScorecardResource {
    private final ScorecardService scorecards;
    private final RubricService rubrics;
    private final SessionService sessions;
    private final SecurityIdentity identity;

    ScorecardResource(ScorecardService scorecards, RubricService rubrics, SessionService sessions, SecurityIdentity identity) {
        this.scorecards = scorecards;
        this.rubrics = rubrics;
        this.sessions = sessions;
        this.identity = identity;
    }

    /** Which rubric the session's new scorecards use: a rubric id or a shipped rubric's slug. */
    public record ChooseRubric(String rubric) {}

    @GET
    @Path("scorecard")
    @Operation(summary = "My scorecard for this session (started as a draft if there is none)")
    public Scorecard mine(@PathParam("sessionId") String sessionId) {
        return scorecards.mine(Ids.uuid(sessionId, "Session"), user());
    }

    @PUT
    @Path("scorecard")
    @Operation(summary = "Save my draft: levels, evidence, recommendation, summary")
    public Scorecard save(@PathParam("sessionId") String sessionId, Draft body) {
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with scores, recommendation and summary");
        }
        return scorecards.save(Ids.uuid(sessionId, "Session"), body, user());
    }

    @POST
    @Path("scorecard/submit")
    @Operation(summary = "Submit my scorecard (final)")
    public Scorecard submit(@PathParam("sessionId") String sessionId) {
        return scorecards.submit(Ids.uuid(sessionId, "Session"), user());
    }

    @GET
    @Path("scorecards")
    @Operation(summary = "The scorecards I may see: mine, and the others' submitted ones once mine is submitted")
    public List<Scorecard> visible(@PathParam("sessionId") String sessionId) {
        return scorecards.visible(Ids.uuid(sessionId, "Session"), user());
    }

    @PUT
    @Path("rubric")
    @Operation(summary = "Choose the rubric for the session's scorecards")
    public SessionSummary chooseRubric(@PathParam("sessionId") String sessionId, ChooseRubric body) {
        if (body == null || body.rubric() == null) {
            throw DomainException.invalid("Send a JSON body with the rubric's id or slug");
        }
        Rubric rubric = rubrics.find(body.rubric()).orElseThrow(() -> DomainException.invalid("There is no rubric '" + body.rubric() + "'"));
        return sessions.setRubric(Ids.uuid(sessionId, "Session"), rubric.id(), user());
    }

    private CurrentUser user() {
        return CurrentUser.of(identity);
    }
}
