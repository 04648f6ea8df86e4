package io.mockboard.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Everything a client may send, discriminated on the wire by {@code "t"}. Instances produced by
 * {@link ProtocolCodec#decode(String)} are already validated against {@link ProtocolLimits}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "t")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ClientMessage.Push.class, name = "push"),
    @JsonSubTypes.Type(value = ClientMessage.Presence.class, name = "presence"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientMessage.Auth.class, name = "auth"),
    @JsonSubTypes.Type(value = ClientMessage.Signal.class, name = "signal")
})
public sealed interface ClientMessage
        permits ClientMessage.Hello, ClientMessage.Push, ClientMessage.Presence, ClientMessage.Ping, ClientMessage.Auth,
        ClientMessage.Signal {

    /** The protocol version this code speaks. */
    int PROTOCOL_VERSION = 1;

    /**
     * Joins the board.
     *
     * @param protocol protocol version, {@value #PROTOCOL_VERSION}
     * @param clientId 1..64 chars of {@code [A-Za-z0-9_-]}, stable for one tab on one board
     * @param lastSeq  highest board seq the client has applied (0 = nothing)
     */
    record Hello(
            @JsonProperty(value = "protocol", required = true) int protocol,
            @JsonProperty(value = "clientId", required = true) String clientId,
            @JsonProperty(value = "lastSeq", required = true) long lastSeq)
            implements ClientMessage {
    }

    /**
     * Element changes. {@code clientSeq} is strictly increasing per (board, clientId), starting at 1;
     * gaps are allowed (a push rejected as invalid is simply dropped by the client).
     */
    record Push(
            @JsonProperty(value = "clientSeq", required = true) long clientSeq,
            @JsonProperty(value = "elements", required = true) List<ObjectNode> elements)
            implements ClientMessage {
        public Push {
            elements = ElementList.of(elements);
        }
    }

    /** Ephemeral awareness state; latest wins. Absent fields are {@code null} (selection: empty). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Presence(
            @JsonProperty("cursor") Cursor cursor,
            @JsonProperty("selection") List<String> selection,
            @JsonProperty("viewport") Viewport viewport,
            @JsonProperty("laser") List<List<Double>> laser,
            @JsonProperty(value = "idle", required = true) Idle idle)
            implements ClientMessage {
        public Presence {
            selection = selection == null ? List.of() : List.copyOf(selection);
            laser = laser == null ? null : List.copyOf(laser);
        }
    }

    /** Keep-alive; answered with {@link ServerMessage.Pong} carrying the same nonce. */
    record Ping(@JsonProperty(value = "nonce", required = true) long nonce) implements ClientMessage {
    }

    /**
     * A renewed sign-in: the fresh access token of the same person, sent before the one the socket was opened
     * with expires, so the socket stays open for the whole interview. Answered with {@link ServerMessage.Authed},
     * or an {@code unauthorized} error; a changed standing on the board closes the socket (4001 or 4011).
     *
     * @param token 1..{@value ProtocolCodec#MAX_TOKEN_CHARS} chars, a bearer access token
     */
    record Auth(@JsonProperty(value = "token", required = true) String token) implements ClientMessage {
        @Override
        public String toString() {
            return "Auth[token=…]"; // never log a credential
        }
    }

    /**
     * A message for other participants of the board, relayed as it is and never stored: what peers need to set up a
     * call between them (offers, answers, ICE candidates, mute state). The server stamps the sender and knows nothing
     * of the kinds.
     *
     * @param to   the session to relay it to, or null for every other session on the board
     * @param kind 1..32 chars: a lower-case word, dashes allowed
     * @param data a JSON object of at most {@value ProtocolCodec#MAX_SIGNAL_CHARS} chars, or null
     */
    record Signal(
            @JsonProperty("to") String to,
            @JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty("data") ObjectNode data)
            implements ClientMessage {
    }

    /** A pointer position in scene coordinates. */
    record Cursor(
            @JsonProperty(value = "x", required = true) double x,
            @JsonProperty(value = "y", required = true) double y) {
    }

    /** The visible part of the scene. */
    record Viewport(
            @JsonProperty(value = "x", required = true) double x,
            @JsonProperty(value = "y", required = true) double y,
            @JsonProperty(value = "width", required = true) double width,
            @JsonProperty(value = "height", required = true) double height,
            @JsonProperty(value = "zoom", required = true) double zoom) {
    }

    /** Whether the participant is interacting. */
    enum Idle {
        @JsonProperty("active") ACTIVE,
        @JsonProperty("idle") IDLE,
        @JsonProperty("away") AWAY
    }
}
