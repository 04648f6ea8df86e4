package io.mockboard.sync.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns text frames into validated {@link ClientMessage}s and {@link ServerMessage}s into text frames.
 * {@link #decode(String)} throws nothing but {@link ProtocolException} for any input. Thread-safe.
 */
public final class ProtocolCodec {

    /** The longest access token an {@code auth} message may carry (a Keycloak JWT is 1-3 KB). */
    public static final int MAX_TOKEN_CHARS = 16_384;
    /** Longest {@code data} of a signal: a session description with many codecs fits in a few KB. */
    public static final int MAX_SIGNAL_CHARS = 16_384;

    private final ProtocolLimits limits;
    private final ObjectMapper mapper;
    private final ObjectReader clientReader;
    private final ObjectReader valueReader;
    private final ObjectWriter serverWriter;
    private final ElementValidator elements;
    private final MessageRules rules;

    public ProtocolCodec() {
        this(ProtocolLimits.defaults());
    }

    public ProtocolCodec(ProtocolLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength(Math.max(limits.maxFrameChars(), 1))
                        .maxNumberLength(64)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        this.clientReader = mapper.readerFor(ClientMessage.class);
        this.valueReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.serverWriter = mapper.writerFor(ServerMessage.class);
        this.elements = new ElementValidator(limits);
        this.rules = new MessageRules(limits);
    }

    public ProtocolLimits limits() {
        return limits;
    }

    /**
     * Parses and validates one client frame.
     *
     * @throws ProtocolException for anything that is not a valid client message; never anything else
     */
    public ClientMessage decode(String json) throws ProtocolException {
        try {
            return decodeUnchecked(json);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // defensive: no input may escape as anything but a ProtocolException
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "the message could not be read");
        }
    }

    private ClientMessage decodeUnchecked(String json) throws ProtocolException {
        if (json == null || json.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "the frame is empty");
        }
        if (json.length() > limits.maxFrameChars()) {
            throw new ProtocolException(ErrorCode.TOO_LARGE,
                    "the frame is longer than " + limits.maxFrameChars() + " chars");
        }
        Frame frame = readFrame(json);
        JsonNode root = frame.root();
        if (!root.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a message is a JSON object");
        }
        JsonNode type = root.get("t");
        if (type == null || type.isNull()) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a message needs a 't' field");
        }
        if (!type.isTextual()) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "'t' must be a message type string");
        }
        Long clientSeq = null;
        if ("push".equals(type.textValue())) {
            JsonNode seq = root.get("clientSeq");
            if (seq != null && seq.isIntegralNumber() && seq.canConvertToLong()) {
                clientSeq = seq.longValue();
            }
            // elements first, on the tree, so the error can name the element
            List<ObjectNode> validated = elements.validatePush(root.get("elements"), clientSeq);
            if (clientSeq != null) {
                // the common case, built from the tree as is (binding would copy every element), and with
                // the elements' text as the client sent it: the op log and the peers get it unchanged
                ClientMessage push = new ClientMessage.Push(clientSeq, ElementList.of(validated, frame.elementsText()));
                rules.validate(push);
                return push;
            }
        }
        ClientMessage message = bind(root, clientSeq);
        rules.validate(message);
        return message;
    }

    /** A parsed frame, and the exact text of its top-level {@code elements} array if it has one. */
    private record Frame(JsonNode root, String elementsText) {
    }

    /**
     * Parses a frame like {@link #readTree}, walking a top-level object field by field so that the text of
     * its {@code elements} array can be cut out of the frame (validated elements are stored and relayed as
     * sent, never serialized again). The same parser reads every value, so depth, length and duplicate-key
     * limits apply as for the whole frame.
     */
    private Frame readFrame(String json) throws ProtocolException {
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Frame(readTree(json), null);
            }
            ObjectNode root = mapper.createObjectNode();
            String elementsText = null;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                int start = (int) parser.currentTokenLocation().getCharOffset();
                JsonNode value = valueReader.readTree(parser);
                root.set(name, value == null ? NullNode.getInstance() : value);
                if (token == JsonToken.START_ARRAY && name.equals("elements")) {
                    elementsText = json.substring(start, (int) parser.currentLocation().getCharOffset());
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "the frame is not valid JSON");
            }
            return new Frame(root, elementsText);
        } catch (StreamConstraintsException e) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "the frame is nested too deeply or has a value that is too long");
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "the frame is not valid JSON");
        }
    }

    private JsonNode readTree(String json) throws ProtocolException {
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "the frame is empty");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "the frame is nested too deeply or has a value that is too long");
        } catch (JacksonException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "the frame is not valid JSON");
        }
    }

    private ClientMessage bind(JsonNode root, Long clientSeq) throws ProtocolException {
        try {
            return clientReader.readValue(root);
        } catch (InvalidTypeIdException e) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                    "unknown message type '" + abbreviate(root.get("t").asText()) + "'");
        } catch (JsonMappingException e) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, describe(e), clientSeq);
        } catch (JacksonException e) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "the message has a value out of range", clientSeq);
        } catch (java.io.IOException e) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "the message could not be read", clientSeq);
        }
    }

    /** The text frame for a server message. */
    public String encode(ServerMessage message) {
        try {
            // the two frames of every update (its ack, and the op to each peer) are written field by field;
            // they are the same text Jackson writes for them (ProtocolCodecTest), at a fraction of the cost
            if (message instanceof ServerMessage.Ack ack) {
                return ackText(ack);
            }
            if (message instanceof ServerMessage.Op op) {
                return opText(op);
            }
            if (message instanceof ServerMessage.Event event) {
                ObjectNode frame = mapper.createObjectNode().put("t", event.type());
                frame.setAll(event.body());
                return mapper.writeValueAsString(frame);
            }
            return serverWriter.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    private String ackText(ServerMessage.Ack ack) throws IOException {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("t", "ack");
            json.writeNumberField("clientSeq", ack.clientSeq());
            if (ack.seq() != null) {
                json.writeNumberField("seq", ack.seq());
            }
            if (ack.duplicate() != null) {
                json.writeBooleanField("duplicate", ack.duplicate());
            }
            json.writeEndObject();
        }
        return out.toString();
    }

    private String opText(ServerMessage.Op op) throws IOException {
        String elements = ((ElementList) op.elements()).json();
        StringWriter out = new StringWriter(160 + elements.length());
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("t", "op");
            json.writeNumberField("seq", op.seq());
            json.writeStringField("author", op.author());
            json.writeStringField("clientId", op.clientId());
            json.writeNumberField("clientSeq", op.clientSeq());
            json.writeStringField("at", op.at() == null ? null : op.at().toString());
            json.writeFieldName("elements");
            json.writeRawValue(elements);
            json.writeEndObject();
        }
        return out.toString();
    }

    /** The mapper this codec uses (strict reading; do not reconfigure it). The test client's codec shares it. */
    ObjectMapper mapper() {
        return mapper;
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (path.isEmpty()) {
            return "the message has a missing or invalid field";
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Missing required creator property")) {
            return "'" + path + "' is required";
        }
        return "'" + path + "' is missing or has the wrong type";
    }

    private static String abbreviate(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return clean.length() <= 32 ? clean : clean.substring(0, 32) + "…";
    }
}
