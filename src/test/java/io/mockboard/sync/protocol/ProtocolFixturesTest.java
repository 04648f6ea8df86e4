package io.mockboard.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardEvent;
import io.mockboard.sync.room.Scene;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The server against the shared protocol fixtures ({@code protocol-fixtures/}), which the page's tests read too: one
 * contract, checked on both sides.
 */
class ProtocolFixturesTest {
    private static final Path FIXTURES = Path.of("protocol-fixtures");
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode fixture(String file) throws IOException {
        return json.readTree(FIXTURES.resolve(file).toFile());
    }

    @TestFactory
    Iterable<DynamicTest> everyMergeCaseGoesTheSameWayAsOnThePage() throws IOException {
        return StreamSupport.stream(fixture("merge-cases.json").path("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest("[S5] " + c.path("name").asText(), () -> {
                    ObjectNode incoming = (ObjectNode) c.path("incoming");
                    boolean wins = c.path("incomingWins").asBoolean();
                    if (c.path("current").isNull()) {
                        assertThat(new Scene().apply(incoming.deepCopy())).isEqualTo(wins);
                    } else {
                        assertThat(Scene.replaces(incoming, (ObjectNode) c.path("current"))).isEqualTo(wins);
                    }
                }))
                .toList();
    }

    @Test
    void theErrorCodesAreExactlyTheFixturesWithTheSameRetryRule() throws IOException {
        Map<String, Boolean> fixtures = new TreeMap<>();
        fixture("error-codes.json").path("codes").forEach(c -> fixtures.put(c.path("code").asText(), c.path("retryable").asBoolean()));
        Map<String, Boolean> server = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(ErrorCode::wire, ErrorCode::retryable, (a, b) -> a, TreeMap::new));
        assertThat(server).isEqualTo(fixtures);
    }

    @Test
    void theCloseCodesAreExactlyTheFixtures() throws Exception {
        Map<String, Integer> fixtures = new TreeMap<>();
        fixture("close-codes.json").path("codes").forEach(c -> {
            if (!c.path("name").isNull()) {
                fixtures.put(c.path("name").asText(), c.path("code").asInt());
            }
        });
        Map<String, Integer> server = new TreeMap<>();
        for (Field field : CloseCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                server.put(field.getName(), field.getInt(null));
            }
        }
        assertThat(server).isEqualTo(fixtures);
    }

    @TestFactory
    Iterable<DynamicTest> everyClientFrameDecodes() throws IOException {
        return StreamSupport.stream(fixture("frames.json").path("client").spliterator(), false)
                .map(f -> DynamicTest.dynamicTest(f.path("name").asText(),
                        () -> assertThatCode(() -> codec.decode(json.writeValueAsString(f.path("frame")))).doesNotThrowAnyException()))
                .toList();
    }

    @TestFactory
    Iterable<DynamicTest> everyServerFrameIsWhatTheServerWrites() throws IOException {
        return StreamSupport.stream(fixture("frames.json").path("server").spliterator(), false)
                .map(f -> DynamicTest.dynamicTest(f.path("name").asText(), () -> {
                    ObjectNode frame = (ObjectNode) f.path("frame");
                    String type = frame.path("t").asText();
                    ServerMessage message;
                    if (BoardEvent.RESERVED.contains(type)) {
                        message = codec.mapper().treeToValue(frame, ServerMessage.class);
                    } else {
                        ObjectNode body = frame.deepCopy();
                        body.remove("t");
                        message = new ServerMessage.Event(type, body);
                    }
                    JsonNode written = json.readTree(codec.encode(message));
                    assertThat(written.equals((a, b) -> a.isNumber() && b.isNumber()
                            ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1, frame))
                            .as("%s%n   written: %s%n   fixture: %s", f.path("name").asText(), written, frame).isTrue();
                }))
                .toList();
    }
}
