package io.mockboard.web;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Unknown {@code /api} routes answer 404 problem+json instead of falling through to the front end. */
@Path("/api/{path: .*}")
class ApiFallbackResource {
    @GET
    @Operation(hidden = true)
    public void get() {
        throw new NotFoundException();
    }

    @POST
    @Operation(hidden = true)
    public void post() {
        throw new NotFoundException();
    }

    @PUT
    @Operation(hidden = true)
    public void put() {
        throw new NotFoundException();
    }

    @PATCH
    @Operation(hidden = true)
    public void patch() {
        throw new NotFoundException();
    }

    @DELETE
    @Operation(hidden = true)
    public void delete() {
        throw new NotFoundException();
    }
}
