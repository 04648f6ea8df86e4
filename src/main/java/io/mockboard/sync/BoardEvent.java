package io.mockboard.sync;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A frame a domain sends to the sockets on a board: interview steps, private notes, and whatever comes next. On the
 * wire it is one message whose {@code "t"} is {@link #type()} and whose other fields are {@link #body()}'s
 * properties (a record or a map, written as JSON), so adding a kind of event does not change the sync protocol.
 *
 * @param type     the frame's {@code "t"}: lowercase words joined by dashes, never one of the sync protocol's own
 * @param audience who receives it
 * @param body     the fields, written as a JSON object (it may not have a {@code "t"} of its own)
 */
public record BoardEvent(String type, Audience audience, Object body) {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** The sync protocol's own server frames; an event never takes one of these names. */
    public static final Set<String> RESERVED = Set.of("welcome", "ack", "op", "presence", "peer-joined", "peer-left", "error",
            "pong", "authed", "signal");

    /** Who an event is for. */
    public enum Audience {
        /** Every socket on the board, candidates and observers included. */
        EVERYONE,
        /** Only sockets whose participant may see private data (the interviewers). */
        PRIVATE
    }

    public BoardEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(body, "body");
        if (type.length() > 32 || !TYPE.matcher(type).matches() || RESERVED.contains(type)) {
            throw new IllegalArgumentException("not an event type: " + type);
        }
    }

    /** An event for everyone on the board. */
    public static BoardEvent toEveryone(String type, Object body) {
        return new BoardEvent(type, Audience.EVERYONE, body);
    }

    /** An event for those who may see private data. */
    public static BoardEvent toPrivate(String type, Object body) {
        return new BoardEvent(type, Audience.PRIVATE, body);
    }
}
