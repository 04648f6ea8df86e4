package io.mockboard.rubric.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.rubric.Rubric;
import io.mockboard.rubric.RubricContent;
import io.mockboard.rubric.RubricService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rubrics: the shipped ones and interviewers' own; saving adds a version. */
@Path("/api/rubrics")
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class RubricResource {
    private final RubricService rubrics;
    private final SecurityIdentity identity;

    RubricResource(RubricService rubrics, SecurityIdentity identity) {
        this.rubrics = rubrics;
        this.identity = identity;
    }

    /** Copy an existing rubric under a new title. */
    public record Copy(String title) {}

    @GET
    @Operation(summary = "The shipped rubrics and the caller's own (an admin's: every rubric), at their current versions")
    public List<Rubric> list() {
        return rubrics.list(CurrentUser.of(identity));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One rubric at its current version")
    public Rubric get(@PathParam("id") String id) {
        return rubrics.get(Ids.uuid(id, "Rubric"));
    }

    @POST
    @Operation(summary = "Create a rubric")
    public Response create(RubricContent body) {
        if (body == null) {
            throw DomainException.invalid("Send the rubric as JSON: title, framework, criteria");
        }
        return created(rubrics.create(body, CurrentUser.of(identity)));
    }

    @POST
    @Path("{id}/copy")
    @Operation(summary = "Copy a rubric (shipped ones included) to edit the copy")
    public Response copy(@PathParam("id") String id, Copy body) {
        return created(rubrics.copy(Ids.uuid(id, "Rubric"), body == null ? null : body.title(), CurrentUser.of(identity)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Save a new version of one's own rubric (scorecards keep the version they used)")
    public Rubric update(@PathParam("id") String id, RubricContent body) {
        if (body == null) {
            throw DomainException.invalid("Send the rubric as JSON: title, framework, criteria");
        }
        return rubrics.update(Ids.uuid(id, "Rubric"), body, CurrentUser.of(identity));
    }

    private static Response created(Rubric rubric) {
        return Response.created(URI.create("/api/rubrics/" + rubric.id())).entity(rubric).build();
    }
}
