package io.mockboard.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mockboard.core.DomainException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** An RFC 9457 problem detail, the body of every error the HTTP API returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, Map<String, Object> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** Where each kind of problem is explained ({@code GET /problems}); relative to the API's own origin. */
    public static final String TYPES = "/problems";

    /** A problem of this kind: its status, and a type URI that leads to what it means and what to do. */
    public static Problem of(DomainException.Kind kind, String detail) {
        Response.Status status = statusOf(kind);
        return new Problem(TYPES + "#" + kind.slug(), status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    /** A problem the framework raised with this status; typed like the domain's own when a kind has that status. */
    public static Problem of(Response.StatusType status, String detail) {
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            if (statusOf(kind).getStatusCode() == status.getStatusCode()) {
                return of(kind, detail);
            }
        }
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    /** The HTTP status of each kind of domain problem: the one place where domain words become HTTP. */
    public static Response.Status statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case INVALID -> Response.Status.BAD_REQUEST;
            case CONFLICT -> Response.Status.CONFLICT;
            case GONE -> Response.Status.GONE;
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_TYPE -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
            case RATE_LIMITED -> Response.Status.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(Map<String, Object> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
