package io.mockboard.sync.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stable error codes carried by {@link ServerMessage.Error}. The wire form is the lower-case
 * {@link #wire()} string; clients switch on it, so codes are never renamed. {@link #retryable()} says
 * whether sending the same thing again later can succeed.
 */
public enum ErrorCode {
    /** The frame is not well-formed JSON (or has duplicate keys). */
    BAD_JSON("bad_json", false),
    /** The frame's {@code t} names no known message. */
    UNKNOWN_TYPE("unknown_type", false),
    /** A field is missing, has the wrong type or an out-of-range value. */
    INVALID_MESSAGE("invalid_message", false),
    /** A pushed element breaks an element rule; the whole push is rejected. */
    INVALID_ELEMENT("invalid_element", false),
    /** The hello asks for a protocol version this server does not speak. */
    UNSUPPORTED_PROTOCOL("unsupported_protocol", false),
    /** The frame, the push or one of its values exceeds a limit. */
    TOO_LARGE("too_large", false),
    /** A push or presence arrived before the welcome. */
    NOT_JOINED("not_joined", false),
    /** A second hello on the same connection. */
    ALREADY_JOINED("already_joined", false),
    /** The participant's role does not allow this message (observers cannot push), or the clientId belongs to someone else. */
    FORBIDDEN("forbidden", false),
    /**
     * [S12] The push changes an element the interviewer protected (or would protect one), and this participant may
     * not: the whole push is refused; {@code elements} holds the stored versions of the push's elements, to put back.
     */
    PROTECTED("protected", false),
    /** A renewed sign-in ({@code auth}) was not accepted: not a valid token of the person on this socket. */
    UNAUTHORIZED("unauthorized", false),
    /** The op log could not be written or read; a held push is retried by the server and acknowledged later. */
    STORE_UNAVAILABLE("store_unavailable", true),
    /** The op log moved under the room (another writer); pending pushes are refused, the socket is closed with 4012; reconnect and re-send. */
    STORE_CONFLICT("store_conflict", true),
    /** Too many pushes waiting for the store; re-send this push and every later one after a short backoff. */
    ROOM_OVERLOADED("room_overloaded", true),
    /** Too many frames on this connection; slow down. */
    RATE_LIMITED("rate_limited", true),
    /** An unexpected server fault while handling this frame; nothing was applied. */
    SERVER_ERROR("server_error", true);

    private final String wire;
    private final boolean retryable;

    ErrorCode(String wire, boolean retryable) {
        this.wire = wire;
        this.retryable = retryable;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The code for a wire string, or {@code null} for an unknown one. */
    @JsonCreator
    public static ErrorCode fromWire(String wire) {
        for (ErrorCode code : values()) {
            if (code.wire.equals(wire)) {
                return code;
            }
        }
        return null;
    }
}
