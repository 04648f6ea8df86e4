package io.mockboard.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a board: a UUID. On the wire, in JSON and in URLs it is the UUID's canonical string. */
public record BoardId(UUID value) {

    public BoardId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random board id. */
    public static BoardId random() {
        return new BoardId(UUID.randomUUID());
    }

    /**
     * Parses the canonical UUID form.
     *
     * @throws IllegalArgumentException when {@code text} is null or not a UUID
     */
    @JsonCreator
    public static BoardId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("not a board id: " + abbreviate(text));
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a board id: " + abbreviate(text), e);
        }
        if (!uuid.toString().equalsIgnoreCase(text)) {
            // UUID.fromString is lenient ("1-1-1-1-1" parses); only the canonical form is an id
            throw new IllegalArgumentException("not a board id: " + abbreviate(text));
        }
        return new BoardId(uuid);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
