package io.mockboard.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** [S9] every element rule, through the public decode path. */
class ElementValidationTest {

    private final ProtocolCodec codec = new ProtocolCodec();
    private final ClientCodec client = new ClientCodec(codec);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ObjectNode rect() {
        return client.parseElement(ProtocolCodecTest.RECT);
    }

    private ObjectNode arrow() {
        ObjectNode arrow = rect();
        arrow.put("id", "a1").put("type", "arrow");
        ArrayNode points = arrow.putArray("points");
        points.addArray().add(0).add(0);
        points.addArray().add(100.5).add(-20);
        arrow.putNull("startBinding");
        arrow.putNull("endBinding");
        arrow.put("endArrowhead", "arrow");
        return arrow;
    }

    private ObjectNode text(String text) {
        ObjectNode element = rect();
        element.put("id", "t1").put("type", "text").put("text", text).put("originalText", text)
                .put("fontSize", 20).put("fontFamily", 5).put("textAlign", "left").put("verticalAlign", "top");
        element.putNull("containerId");
        return element;
    }

    private String push(JsonNode... elements) {
        ArrayNode array = JSON.arrayNode();
        for (JsonNode element : elements) {
            array.add(element);
        }
        return "{\"t\":\"push\",\"clientSeq\":1,\"elements\":" + array + "}";
    }

    private ProtocolException rejected(ObjectNode element) {
        return assertThrows(ProtocolException.class, () -> codec.decode(push(element)));
    }

    private ProtocolException rejectedWith(Consumer<ObjectNode> change) {
        ObjectNode element = rect();
        change.accept(element);
        ProtocolException e = rejected(element);
        assertEquals(ErrorCode.INVALID_ELEMENT, e.code(), e.getMessage());
        return e;
    }

    @Test
    @DisplayName("[S9] realistic rectangle, arrow and text elements are accepted")
    void acceptsRealElements() {
        assertDoesNotThrow(() -> codec.decode(push(rect(), arrow(), text("Load balancer"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rectangle", "diamond", "ellipse", "text", "image", "frame", "magicframe", "embeddable",
            "iframe", "selection"})
    @DisplayName("[S9] every Excalidraw type without points is accepted")
    void acceptsEveryType(String type) {
        ObjectNode element = rect();
        element.put("type", type);
        if (type.equals("text")) {
            element.put("text", "Feature store").put("fontSize", 20).put("fontFamily", 5);
        } else if (type.equals("image")) {
            element.put("fileId", "3f786850e387550fdab836ed7e6dc881de23001b").put("status", "saved");
        }
        assertDoesNotThrow(() -> codec.decode(push(element)));
    }

    @Test
    @DisplayName("[S9] an element that is not an object is rejected by position")
    void notAnObject() throws Exception {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> codec.decode("{\"t\":\"push\",\"clientSeq\":1,\"elements\":[" + ProtocolCodecTest.RECT + ",42]}"));
        assertEquals(ErrorCode.INVALID_ELEMENT, e.code());
        assertTrue(e.getMessage().contains("#1"), e.getMessage());
    }

    @Test
    @DisplayName("[S9] id must be a string of 1..64 chars")
    void id() {
        rejectedWith(e -> e.remove("id"));
        rejectedWith(e -> e.put("id", ""));
        rejectedWith(e -> e.put("id", 5));
        rejectedWith(e -> e.put("id", "x".repeat(65)));
        ObjectNode ok = rect();
        ok.put("id", "x".repeat(64));
        assertDoesNotThrow(() -> codec.decode(push(ok)));
    }

    @Test
    @DisplayName("[S9] the error names the element id and the reason")
    void namesIdAndReason() {
        ProtocolException e = rejectedWith(el -> el.put("version", 0));
        assertTrue(e.getMessage().contains("'r1'") && e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    @DisplayName("[S9] type must be one of Excalidraw's types")
    void type() {
        rejectedWith(e -> e.put("type", "hexagon"));
        rejectedWith(e -> e.remove("type"));
        rejectedWith(e -> e.put("type", 1));
    }

    @Test
    @DisplayName("[S9] version is an integer >= 1 that fits an int")
    void version() {
        rejectedWith(e -> e.put("version", 0));
        rejectedWith(e -> e.put("version", -3));
        rejectedWith(e -> e.put("version", 1.5));
        rejectedWith(e -> e.put("version", "2"));
        rejectedWith(e -> e.put("version", 3_000_000_000L));
        rejectedWith(e -> e.remove("version"));
    }

    @Test
    @DisplayName("[S9] versionNonce is an integer in int range")
    void versionNonce() {
        rejectedWith(e -> e.remove("versionNonce"));
        rejectedWith(e -> e.put("versionNonce", 1.25));
        rejectedWith(e -> e.put("versionNonce", 1L << 40));
        ObjectNode negative = rect();
        negative.put("versionNonce", Integer.MIN_VALUE);
        assertDoesNotThrow(() -> codec.decode(push(negative)));
    }

    @Test
    @DisplayName("[S9] isDeleted is a boolean")
    void isDeleted() {
        rejectedWith(e -> e.remove("isDeleted"));
        rejectedWith(e -> e.put("isDeleted", "false"));
        rejectedWith(e -> e.put("isDeleted", 0));
    }

    @Test
    @DisplayName("[S9] x, y, width, height are required finite numbers; angle finite when present")
    void geometry() {
        for (String key : new String[] {"x", "y", "width", "height"}) {
            rejectedWith(e -> e.remove(key));
            rejectedWith(e -> e.put(key, "1"));
            rejectedWith(e -> e.putNull(key));
        }
        rejectedWith(e -> e.put("angle", "0"));
        ObjectNode noAngle = rect();
        noAngle.remove("angle");
        assertDoesNotThrow(() -> codec.decode(push(noAngle)));
    }

    @Test
    @DisplayName("[S9] non-finite numbers (1e999) are rejected anywhere in an element")
    void nonFinite() throws Exception {
        String json = push(rect()).replace("\"x\":10", "\"x\":1e999");
        assertEquals(ErrorCode.INVALID_ELEMENT, assertThrows(ProtocolException.class, () -> codec.decode(json)).code());
        String nested = push(rect()).replace("\"roundness\":{\"type\":3}", "\"roundness\":{\"type\":-1e400}");
        assertEquals(ErrorCode.INVALID_ELEMENT, assertThrows(ProtocolException.class, () -> codec.decode(nested)).code());
    }

    @Test
    @DisplayName("[S9] index is null or an order key Excalidraw's fractional indexing accepts")
    void indexIsAValidOrderKey() {
        for (String bad : new String[] {"b1", "a", "Z", "a10", "a0V0", "A" + "0".repeat(26), "c12", "Y0"}) {
            ProtocolException e = rejectedWith(el -> el.put("index", bad));
            assertTrue(e.getMessage().contains("'index'"), bad + ": " + e.getMessage());
        }
        for (String good : new String[] {"a0", "a1", "aV", "a0V", "b10", "Zz0V", "a0G8", "c123", "z" + "0".repeat(26)}) {
            ObjectNode element = rect();
            element.put("index", good);
            assertDoesNotThrow(() -> codec.decode(push(element)), good);
        }
    }

    @Test
    @DisplayName("[S9] the fields Excalidraw reads are refused when missing or of the wrong type, for every element type")
    void fieldsExcalidrawReads() {
        assertTrue(rejectedWith(e -> e.remove("groupIds")).getMessage().contains("groupIds"));
        rejectedWith(e -> e.put("groupIds", "g1"));
        rejectedWith(e -> e.putArray("groupIds").add(3));
        rejectedWith(e -> e.put("boundElements", "arrow"));
        rejectedWith(e -> e.putArray("boundElements").addObject().put("id", "x").put("type", "ellipse"));
        rejectedWith(e -> e.put("roundness", 3));
        rejectedWith(e -> e.put("frameId", 7));
        rejectedWith(e -> e.put("strokeColor", 1));
        rejectedWith(e -> e.put("opacity", "full"));
        rejectedWith(e -> e.put("locked", "no"));
        rejectedWith(e -> e.put("link", false));

        assertTrue(rejected(text("x").without("fontSize")).getMessage().contains("fontSize"));
        rejected((ObjectNode) text("x").put("fontFamily", "Virgil"));
        rejected((ObjectNode) text("x").put("containerId", 5));
        rejected((ObjectNode) text("x").put("lineHeight", -1));
        ObjectNode noText = text("x");
        noText.remove("text");
        rejected(noText);

        rejected((ObjectNode) arrow().put("startBinding", "r1"));
        rejected((ObjectNode) arrow().put("endArrowhead", 2));
        ObjectNode point = arrow();
        point.putArray("lastCommittedPoint").add(1);
        rejected(point);

        ObjectNode image = rect();
        image.put("type", "image");
        assertTrue(rejected(image).getMessage().contains("fileId"));
        image.put("fileId", "f1").put("status", "broken");
        rejected(image);
        image.putNull("fileId").put("status", "pending");
        assertDoesNotThrow(() -> codec.decode(push(image)));
        ObjectNode freedraw = arrow();
        freedraw.put("type", "freedraw").put("pressures", "soft");
        rejected(freedraw);
    }

    @Test
    @DisplayName("[S9] a NUL character anywhere in an element is refused (PostgreSQL cannot store it)")
    void nulCharacter() {
        assertTrue(rejected(text("before\u0000after")).getMessage().contains("U+0000"));
        rejectedWith(e -> e.putObject("customData").put("note", "a\u0000b"));
    }

    @Test
    @DisplayName("[S9] index is null or 1..64 chars of [0-9A-Za-z]")
    void index() {
        rejectedWith(e -> e.put("index", "a 0"));
        rejectedWith(e -> e.put("index", "a-0"));
        rejectedWith(e -> e.put("index", ""));
        rejectedWith(e -> e.put("index", "a".repeat(65)));
        rejectedWith(e -> e.put("index", 3));
        ObjectNode nullIndex = rect();
        nullIndex.putNull("index");
        assertDoesNotThrow(() -> codec.decode(push(nullIndex)));
        ObjectNode noIndex = rect();
        noIndex.remove("index");
        assertDoesNotThrow(() -> codec.decode(push(noIndex)));
    }

    @Test
    @DisplayName("[S9] points of arrow/line/freedraw: required, at most 20,000 [finite, finite] pairs")
    void points() {
        ObjectNode missing = arrow();
        missing.remove("points");
        assertEquals(ErrorCode.INVALID_ELEMENT, rejected(missing).code());
        ObjectNode triple = arrow();
        ((ArrayNode) triple.get("points")).addArray().add(1).add(2).add(3);
        assertEquals(ErrorCode.INVALID_ELEMENT, rejected(triple).code());
        ObjectNode text = arrow();
        ((ArrayNode) text.get("points")).addArray().add("1").add(2);
        assertEquals(ErrorCode.INVALID_ELEMENT, rejected(text).code());
        ObjectNode notArray = arrow();
        notArray.put("points", "0,0");
        assertEquals(ErrorCode.INVALID_ELEMENT, rejected(notArray).code());

        ObjectNode many = arrow();
        ArrayNode points = many.putArray("points");
        for (int i = 0; i < 20_000; i++) {
            points.addArray().add(i).add(i);
        }
        assertDoesNotThrow(() -> codec.decode(push(many)));
        points.addArray().add(1).add(1);
        assertEquals(ErrorCode.INVALID_ELEMENT, rejected(many).code());
    }

    @Test
    @DisplayName("[S9] text up to 100,000 chars, any other string up to 4,096")
    void strings() {
        assertDoesNotThrow(() -> codec.decode(push(text("x".repeat(100_000)))));
        assertEquals(ErrorCode.INVALID_ELEMENT, rejected(text("x".repeat(100_001))).code());
        rejectedWith(e -> e.put("link", "x".repeat(4_097)));
        rejectedWith(e -> e.putObject("customData").put("note", "x".repeat(4_097)));
        rejectedWith(e -> e.putArray("groupIds").add("x".repeat(4_097)));
        ObjectNode okLink = rect();
        okLink.put("link", "x".repeat(4_096));
        assertDoesNotThrow(() -> codec.decode(push(okLink)));
    }

    @Test
    @DisplayName("[S9] nesting deeper than 8 levels inside an element is rejected")
    void depth() {
        ObjectNode ok = rect();
        ObjectNode level = ok.putObject("customData"); // depth 2
        for (int depth = 3; depth <= 8; depth++) {
            level = level.putObject("d" + depth);
        }
        assertDoesNotThrow(() -> codec.decode(push(ok)));
        level.putObject("d9");
        assertEquals(ErrorCode.INVALID_ELEMENT, rejected(ok).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"__proto__", "constructor", "prototype"})
    @DisplayName("[S9] prototype-pollution keys are rejected at any depth")
    void prototypePollution(String key) {
        rejectedWith(e -> e.put(key, 1));
        rejectedWith(e -> e.putObject("customData").putObject("a").put(key, "x"));
        rejectedWith(e -> e.putArray("boundElements").addObject().putObject(key).put("polluted", true));
    }

    @Test
    @DisplayName("[S9] the same id twice in one push rejects the push")
    void duplicateIds() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(push(rect(), rect())));
        assertEquals(ErrorCode.INVALID_ELEMENT, e.code());
        assertTrue(e.getMessage().contains("'r1'"), e.getMessage());
    }

    @Test
    @DisplayName("[S9] one bad element rejects the whole push")
    void rejectsWhole() {
        ObjectNode bad = rect();
        bad.put("id", "bad").put("type", "blob");
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(push(rect(), bad)));
        assertTrue(e.getMessage().contains("'bad'"), e.getMessage());
    }
}
