package io.mockboard.rubric.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.Ids;
import io.mockboard.rubric.Csv;
import io.mockboard.rubric.RubricContent;
import io.mockboard.rubric.Scorecard;
import io.mockboard.rubric.ScorecardService;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A session's scorecards as a printable page and as CSV, showing only what the caller may see. */
@Path("/sessions/{id}")
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class ScorecardPages {
    private final ScorecardService scorecards;
    private final SessionService sessions;
    private final SecurityIdentity identity;

    ScorecardPages(ScorecardService scorecards, SessionService sessions, SecurityIdentity identity) {
        this.scorecards = scorecards;
        this.sessions = sessions;
        this.identity = identity;
    }

    /** One criterion's row on the printable page. */
    public record Row(String criterion, int weight, Integer level, String label, String anchor, String evidence) {}

    /** A scorecard laid out for reading. */
    public record Sheet(Scorecard card, List<Row> rows) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance printable(CurrentUser user, SessionSummary session, List<Sheet> sheets);
    }

    @GET
    @Path("scorecards")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance printable(@PathParam("id") String id) {
        UUID sessionId = Ids.uuid(id, "Session");
        CurrentUser user = CurrentUser.of(identity);
        List<Sheet> sheets = scorecards.visible(sessionId, user).stream().map(ScorecardPages::sheet).toList();
        return Templates.printable(user, sessions.get(sessionId, user), sheets);
    }

    @GET
    @Path("scorecards.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@PathParam("id") String id) {
        UUID sessionId = Ids.uuid(id, "Session");
        CurrentUser user = CurrentUser.of(identity);
        StringBuilder csv = new StringBuilder("interviewer,status,criterion,weight,level,level_label,evidence,weighted_score,recommendation\r\n");
        for (Scorecard card : scorecards.visible(sessionId, user)) {
            for (Row row : sheet(card).rows()) {
                csv.append(Csv.line(card.author(), card.status(), row.criterion(), String.valueOf(row.weight()),
                        row.level() == null ? "" : String.valueOf(row.level()), row.label(), row.evidence(),
                        card.weightedScore() == null ? "" : String.valueOf(card.weightedScore()),
                        card.recommendation() == null ? "" : card.recommendation().label()));
            }
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"scorecards-" + sessionId + ".csv\"").build();
    }

    static Sheet sheet(Scorecard card) {
        RubricContent rubric = card.rubric().content();
        List<Row> rows = card.scores().stream().map(score -> {
            RubricContent.Criterion c = rubric.criterion(score.criterion());
            String label = score.level() == null ? "" : rubric.scale().stream().filter(l -> l.level() == score.level())
                    .map(RubricContent.ScaleLevel::label).findFirst().orElse(String.valueOf(score.level()));
            return new Row(c.title(), c.weight(), score.level(), label, score.level() == null ? "" : c.anchor(score.level()),
                    score.evidence());
        }).toList();
        return new Sheet(card, rows);
    }
}
