package io.mockboard.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A failure a service reports in the domain's words: what kind of problem it is and a sentence for the person
 * who caused it. Services know nothing of HTTP; the edge maps the kind to a status and a problem type.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, as a caller can act on it. */
    public enum Kind {
        /** The thing does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The caller is known but their role does not allow this. */
        FORBIDDEN,
        /** The request itself is wrong (a missing field, a value out of range); sending it again will not help. */
        INVALID,
        /** The request clashes with the current state (ended session, stale version); look again, then retry. */
        CONFLICT,
        /** The thing existed and is gone for good (a used-up invite link). */
        GONE,
        /** The body is bigger than this kind of thing may be. */
        TOO_LARGE,
        /** The body is of a type this kind of thing cannot be. */
        UNSUPPORTED_TYPE,
        /** The caller sends faster than allowed; the same request works after a pause. */
        RATE_LIMITED,
        /** A part the server needs is down; the same request may work shortly. */
        UNAVAILABLE;

        /** The problem type's slug, as in {@code /problems#not-found}. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    public DomainException(Kind kind, String detail) {
        super(Objects.requireNonNull(detail, "detail"));
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** "{what} was not found". */
    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, what + " was not found");
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Kind.FORBIDDEN, detail);
    }

    public static DomainException invalid(String detail) {
        return new DomainException(Kind.INVALID, detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, detail);
    }

    public static DomainException gone(String detail) {
        return new DomainException(Kind.GONE, detail);
    }

    public static DomainException unavailable(String detail) {
        return new DomainException(Kind.UNAVAILABLE, detail);
    }
}
