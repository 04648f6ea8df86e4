package io.mockboard.rubric.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.rubric.Rubric;
import io.mockboard.rubric.RubricContent;
import io.mockboard.rubric.RubricService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The rubric list and editor: shipped rubrics are read and copied; one's own are edited (each save is a new version). */
@Path("/rubrics")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class RubricPages {
    private final RubricService rubrics;
    private final SecurityIdentity identity;

    RubricPages(RubricService rubrics, SecurityIdentity identity) {
        this.rubrics = rubrics;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CurrentUser user, List<Rubric> rubrics);

        static native TemplateInstance editor(CurrentUser user, Rubric rubric, RubricContent content, boolean editable, String error,
                boolean saved);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.list(user(), rubrics.list(user()));
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance editor(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("saved") String saved) {
        Rubric rubric = rubrics.get(Ids.uuid(id, "Rubric"));
        return Templates.editor(user(), rubric, rubric.content(), mayEdit(rubric), null, saved != null);
    }

    /** A new rubric to fill in: one criterion with plain anchors, opened in the editor. */
    @POST
    @Path("new")
    @Operation(hidden = true)
    public Response create() {
        List<RubricContent.LevelAnchor> anchors = List.of(
                new RubricContent.LevelAnchor(1, "Hard to follow; ignores the interviewer's hints."),
                new RubricContent.LevelAnchor(2, "Understandable, but needs prompting to move on."),
                new RubricContent.LevelAnchor(3, "Clear structure, thinks aloud, takes hints."),
                new RubricContent.LevelAnchor(4, "Drives the discussion and raises trade-offs before being asked."));
        RubricContent content = new RubricContent(null, "Untitled rubric", "ml-system-design", "", RubricService.SCALE,
                List.of(new RubricContent.Criterion("communication", "Communication", null, 100, "", anchors, List.of(), List.of())));
        Rubric created = rubrics.create(content, user());
        return Response.seeOther(URI.create("/rubrics/" + created.id())).build();
    }

    @POST
    @Path("{id}/copy")
    @Operation(hidden = true)
    public Response copy(@PathParam("id") String id) {
        Rubric copy = rubrics.copy(Ids.uuid(id, "Rubric"), null, user());
        return Response.seeOther(URI.create("/rubrics/" + copy.id())).build();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID rubricId = Ids.uuid(id, "Rubric");
        RubricContent content = fromForm(form);
        try {
            rubrics.update(rubricId, content, user());
            return Response.seeOther(URI.create("/rubrics/" + id + "?saved=1")).build();
        } catch (DomainException refused) {
            if (refused.kind() != DomainException.Kind.INVALID) {
                throw refused;
            }
            Rubric rubric = rubrics.get(rubricId);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.editor(user(), rubric, content, true, refused.getMessage(), false)).build();
        }
    }

    /** Reads the editor's fields: c.N.id, c.N.title, c.N.weight, c.N.description, c.N.level1..4, c.N.redFlags, c.N.signals, c.N.remove. */
    static RubricContent fromForm(MultivaluedMap<String, String> form) {
        List<RubricContent.Criterion> criteria = new ArrayList<>();
        for (int i = 0; form.containsKey("c." + i + ".title"); i++) {
            String p = "c." + i + ".";
            if (form.containsKey(p + "remove")) {
                continue;
            }
            List<RubricContent.LevelAnchor> levels = new ArrayList<>();
            for (int level = 1; level <= RubricContent.LEVELS; level++) {
                levels.add(new RubricContent.LevelAnchor(level, value(form, p + "level" + level)));
            }
            String id = value(form, p + "id");
            String title = value(form, p + "title");
            criteria.add(new RubricContent.Criterion(id.isEmpty() ? slug(title) : id, title, blankToNull(value(form, p + "step")),
                    number(value(form, p + "weight")), value(form, p + "description"), levels, lines(value(form, p + "redFlags")),
                    lines(value(form, p + "signals"))));
        }
        return new RubricContent(null, value(form, "title"), value(form, "framework"), value(form, "description"),
                RubricService.SCALE, criteria);
    }

    private boolean mayEdit(Rubric rubric) {
        CurrentUser user = user();
        return !rubric.builtIn() && (user.id().equals(rubric.createdBy()) || user.isAdmin());
    }

    private static String value(MultivaluedMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v.strip();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String slug(String title) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug;
    }

    private CurrentUser user() {
        return CurrentUser.of(identity);
    }
}
