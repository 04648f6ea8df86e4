package io.mockboard.board.web;

import io.mockboard.auth.Action;
import io.mockboard.auth.BoardPermissions;
import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.board.BoardService;
import io.mockboard.board.BoardSummary;
import io.mockboard.core.DomainException;
import io.mockboard.sync.BoardId;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/boards")
public class BoardResource {
    private final BoardService boards;
    private final BoardPermissions access;
    private final SecurityIdentity identity;

    BoardResource(BoardService boards, BoardPermissions access, SecurityIdentity identity) {
        this.boards = boards;
        this.access = access;
        this.identity = identity;
    }

    public record CreateBoard(String title) {}

    @GET
    @RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
    @Operation(summary = "The caller's 100 most recent boards")
    public List<BoardSummary> list() {
        return boards.recentOf(CurrentUser.of(identity).id(), 100);
    }

    @POST
    @RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
    @Operation(summary = "Create an empty board")
    public Response create(CreateBoard body) {
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with a title");
        }
        BoardSummary created = boards.create(body.title(), CurrentUser.of(identity).id());
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/boards/" + created.id())
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "One board's metadata")
    public BoardSummary get(@PathParam("id") String id) {
        BoardId board = access.requireOnBoard(id, CurrentUser.of(identity), Action.READ_BOARD);
        return boards.find(board).orElseThrow(() -> DomainException.notFound("Board " + id));
    }
}
