package io.mockboard.template.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.template.CatalogLoader;
import io.mockboard.template.TemplateService.Filter;
import io.mockboard.template.TemplateService.Metadata;
import io.mockboard.template.TemplateService;
import io.mockboard.template.TemplateSummary;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Architecture templates: the gallery's data, saving a board as a template, and the component library. */
@Path("/api/templates")
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class TemplateResource {
    private final TemplateService templates;
    private final BoardScenes boards;
    private final SecurityIdentity identity;

    TemplateResource(TemplateService templates, BoardScenes boards, SecurityIdentity identity) {
        this.templates = templates;
        this.boards = boards;
        this.identity = identity;
    }

    /** Save this board's current scene as a template. */
    public record SaveBoard(String boardId, String title, String description, String framework) {}

    /** An Excalidraw scene file. */
    public record SceneFile(String type, int version, String source, List<ObjectNode> elements, Map<String, Object> appState,
            Map<String, Object> files) {}

    @GET
    @Operation(summary = "Templates: the shipped catalog first, then saved ones; filter by framework, case study, variant")
    public List<TemplateSummary> list(@QueryParam("framework") String framework, @QueryParam("caseStudy") String caseStudy,
            @QueryParam("variant") String variant) {
        return templates.list(new Filter(framework, caseStudy, variant));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One template's metadata")
    public TemplateSummary get(@PathParam("id") String id) {
        return templates.find(Ids.uuid(id, "Template")).orElseThrow(() -> DomainException.notFound("Template " + id));
    }

    @GET
    @Path("{id}/scene")
    @Operation(summary = "One template's scene as an Excalidraw file")
    public SceneFile scene(@PathParam("id") String id) {
        return new SceneFile("excalidraw", 2, "mockboard", templates.elements(Ids.uuid(id, "Template")),
                Map.of("viewBackgroundColor", "#ffffff"), Map.of());
    }

    @POST
    @Operation(summary = "Save a board's current scene as a new template")
    public Response save(SaveBoard body) {
        if (body == null || body.boardId() == null) {
            throw DomainException.invalid("Send a JSON body with boardId and title");
        }
        CurrentUser user = CurrentUser.of(identity);
        TemplateSummary saved = templates.save(boards.current(body.boardId(), user),
                new Metadata(body.title(), body.description(), body.framework(), null, null), user);
        return Response.created(URI.create("/api/templates/" + saved.id())).entity(saved).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a saved template's title and metadata (its owner)")
    public TemplateSummary update(@PathParam("id") String id, Metadata body) {
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with the template's title and metadata");
        }
        return templates.update(Ids.uuid(id, "Template"), body, CurrentUser.of(identity));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a saved template (its owner)")
    public Response delete(@PathParam("id") String id) {
        templates.delete(Ids.uuid(id, "Template"), CurrentUser.of(identity));
        return Response.noContent().build();
    }

    @GET
    @Path("library")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The component library (Excalidraw .excalidrawlib): one typed shape per component kind")
    public byte[] library() {
        return CatalogLoader.library();
    }
}
