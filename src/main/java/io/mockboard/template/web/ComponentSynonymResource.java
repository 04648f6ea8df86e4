package io.mockboard.template.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.DomainException;
import io.mockboard.template.ComponentSynonyms;
import io.mockboard.template.ComponentSynonyms.Synonym;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Labels this installation has learned for reference coverage: a label people write, counted as a component kind. */
@Path("/api/component-synonyms")
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class ComponentSynonymResource {
    private final ComponentSynonyms synonyms;
    private final SecurityIdentity identity;

    ComponentSynonymResource(ComponentSynonyms synonyms, SecurityIdentity identity) {
        this.synonyms = synonyms;
        this.identity = identity;
    }

    /** A label to count as a kind (its wire name, e.g. {@code ann-index}). */
    public record Mapping(String label, String kind) {}

    @GET
    @Operation(summary = "Every learned label and the kind it counts as")
    public List<Synonym> list() {
        return synonyms.list();
    }

    @POST
    @Operation(summary = "Count a label as a component kind in every review (again, when it was mapped before)")
    public Synonym map(Mapping body) {
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with the label and the kind");
        }
        return synonyms.map(body.label(), body.kind(), CurrentUser.of(identity));
    }

    @DELETE
    @Operation(summary = "Forget a learned label (?label=)")
    public Response forget(@QueryParam("label") String label) {
        synonyms.forget(label);
        return Response.noContent().build();
    }
}
