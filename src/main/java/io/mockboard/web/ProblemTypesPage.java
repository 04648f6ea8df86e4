package io.mockboard.web;

import io.mockboard.core.DomainException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the {@code type} of a problem response leads to: one section per kind of problem ({@code /problems#conflict}),
 * saying what it means and what a client or a person can do about it.
 */
@Path("/problems")
@Produces(MediaType.TEXT_HTML)
public class ProblemTypesPage {

    /** A kind of problem as the page shows it. */
    public record Type(String slug, int status, String title, String meaning, String remedy) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problems(Object user, List<Type> types);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page() {
        return Templates.problems(null, types());
    }

    static List<Type> types() {
        return Arrays.stream(DomainException.Kind.values()).map(ProblemTypesPage::type).toList();
    }

    private static Type type(DomainException.Kind kind) {
        var status = Problem.statusOf(kind);
        return switch (kind) {
            case NOT_FOUND -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "The thing does not exist, or you have no role that lets you know it does.",
                    "Check the link; ask whoever shared it for a new one.");
            case FORBIDDEN -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "You are known, but your role does not allow this (see the access policy).",
                    "Ask the session's interviewer or an admin.");
            case INVALID -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "The request itself is wrong: a missing or malformed field, a value out of range. The detail says which.",
                    "Correct the request; sending it again unchanged will fail again.");
            case CONFLICT -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "The request clashes with the current state: an ended session, a changed version, a name in use.",
                    "Reload what you are changing, then try again.");
            case GONE -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "The thing existed and is gone for good, such as a single-use invite link already used.",
                    "Ask for a new one.");
            case TOO_LARGE -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "The body is larger than this kind of thing may be; the detail names the limit.",
                    "Send something smaller.");
            case UNSUPPORTED_TYPE -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "The body's content type is not one this kind of thing can be; the detail lists the ones it can.",
                    "Send it with one of those types.");
            case RATE_LIMITED -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "Too many requests of this kind in a short time. Nothing was changed.",
                    "Wait a moment, then send it again; clients retry with backoff.");
            case UNAVAILABLE -> new Type(kind.slug(), status.getStatusCode(), status.getReasonPhrase(),
                    "A part the server needs (usually the database) is down for the moment. Nothing was changed.",
                    "Try again shortly; clients retry with backoff.");
        };
    }
}
