package io.mockboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.mockboard.core.DomainException;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP responses: always {@code application/problem+json},
 * never a stack trace or a class name. Unexpected failures are logged with an id the client sees; an unreachable
 * database is not unexpected: it answers 503 (retry shortly) with a warning.
 */
class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    Response problem(DomainException e, UriInfo uri) {
        return Problem.of(e.kind(), e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 415 -> "Send the body as application/json";
            case 406 -> "This resource cannot produce the requested media type";
            default -> status.getStatusCode() < 500 ? safeMessage(e) : "The server could not complete the request";
        };
        return Problem.of(status, detail).at(uri.getPath()).toResponse();
    }

    /** Quarkus maps a value of the wrong shape itself (plain JSON); this keeps it a problem document. */
    @ServerExceptionMapper
    Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? "The JSON body has a wrong value at '" + fieldPath(mapping) + "'" + controlCharacter(e)
                : "The request body is not valid JSON";
        return Problem.of(Response.Status.BAD_REQUEST, detail).at(uri.getPath()).toResponse();
    }

    /** Says which control character made a JSON string unacceptable ({@link ControlCharacters}). */
    private static String controlCharacter(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int at = message == null ? -1 : message.indexOf("contains a control character (");
        return at < 0 ? "" : ": it " + message.substring(at, message.indexOf(')', at) + 1) + "; remove it and try again";
    }

    /** The field as a person would write it: {@code elements[2].title}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "Your role does not allow this").at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    Response unexpected(Exception e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            LOG.warnf("%s answered 503: the database is unavailable (%s)", uri.getPath(), e.getMessage());
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "The database is unavailable; try again shortly").at(uri.getPath())
                    .toResponse();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, uri.getPath());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected error; reference " + id)
                .at(uri.getPath()).toResponse();
    }

    /** Whether a failure is the database being unreachable (SQL state class 08, connection exception), not a bug. */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof java.sql.SQLTransientConnectionException || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static String safeMessage(WebApplicationException e) {
        String message = e.getMessage();
        return message == null || message.startsWith("HTTP ") ? e.getResponse().getStatusInfo().getReasonPhrase() : message;
    }
}
