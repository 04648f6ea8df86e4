package io.mockboard.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Everything the server sends, discriminated on the wire by {@code "t"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "t")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ServerMessage.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ServerMessage.Op.class, name = "op"),
    @JsonSubTypes.Type(value = ServerMessage.PeerPresence.class, name = "presence"),
    @JsonSubTypes.Type(value = ServerMessage.PeerJoined.class, name = "peer-joined"),
    @JsonSubTypes.Type(value = ServerMessage.PeerLeft.class, name = "peer-left"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.Signal.class, name = "signal"),
    @JsonSubTypes.Type(value = ServerMessage.Authed.class, name = "authed")
})
public sealed interface ServerMessage permits ServerMessage.Welcome, ServerMessage.Ack, ServerMessage.Op,
        ServerMessage.PeerPresence, ServerMessage.PeerJoined, ServerMessage.PeerLeft, ServerMessage.Error,
        ServerMessage.Pong, ServerMessage.Signal, ServerMessage.Event, ServerMessage.Authed {

    /**
     * The answer to hello, sent once the board is loaded. Catch-up is either {@code ops} (every op after
     * the client's lastSeq, in seq order) or a {@code snapshot} of the scene at {@code head} with empty
     * ops. After it, the client re-sends its unacknowledged pushes.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Welcome(
            @JsonProperty("sessionId") String sessionId,
            @JsonProperty("head") long head,
            @JsonProperty("ops") List<Op> ops,
            @JsonProperty("snapshot") Snapshot snapshot,
            @JsonProperty("you") Peer you,
            @JsonProperty("peers") List<Peer> peers)
            implements ServerMessage {
        public Welcome {
            ops = List.copyOf(ops);
            peers = List.copyOf(peers);
        }
    }

    /** The whole scene (tombstones included) as of {@code seq}. */
    record Snapshot(@JsonProperty("seq") long seq, @JsonProperty("elements") List<ObjectNode> elements) {
        public Snapshot {
            elements = List.copyOf(elements);
        }
    }

    /** Another participant on the board. {@code role} is the lower-case role name. */
    record Peer(
            @JsonProperty("sessionId") String sessionId,
            @JsonProperty("userId") String userId,
            @JsonProperty("name") String name,
            @JsonProperty("role") String role,
            @JsonProperty("color") String color) {
    }

    /**
     * The push {@code clientSeq} is durable. {@code seq} is its board seq; for a push that had already
     * been applied before, {@code seq} is absent and {@code duplicate} is true.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ack(
            @JsonProperty("clientSeq") long clientSeq,
            @JsonProperty("seq") Long seq,
            @JsonProperty("duplicate") Boolean duplicate)
            implements ServerMessage {
        public static Ack committed(long clientSeq, long seq) {
            return new Ack(clientSeq, seq, null);
        }

        public static Ack duplicate(long clientSeq) {
            return new Ack(clientSeq, null, Boolean.TRUE);
        }

        public boolean isDuplicate() {
            return Boolean.TRUE.equals(duplicate);
        }
    }

    /** A committed change by someone else (or, inside a welcome, by anyone). */
    record Op(
            @JsonProperty("seq") long seq,
            @JsonProperty("author") String author,
            @JsonProperty("clientId") String clientId,
            @JsonProperty("clientSeq") long clientSeq,
            @JsonProperty("at")
            @JsonSerialize(using = ToStringSerializer.class)
            @JsonDeserialize(using = InstantJson.class)
            Instant at,
            @JsonProperty("elements") List<ObjectNode> elements)
            implements ServerMessage {
        public Op {
            elements = ElementList.of(elements); // written as the op's stored JSON text
        }
    }

    /** A peer's latest presence. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PeerPresence(
            @JsonProperty("sessionId") String sessionId,
            @JsonProperty("userId") String userId,
            @JsonProperty("cursor") ClientMessage.Cursor cursor,
            @JsonProperty("selection") List<String> selection,
            @JsonProperty("viewport") ClientMessage.Viewport viewport,
            @JsonProperty("laser") List<List<Double>> laser,
            @JsonProperty("idle") ClientMessage.Idle idle)
            implements ServerMessage {
        public static PeerPresence of(String sessionId, String userId, ClientMessage.Presence p) {
            return new PeerPresence(sessionId, userId, p.cursor(), p.selection(), p.viewport(), p.laser(), p.idle());
        }
    }

    record PeerJoined(@JsonProperty("peer") Peer peer) implements ServerMessage {
    }

    record PeerLeft(@JsonProperty("sessionId") String sessionId) implements ServerMessage {
    }

    /**
     * A refusal or notice. {@code clientSeq} names the push it is about, or is null. {@code elements}: only with
     * {@link ErrorCode#PROTECTED}, the stored versions of the refused push's elements (the client
     * puts them back, and removes those of its elements the board does not have); absent otherwise.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Error(
            @JsonProperty("code") ErrorCode code,
            @JsonProperty("message") String message,
            @JsonProperty("retryable") boolean retryable,
            @JsonProperty("clientSeq") Long clientSeq,
            @JsonProperty("elements") @JsonInclude(JsonInclude.Include.NON_NULL) List<ObjectNode> elements)
            implements ServerMessage {
        public Error {
            Objects.requireNonNull(code, "code");
        }

        public Error(ErrorCode code, String message, boolean retryable, Long clientSeq) {
            this(code, message, retryable, clientSeq, null);
        }

        public static Error of(ErrorCode code, String message, Long clientSeq) {
            return new Error(code, message, code.retryable(), clientSeq);
        }

        /** [S12] A push refused because it changes protected elements; {@code stored}: their versions to put back. */
        public static Error protectedElements(String message, long clientSeq, List<ObjectNode> stored) {
            return new Error(ErrorCode.PROTECTED, message, false, clientSeq, List.copyOf(stored));
        }

        public static Error of(ErrorCode code, String message) {
            return of(code, message, null);
        }
    }

    record Pong(@JsonProperty("nonce") long nonce) implements ServerMessage {
    }

    /** A {@code signal} from another session on the board, as it sent it; {@code from} is stamped by the server. */
    record Signal(
            @JsonProperty("from") String from,
            @JsonProperty("kind") String kind,
            @JsonProperty("data") ObjectNode data) implements ServerMessage {
    }

    /**
     * A domain's event (a framework step, a private note, ...): on the wire {@code "t"} is {@code type} and the
     * other fields are {@code body}'s. Not a Jackson subtype: {@link ProtocolCodec#encode(ServerMessage)} writes it.
     */
    record Event(String type, ObjectNode body) implements ServerMessage {
        public Event {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(body, "body");
            if (body.has("t")) {
                throw new IllegalArgumentException("an event's body may not have a field 't'");
            }
        }
    }

    /** The socket now runs on the renewed sign-in of an {@code auth} message, until {@code expiresAt}. */
    record Authed(
            @JsonProperty("expiresAt")
            @JsonSerialize(using = ToStringSerializer.class)
            @JsonDeserialize(using = InstantJson.class)
            Instant expiresAt)
            implements ServerMessage {
    }
}
