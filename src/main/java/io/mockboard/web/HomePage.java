package io.mockboard.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.board.BoardService;
import io.mockboard.board.BoardSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Qute home page: what Mockboard is, and for interviewers their recent boards and a new-board form. */
@Path("/home")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
    private final SecurityIdentity identity;
    private final BoardService boards;

    HomePage(SecurityIdentity identity, BoardService boards) {
        this.identity = identity;
        this.boards = boards;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(CurrentUser user, List<BoardSummary> boards, String title, String error);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        return page("", null);
    }

    /** Creates a board from the form and opens it; a bad title re-renders the form with the message. */
    @POST
    @Path("boards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
    @Operation(hidden = true)
    public Response createBoard(@FormParam("title") String title, @HeaderParam("Origin") String origin,
            @HeaderParam("Host") String host) {
        if (origin != null && !origin.endsWith("//" + host)) {
            return Response.status(Response.Status.FORBIDDEN).entity(page(title, "This form was sent from another site.")).build();
        }
        try {
            BoardSummary board = boards.create(title, CurrentUser.of(identity).id());
            return Response.seeOther(URI.create("/b/" + board.id())).build();
        } catch (ProblemException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(title, invalid.getMessage())).build();
        }
    }

    private TemplateInstance page(String title, String error) {
        CurrentUser user = CurrentUser.of(identity);
        List<BoardSummary> recent = user != null && user.isStaff() ? boards.recent(20) : List.of();
        return Templates.home(user, recent, title == null ? "" : title, error);
    }
}
