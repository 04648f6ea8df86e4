package io.mockboard.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolCodecTest {

    private final ProtocolCodec codec = new ProtocolCodec();
    private final ClientCodec client = new ClientCodec(codec);

    static final String RECT = """
            {"id":"r1","type":"rectangle","x":10,"y":20,"width":100,"height":50,"angle":0,
             "strokeColor":"#1e1e1e","backgroundColor":"transparent","fillStyle":"solid","strokeWidth":2,
             "strokeStyle":"solid","roughness":1,"opacity":100,"groupIds":[],"frameId":null,"index":"a0",
             "roundness":{"type":3},"seed":1968410350,"version":3,"versionNonce":1508694464,"isDeleted":false,
             "boundElements":null,"updated":1700000000000,"link":null,"locked":false}""";

    private ProtocolException rejected(String json) {
        return assertThrows(ProtocolException.class, () -> codec.decode(json));
    }

    @Test
    @DisplayName("acks and ops, written field by field, are the very text the general encoder writes")
    void theFrameOfEveryUpdateIsWhatJacksonWrites() throws Exception {
        var jackson = codec.mapper().writerFor(ServerMessage.class);
        List<ObjectNode> elements = ElementList.ofJson("[" + RECT + ",{\"id\":\"t\",\"text\":\"say \\\"hi\\\" — ü\\n\"}]");
        List<ServerMessage> messages = List.of(
                ServerMessage.Ack.committed(7, 42),
                ServerMessage.Ack.duplicate(9),
                new ServerMessage.Op(42, "user \"ada\" ü", "tab-\u0001<&>", 7, Instant.parse("2026-12-04T10:15:30.123456789Z"), elements),
                new ServerMessage.Op(1, "a", "b", 1, Instant.parse("2026-12-04T10:15:30Z"), List.of()));
        for (ServerMessage message : messages) {
            assertEquals(jackson.writeValueAsString(message), codec.encode(message), message.toString());
        }
    }

    // ------------------------------------------------------------------ decoding each message

    @Test
    @DisplayName("decodes hello")
    void decodesHello() throws ProtocolException {
        ClientMessage message = codec.decode("{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"tab_A-1\",\"lastSeq\":42}");
        assertEquals(new ClientMessage.Hello(1, "tab_A-1", 42), message);
    }

    @Test
    @DisplayName("decodes push with its elements as JSON objects")
    void decodesPush() throws ProtocolException {
        ClientMessage.Push push = (ClientMessage.Push) codec.decode("{\"t\":\"push\",\"clientSeq\":7,\"elements\":[" + RECT + "]}");
        assertEquals(7, push.clientSeq());
        assertEquals("r1", push.elements().getFirst().get("id").asText());
        assertEquals(3, push.elements().getFirst().get("version").asInt());
    }

    @Test
    @DisplayName("a push keeps its elements' text exactly as sent, whatever comes before or after it in the frame")
    void pushKeepsTheElementsTextAsSent() throws Exception {
        String elements = "[ " + RECT + " ,\n" + RECT.replace("\"r1\"", "\"r\\u0032\"") + "]";
        for (String frame : List.of(
                "{\"t\":\"push\",\"clientSeq\":7,\"elements\":" + elements + "}",
                " { \"elements\" : " + elements + " , \"clientSeq\" : 7, \"t\" : \"push\" , \"extra\": {\"elements\": [1]} } ")) {
            ClientMessage.Push push = (ClientMessage.Push) codec.decode(frame);
            String text = ((ElementList) push.elements()).json();
            assertEquals(elements, text);
            assertEquals(client.mapper().readTree(elements), client.mapper().valueToTree(push.elements()));
            assertEquals("r2", push.elements().get(1).get("id").asText());
        }
    }

    @Test
    @DisplayName("frames that are not one JSON object, or have duplicate or trailing parts, are bad_json or invalid")
    void framesMustBeOneObject() {
        assertEquals(ErrorCode.BAD_JSON, rejected("{\"t\":\"ping\",\"nonce\":1}{}").code());
        assertEquals(ErrorCode.BAD_JSON, rejected("{\"t\":\"ping\",\"nonce\":1} x").code());
        assertEquals(ErrorCode.BAD_JSON, rejected("{\"t\":\"ping\",\"t\":\"ping\"}").code());
        assertEquals(ErrorCode.BAD_JSON, rejected("{\"t\":\"push\",\"clientSeq\":1,\"elements\":[" + RECT + "]").code());
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("[1]").code());
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("null").code());
    }

    @Test
    @DisplayName("decodes presence with every field, and with only idle")
    void decodesPresence() throws ProtocolException {
        ClientMessage.Presence full = (ClientMessage.Presence) codec.decode("""
                {"t":"presence","cursor":{"x":1,"y":2},"selection":["a","b"],
                 "viewport":{"x":0,"y":0,"width":800,"height":600,"zoom":1.5},"laser":[[1,2],[3.5,4]],"idle":"away"}""");
        assertEquals(new ClientMessage.Cursor(1, 2), full.cursor());
        assertEquals(List.of("a", "b"), full.selection());
        assertEquals(1.5, full.viewport().zoom());
        assertEquals(List.of(List.of(1.0, 2.0), List.of(3.5, 4.0)), full.laser());
        assertEquals(ClientMessage.Idle.AWAY, full.idle());

        ClientMessage.Presence minimal = (ClientMessage.Presence) codec.decode("{\"t\":\"presence\",\"cursor\":null,\"idle\":\"active\"}");
        assertNull(minimal.cursor());
        assertEquals(List.of(), minimal.selection());
        assertNull(minimal.viewport());
        assertNull(minimal.laser());
    }

    @Test
    @DisplayName("[S9] a signal has a short kind and bounded data; anything else is refused")
    void signalsAreBounded() throws ProtocolException {
        ClientMessage.Signal signal = (ClientMessage.Signal) codec.decode("{\"t\":\"signal\",\"to\":\"s2\",\"kind\":\"ice-candidate\","
                + "\"data\":{\"candidate\":\"candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host\"}}");
        assertEquals("s2", signal.to());
        assertEquals("ice-candidate", signal.kind());
        assertEquals(new ClientMessage.Signal(null, "call-leave", null), codec.decode("{\"t\":\"signal\",\"kind\":\"call-leave\"}"));
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"signal\",\"kind\":\"Offer!\"}").code());
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"signal\",\"to\":\"s2\"}").code());
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"signal\",\"kind\":\"offer\",\"data\":\"v=0\"}").code());
        assertEquals(ErrorCode.TOO_LARGE, rejected("{\"t\":\"signal\",\"kind\":\"offer\",\"data\":{\"sdp\":\""
                + "x".repeat(ProtocolCodec.MAX_SIGNAL_CHARS) + "\"}}").code());
    }

    @Test
    @DisplayName("decodes ping")
    void decodesPing() throws ProtocolException {
        assertEquals(new ClientMessage.Ping(123), codec.decode("{\"t\":\"ping\",\"nonce\":123}"));
    }

    @Test
    @DisplayName("ignores unknown fields (forward compatibility)")
    void ignoresUnknownFields() throws ProtocolException {
        assertEquals(new ClientMessage.Ping(1), codec.decode("{\"t\":\"ping\",\"nonce\":1,\"future\":{\"x\":1}}"));
    }

    // ------------------------------------------------------------------ [S9] frame-level rejections

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "nope", "{\"t\":\"ping\",\"nonce\":1}}", "{\"t\":\"ping\",\"nonce\":1} x",
            "{'t':'ping'}", "{\"t\":\"ping\",\"nonce\":NaN}", "{\"t\":\"ping\",\"t\":\"ping\",\"nonce\":1}"})
    @DisplayName("[S9] malformed JSON, trailing tokens and duplicate keys are bad_json")
    void badJson(String json) {
        assertEquals(ErrorCode.BAD_JSON, rejected(json).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "1", "\"hello\"", "null", "{}", "{\"t\":null}"})
    @DisplayName("[S9] a frame that is not an object with a 't' is invalid_message")
    void notAMessage(String json) {
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected(json).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"t\":\"shout\"}", "{\"t\":42}", "{\"t\":\"welcome\",\"head\":1}", "{\"t\":\"HELLO\"}"})
    @DisplayName("[S9] an unknown message type is unknown_type")
    void unknownType(String json) {
        assertEquals(ErrorCode.UNKNOWN_TYPE, rejected(json).code());
    }

    @Test
    @DisplayName("[S9] a frame over maxFrameChars is too_large")
    void frameTooLarge() {
        ProtocolCodec small = new ProtocolCodec(limits(100, 1000));
        assertEquals(ErrorCode.TOO_LARGE,
                assertThrows(ProtocolException.class, () -> small.decode("{\"t\":\"ping\",\"nonce\":1,\"pad\":\"" + "x".repeat(100) + "\"}")).code());
    }

    @Test
    @DisplayName("[S9] nesting beyond maxJsonDepth is too_large, without a stack overflow")
    void deepNesting() {
        String deep = "{\"t\":\"ping\",\"nonce\":1,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals(ErrorCode.TOO_LARGE, rejected(deep).code());
    }

    // ------------------------------------------------------------------ [S9] field rules

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"\",\"lastSeq\":0}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"has space\",\"lastSeq\":0}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"ü\",\"lastSeq\":0}",
            "{\"t\":\"hello\",\"protocol\":1,\"lastSeq\":0}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":null,\"lastSeq\":0}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"a\",\"lastSeq\":-1}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"a\"}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"a\",\"lastSeq\":\"3\"}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"a\",\"lastSeq\":1.5}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"a\",\"lastSeq\":null}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"a\",\"lastSeq\":99999999999999999999999}",
            "{\"t\":\"hello\",\"protocol\":1,\"clientId\":[\"a\"],\"lastSeq\":0}"})
    @DisplayName("[S9] hello needs a clientId of 1..64 [A-Za-z0-9_-] and an integer lastSeq >= 0")
    void invalidHello(String json) {
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected(json).code());
    }

    @Test
    @DisplayName("[S9] a clientId of 65 chars is refused, 64 accepted")
    void clientIdLength() throws ProtocolException {
        codec.decode("{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"" + "a".repeat(64) + "\",\"lastSeq\":0}");
        assertEquals(ErrorCode.INVALID_MESSAGE,
                rejected("{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"" + "a".repeat(65) + "\",\"lastSeq\":0}").code());
    }

    @Test
    @DisplayName("[S9] another protocol version is unsupported_protocol")
    void unsupportedProtocol() {
        assertEquals(ErrorCode.UNSUPPORTED_PROTOCOL,
                rejected("{\"t\":\"hello\",\"protocol\":2,\"clientId\":\"a\",\"lastSeq\":0}").code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "\"7\"", "null", "true"})
    @DisplayName("[S9] clientSeq is an integer >= 1")
    void invalidClientSeq(String clientSeq) {
        ProtocolException e = rejected("{\"t\":\"push\",\"clientSeq\":" + clientSeq + ",\"elements\":[" + RECT + "]}");
        assertEquals(ErrorCode.INVALID_MESSAGE, e.code());
    }

    @Test
    @DisplayName("[S9] a push without clientSeq is invalid_message")
    void pushWithoutClientSeq() {
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"push\",\"elements\":[" + RECT + "]}").code());
    }

    @Test
    @DisplayName("[S9] a push needs a non-empty elements array")
    void pushNeedsElements() {
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"push\",\"clientSeq\":1}").code());
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"push\",\"clientSeq\":1,\"elements\":[]}").code());
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"push\",\"clientSeq\":1,\"elements\":{}}").code());
    }

    @Test
    @DisplayName("[S9] an invalid element's error carries the push's clientSeq")
    void elementErrorCarriesClientSeq() {
        ProtocolException e = rejected("{\"t\":\"push\",\"clientSeq\":9,\"elements\":[{\"id\":\"x\"}]}");
        assertEquals(ErrorCode.INVALID_ELEMENT, e.code());
        assertEquals(9L, e.clientSeq());
        assertEquals(9L, e.toMessage().clientSeq());
        assertFalse(e.toMessage().retryable());
    }

    @Test
    @DisplayName("[S9] more than maxElementsPerPush elements is too_large")
    void tooManyElements() {
        ProtocolCodec small = new ProtocolCodec(limits(1_048_576, 2));
        String three = RECT + "," + RECT.replace("\"r1\"", "\"r2\"") + "," + RECT.replace("\"r1\"", "\"r3\"");
        assertEquals(ErrorCode.TOO_LARGE,
                assertThrows(ProtocolException.class, () -> small.decode("{\"t\":\"push\",\"clientSeq\":1,\"elements\":[" + three + "]}")).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"t\":\"presence\",\"idle\":\"sleepy\"}",
            "{\"t\":\"presence\"}",
            "{\"t\":\"presence\",\"cursor\":{\"x\":1},\"idle\":\"idle\"}",
            "{\"t\":\"presence\",\"cursor\":{\"x\":1e999,\"y\":1},\"idle\":\"idle\"}",
            "{\"t\":\"presence\",\"selection\":[null],\"idle\":\"idle\"}",
            "{\"t\":\"presence\",\"selection\":\"a\",\"idle\":\"idle\"}",
            "{\"t\":\"presence\",\"viewport\":{\"x\":0,\"y\":0,\"width\":1,\"height\":1,\"zoom\":0},\"idle\":\"idle\"}",
            "{\"t\":\"presence\",\"viewport\":{\"x\":0,\"y\":0,\"width\":-1,\"height\":1,\"zoom\":1},\"idle\":\"idle\"}",
            "{\"t\":\"presence\",\"laser\":[[1,2,3]],\"idle\":\"idle\"}",
            "{\"t\":\"presence\",\"laser\":[[1,null]],\"idle\":\"idle\"}",
            "{\"t\":\"presence\",\"laser\":[1,2],\"idle\":\"idle\"}"})
    @DisplayName("[S9] presence needs finite coordinates, a positive zoom, [x,y] laser points and a known idle state")
    void invalidPresence(String json) {
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected(json).code());
    }

    @Test
    @DisplayName("[S9] presence selection and laser are bounded")
    void presenceBounds() {
        String selection = "[" + "\"a\",".repeat(5_001) + "\"a\"]";
        assertEquals(ErrorCode.TOO_LARGE, rejected("{\"t\":\"presence\",\"selection\":" + selection + ",\"idle\":\"idle\"}").code());
        String laser = "[" + "[1,2],".repeat(1_001) + "[1,2]]";
        assertEquals(ErrorCode.TOO_LARGE, rejected("{\"t\":\"presence\",\"laser\":" + laser + ",\"idle\":\"idle\"}").code());
    }

    @Test
    @DisplayName("[S9] a ping needs an integer nonce")
    void invalidPing() {
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"ping\"}").code());
        assertEquals(ErrorCode.INVALID_MESSAGE, rejected("{\"t\":\"ping\",\"nonce\":\"x\"}").code());
    }

    @Test
    @DisplayName("[S9] error messages name the field, not Java classes")
    void errorMessagesArePlain() {
        ProtocolException e = rejected("{\"t\":\"push\",\"elements\":[" + RECT + "]}");
        assertTrue(e.getMessage().contains("clientSeq"), e.getMessage());
        assertFalse(e.getMessage().contains("io.mockboard"), e.getMessage());
        assertFalse(e.getMessage().contains("java."), e.getMessage());
    }

    // ------------------------------------------------------------------ encoding

    @Test
    @DisplayName("encodes ack, duplicate ack and error as documented")
    void encodesAckAndError() {
        assertEquals("{\"t\":\"ack\",\"clientSeq\":7,\"seq\":42}", codec.encode(ServerMessage.Ack.committed(7, 42)));
        assertEquals("{\"t\":\"ack\",\"clientSeq\":7,\"duplicate\":true}", codec.encode(ServerMessage.Ack.duplicate(7)));
        assertEquals("{\"t\":\"error\",\"code\":\"store_unavailable\",\"message\":\"later\",\"retryable\":true,\"clientSeq\":null}",
                codec.encode(ServerMessage.Error.of(ErrorCode.STORE_UNAVAILABLE, "later")));
        assertEquals("{\"t\":\"pong\",\"nonce\":5}", codec.encode(new ServerMessage.Pong(5)));
        assertEquals("{\"t\":\"peer-left\",\"sessionId\":\"s1\"}", codec.encode(new ServerMessage.PeerLeft("s1")));
    }

    @Test
    @DisplayName("encodes op with an ISO instant and welcome ops/snapshot, and reads them back")
    void roundTripsServerMessages() throws ProtocolException {
        ObjectNode rect = client.parseElement(RECT);
        ServerMessage.Op op = new ServerMessage.Op(42, "u1", "c1", 7, Instant.parse("2025-01-02T03:04:05.678Z"), List.of(rect));
        String json = codec.encode(op);
        assertTrue(json.startsWith("{\"t\":\"op\",\"seq\":42,\"author\":\"u1\",\"clientId\":\"c1\",\"clientSeq\":7,\"at\":\"2025-01-02T03:04:05.678Z\""), json);
        assertEquals(op, client.decodeServer(json));

        ServerMessage.Peer you = new ServerMessage.Peer("s1", "u1", "Ada", "candidate", "#e03131");
        ServerMessage.Welcome withOps = new ServerMessage.Welcome("s1", 42, List.of(op), null, you, List.of());
        String welcome = codec.encode(withOps);
        assertFalse(welcome.contains("snapshot"), welcome);
        assertEquals(withOps, client.decodeServer(welcome));

        ServerMessage.Welcome withSnapshot = new ServerMessage.Welcome("s1", 42, List.of(),
                new ServerMessage.Snapshot(42, List.of(rect)), you, List.of(you));
        assertEquals(withSnapshot, client.decodeServer(codec.encode(withSnapshot)));

        ServerMessage.PeerPresence presence = new ServerMessage.PeerPresence("s2", "u2", new ClientMessage.Cursor(1, 2),
                List.of("r1"), null, List.of(List.of(1.0, 2.0)), ClientMessage.Idle.ACTIVE);
        String presenceJson = codec.encode(presence);
        assertTrue(presenceJson.contains("\"t\":\"presence\"") && presenceJson.contains("\"idle\":\"active\""), presenceJson);
        assertEquals(presence, client.decodeServer(presenceJson));
    }

    @Test
    @DisplayName("client messages round-trip through encode and decode")
    void clientMessagesRoundTrip() throws ProtocolException {
        List<ClientMessage> messages = List.of(
                new ClientMessage.Hello(1, "abc", 3),
                new ClientMessage.Push(2, List.of(client.parseElement(RECT))),
                new ClientMessage.Presence(new ClientMessage.Cursor(1, 2), List.of("r1"),
                        new ClientMessage.Viewport(0, 0, 10, 10, 1), List.of(List.of(1.0, 2.0)), ClientMessage.Idle.IDLE),
                new ClientMessage.Ping(9));
        for (ClientMessage message : messages) {
            assertEquals(message, codec.decode(client.encode(message)));
        }
    }

    // ------------------------------------------------------------------ fuzz: nothing but ProtocolException

    @Test
    @DisplayName("[S9] decode throws only ProtocolException for random and mutated input")
    void decodeNeverThrowsAnythingElse() {
        SplittableRandom random = new SplittableRandom(20_250_101);
        List<String> seeds = List.of(
                "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"abc\",\"lastSeq\":0}",
                "{\"t\":\"push\",\"clientSeq\":7,\"elements\":[" + RECT + "]}",
                "{\"t\":\"presence\",\"cursor\":{\"x\":1,\"y\":2},\"selection\":[\"a\"],\"viewport\":{\"x\":0,\"y\":0,\"width\":1,\"height\":1,\"zoom\":1},\"laser\":[[1,2]],\"idle\":\"idle\"}",
                "{\"t\":\"ping\",\"nonce\":123}");
        String alphabet = "{}[]\",:0123456789.eE-+tnulfasr\\/ \u0000\u00e9\ud83d\ude00_xyz";
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations && !text.isEmpty(); m++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.delete(at, Math.min(text.length(), at + random.nextInt(10)));
                }
            }
            try {
                codec.decode(text.toString());
                accepted++;
            } catch (ProtocolException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            } catch (Throwable t) {
                fail("decode threw " + t + " for input: " + text, t);
            }
        }
        assertTrue(accepted > 0, "some mutations should still be valid");
    }

    @Test
    @DisplayName("ProtocolException maps to an error message with the code's retryability")
    void exceptionToMessage() {
        ServerMessage.Error error = new ProtocolException(ErrorCode.RATE_LIMITED, "slow down").toMessage();
        assertInstanceOf(ServerMessage.Error.class, error);
        assertTrue(error.retryable());
        assertEquals("rate_limited", error.code().wire());
    }

    static ProtocolLimits limits(int maxFrameChars, int maxElementsPerPush) {
        ProtocolLimits d = ProtocolLimits.defaults();
        return new ProtocolLimits(maxFrameChars, d.maxJsonDepth(), maxElementsPerPush, d.maxElementDepth(), d.maxPoints(),
                d.maxTextChars(), d.maxStringChars(), d.maxIdChars(), d.maxSelection(), d.maxLaserPoints(),
                d.framesPerSecond(), d.frameBurst(), d.maxRateLimitedFrames(), d.maxBadFrames());
    }
}
