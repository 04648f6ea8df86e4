package io.mockboard.board.web;

import io.mockboard.auth.Action;
import io.mockboard.auth.BoardPermissions;
import io.mockboard.auth.CurrentUser;
import io.mockboard.board.BoardFile;
import io.mockboard.board.BoardFileService;
import io.mockboard.core.DomainException;
import io.mockboard.sync.BoardId;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Images on a board, in Excalidraw's file format; element changes reference them by id. */
@Path("/api/boards/{boardId}/files/{fileId}")
@Authenticated
public class BoardFileResource {
    private final BoardPermissions access;
    private final BoardFileService files;
    private final SecurityIdentity identity;

    BoardFileResource(BoardPermissions access, BoardFileService files, SecurityIdentity identity) {
        this.access = access;
        this.files = files;
        this.identity = identity;
    }

    public record Upload(String mimeType, String dataURL) {}

    @PUT
    @Operation(summary = "Store an image (idempotent: the same id again changes nothing)")
    public Response put(@PathParam("boardId") String boardId, @PathParam("fileId") String fileId, Upload body) {
        CurrentUser user = CurrentUser.of(identity);
        BoardId board = access.requireOnBoard(boardId, user, Action.WRITE_BOARD);
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with mimeType and dataURL");
        }
        boolean created = files.store(board, fileId, body.mimeType(), body.dataURL(), user.id());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).build();
    }

    @GET
    @Operation(summary = "One image as {id, mimeType, dataURL}")
    public BoardFile get(@PathParam("boardId") String boardId, @PathParam("fileId") String fileId) {
        return files.find(access.requireOnBoard(boardId, CurrentUser.of(identity), Action.READ_BOARD), fileId).orElseThrow(() -> DomainException.notFound("Image " + fileId));
    }
}
