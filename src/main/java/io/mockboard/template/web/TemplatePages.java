package io.mockboard.template.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.template.TemplateService.Filter;
import io.mockboard.template.TemplateService.Metadata;
import io.mockboard.template.TemplateService;
import io.mockboard.template.TemplateSummary;
import io.mockboard.template.catalog.CaseStudy;
import io.mockboard.template.catalog.Framework;
import io.mockboard.template.render.SceneSvg;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The template gallery (with rendered previews), one template's page, and saving a board as a template. */
@Path("/templates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class TemplatePages {
    /** Where a failed "save as template" may send the person back to: a session's lobby, nothing else. */
    private static final java.util.regex.Pattern SESSION_PAGE = java.util.regex.Pattern.compile("/sessions/[0-9a-fA-F-]{36}");

    private static final List<Option> VARIANTS = List.of(new Option("scaffold", "Framework scaffolds"),
            new Option("blank", "Case studies, blank"), new Option("reference", "Case studies, reference"),
            new Option("building-block", "Building blocks"), new Option("saved", "Saved by interviewers"));

    private final TemplateService templates;
    private final BoardScenes boards;
    private final SecurityIdentity identity;

    TemplatePages(TemplateService templates, BoardScenes boards, SecurityIdentity identity) {
        this.templates = templates;
        this.boards = boards;
        this.identity = identity;
    }

    /** A choice in a filter. */
    public record Option(String value, String label) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gallery(CurrentUser user, List<TemplateSummary> templates, Filter filter,
                List<Option> frameworks, List<Option> caseStudies, List<Option> variants);

        static native TemplateInstance detail(CurrentUser user, TemplateSummary template, boolean mine, List<Option> frameworks,
                String error, List<StepRow> steps, String candidatePrompt, String interviewerPrompt);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance gallery(@QueryParam("framework") String framework, @QueryParam("caseStudy") String caseStudy,
            @QueryParam("variant") String variant) {
        Filter filter = new Filter(framework, caseStudy, variant);
        return Templates.gallery(user(), templates.list(filter), filter, frameworks(),
                Arrays.stream(CaseStudy.values()).map(c -> new Option(c.slug(), c.title())).toList(), VARIANTS);
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("id") String id) {
        return detail(Ids.uuid(id, "Template"), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveBoard(@FormParam("boardId") String boardId, @FormParam("title") String title,
            @FormParam("back") String back) {
        try {
            TemplateSummary saved = templates.save(boards.current(boardId, user()), new Metadata(title, "", null, null, null), user());
            return Response.seeOther(URI.create("/templates/" + saved.id())).build();
        } catch (DomainException refused) {
            if (refused.kind() != DomainException.Kind.INVALID || back == null || !SESSION_PAGE.matcher(back).matches()) {
                throw refused;
            }
            return Response.seeOther(URI.create(back + "?templateError=" + java.net.URLEncoder.encode(refused.getMessage(),
                    java.nio.charset.StandardCharsets.UTF_8))).build();
        }
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") String id, @FormParam("title") String title, @FormParam("description") String description,
            @FormParam("framework") String framework, @FormParam("interviewerPrompt") String interviewerPrompt,
            @FormParam("candidatePrompt") String candidatePrompt) {
        UUID templateId = Ids.uuid(id, "Template");
        try {
            templates.update(templateId, new Metadata(title, description, framework, interviewerPrompt, candidatePrompt), user());
            return Response.seeOther(URI.create("/templates/" + id)).build();
        } catch (DomainException refused) {
            if (refused.kind() != DomainException.Kind.INVALID) {
                throw refused;
            }
            return Response.status(Response.Status.BAD_REQUEST).entity(detail(templateId, refused.getMessage())).build();
        }
    }

    @GET
    @Path("{id}/thumbnail.svg")
    @Produces("image/svg+xml")
    @Operation(hidden = true)
    public Response thumbnail(@PathParam("id") String id) {
        return svg(id, SceneSvg.Options.thumbnail());
    }

    @GET
    @Path("{id}/preview.svg")
    @Produces("image/svg+xml")
    @Operation(hidden = true)
    public Response preview(@PathParam("id") String id) {
        return svg(id, SceneSvg.Options.preview());
    }

    private Response svg(String id, SceneSvg.Options options) {
        String svg = SceneSvg.render(templates.elements(Ids.uuid(id, "Template")), options);
        return Response.ok(svg).header("Cache-Control", "private, max-age=60")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
    }

    @GET
    @Path("{id}/scene.excalidraw")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response download(@PathParam("id") String id) {
        UUID templateId = Ids.uuid(id, "Template");
        TemplateSummary template = templates.find(templateId).orElseThrow(() -> DomainException.notFound("Template " + id));
        var file = java.util.Map.of("type", "excalidraw", "version", 2, "source", "mockboard",
                "elements", templates.elements(templateId), "appState", java.util.Map.of("viewBackgroundColor", "#ffffff"),
                "files", java.util.Map.of());
        String name = (template.slug() != null ? template.slug() : "template-" + id) + ".excalidraw";
        return Response.ok(file).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("{id}/delete")
    @Operation(hidden = true)
    public Response delete(@PathParam("id") String id) {
        templates.delete(Ids.uuid(id, "Template"), user());
        return Response.seeOther(URI.create("/templates")).build();
    }

    private TemplateInstance detail(UUID id, String error) {
        TemplateSummary template = templates.find(id).orElseThrow(() -> DomainException.notFound("Template " + id));
        CurrentUser user = user();
        boolean mine = !template.builtIn() && (user.id().equals(template.createdBy()) || user.isAdmin());
        return Templates.detail(user, template, mine, frameworks(), error, steps(template), blankToNull(template.candidatePrompt()),
                blankToNull(template.interviewerPrompt()));
    }

    /** One framework step of a template, in the framework's order, with its title and the template's budget. */
    public record StepRow(int number, String title, int minutes) {}

    static List<StepRow> steps(TemplateSummary template) {
        Framework framework = Arrays.stream(Framework.values()).filter(f -> f.wire().equals(template.framework())).findFirst()
                .orElse(Framework.values()[0]);
        return framework.steps().stream().filter(step -> template.stepBudgets().containsKey(step.id()))
                .map(step -> new StepRow(step.number(), step.title(), template.stepBudgets().get(step.id()))).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<Option> frameworks() {
        return Arrays.stream(Framework.values()).map(f -> new Option(f.wire(), f.title())).toList();
    }

    private CurrentUser user() {
        return CurrentUser.of(identity);
    }
}
