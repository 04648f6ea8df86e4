package io.mockboard.sync.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The client's side of the wire, for tests that act as a client: encodes client frames and reads server
 * frames with the same (strict) mapper as {@link ProtocolCodec}. Not hardened like {@link ProtocolCodec#decode}.
 */
public final class ClientCodec {
    private final ObjectMapper mapper;
    private final ObjectWriter clientWriter;
    private final ObjectReader serverReader;

    public ClientCodec() {
        this(new ProtocolCodec());
    }

    public ClientCodec(ProtocolCodec codec) {
        this.mapper = codec.mapper();
        this.clientWriter = mapper.writerFor(ClientMessage.class);
        this.serverReader = mapper.readerFor(ServerMessage.class);
    }

    /** The text frame for a client message. */
    public String encode(ClientMessage message) {
        try {
            return clientWriter.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Parses a server frame. */
    public ServerMessage decodeServer(String json) throws ProtocolException {
        try {
            return serverReader.readValue(json);
        } catch (JacksonException | RuntimeException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "not a server message");
        }
    }

    /** Parses one Excalidraw element without validation. */
    public ObjectNode parseElement(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object", e);
        }
    }

    /** The codec's mapper (strict reading; do not reconfigure it). */
    public ObjectMapper mapper() {
        return mapper;
    }
}
