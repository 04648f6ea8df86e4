package io.mockboard.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.auth.CurrentUser;
import io.mockboard.replay.ReplayService;
import io.mockboard.replay.SceneAt;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.Scene;
import io.mockboard.sync.room.StoredOp;
import io.mockboard.sync.store.PostgresRoomStore;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Server-side targets of docs/benchmarks.md, measured, not asserted against a time: replay seek in a
 * 200,000-op session, and the full state of a 10,000-element board to a joining client. Skipped unless
 * {@code -Dmockboard.bench=true}:
 * {@code ./mvnw verify -Dtest=ServerTargetsBench -Dmockboard.bench=true -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.quinoa.run-tests=false}
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "mockboard.bench", matches = "true")
class ServerTargetsBench {
    static final OidcTestClient oidc = new OidcTestClient();
    static final int OPS = Integer.getInteger("mockboard.bench.ops", 200_000);
    static final int SNAPSHOT_EVERY = 500;
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Inject
    PostgresRoomStore store;

    @Inject
    ReplayService replay;

    @AfterAll
    static void close() {
        oidc.close();
    }

    private Map<String, String> session(String token, String title) {
        @SuppressWarnings("unchecked")
        Map<String, String> s = given().auth().oauth2(token).contentType("application/json").body(Map.of("title", title))
                .when().post("/api/sessions").then().statusCode(201).extract().as(Map.class);
        return s;
    }

    @Test
    void seekInALongSession() throws Exception {
        String token = oidc.getAccessToken("alice", "alice");
        Map<String, String> s = session(token, "long session");
        BoardId board = BoardId.parse(s.get("boardId"));
        SplittableRandom random = new SplittableRandom(42);
        Scene scene = new Scene();
        int[] versions = new int[1_000];
        Instant start = Instant.now(); // a recording runs from its session's creation; ops come 100 ms apart after it
        long began = System.nanoTime();
        List<StoredOp> batch = new ArrayList<>();
        for (long seq = 1; seq <= OPS; seq++) {
            int e = random.nextInt(versions.length);
            ObjectNode element = (ObjectNode) JSON.valueToTree(Frames.rectangle("e" + e, ++versions[e], random.nextInt(2_000)));
            StoredOp op = new StoredOp(seq, "bench", "bench-" + (seq % 3), seq, start.plusMillis(seq * 100), List.of(element));
            batch.add(op);
            scene.applyAll(op.elements());
            if (batch.size() == 500) {
                store.append(board, List.copyOf(batch)).toCompletableFuture().get(60, TimeUnit.SECONDS);
                batch.clear();
            }
            if (seq % SNAPSHOT_EVERY == 0) {
                store.saveSnapshot(board, seq, scene.elements()).toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
        if (!batch.isEmpty()) {
            store.append(board, batch).toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        System.out.printf("seek bench: wrote %d ops with a snapshot every %d in %.1f s%n", OPS, SNAPSHOT_EVERY, (System.nanoTime() - began) / 1e9);
        CurrentUser alice = new CurrentUser(subject(token), "Alice", Set.of("interviewer"), null);
        List<Double> millis = new ArrayList<>();
        int maxApplied = 0;
        for (int i = 0; i < 300; i++) {
            long target = 1 + random.nextInt(OPS);
            long t0 = System.nanoTime();
            SceneAt at = replay.sceneAt(UUID.fromString(s.get("id")), null, target, alice);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i >= 50) { // the first 50 warm up the JIT and the connection pool
                millis.add(ms);
            }
            maxApplied = Math.max(maxApplied, at.opsApplied());
            assertThat(at.seq()).isEqualTo(target);
        }
        System.out.printf("seek bench: %d-op session, 250 seeks by seq: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; most ops applied %d%n",
                OPS, pct(millis, 50), pct(millis, 95), pct(millis, 99), pct(millis, 100), maxApplied);
        List<Double> byTime = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            long target = 1 + random.nextInt(OPS);
            long t0 = System.nanoTime();
            SceneAt at = replay.sceneAt(UUID.fromString(s.get("id")), start.plusMillis(target * 100), null, alice);
            byTime.add((System.nanoTime() - t0) / 1e6);
            assertThat(at.seq()).isEqualTo(target);
            maxApplied = Math.max(maxApplied, at.opsApplied());
        }
        System.out.printf("seek bench: 250 seeks by moment: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                pct(byTime, 50), pct(byTime, 95), pct(byTime, 99), pct(byTime, 100));
        assertThat(maxApplied).isLessThanOrEqualTo(SNAPSHOT_EVERY);
    }

    @Test
    void joinATenThousandElementBoard() {
        String token = oidc.getAccessToken("alice", "alice");
        Map<String, String> s = session(token, "big board");
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + s.get("boardId") + "/sync");
        try (WsTestClient writer = WsTestClient.connect(ws, token)) {
            writer.send(Frames.hello("big-writer", 0));
            writer.await("welcome");
            for (int push = 0; push < 10; push++) {
                List<Map<String, Object>> elements = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    elements.add(Frames.rectangle("big-" + push + "-" + i, 1, i));
                }
                writer.send(Map.of("t", "push", "clientSeq", push + 1, "elements", elements));
                writer.await("ack");
            }
        }
        List<Double> warm = new ArrayList<>();
        List<Double> firstByte = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            try (WsTestClient joiner = WsTestClient.connect(ws, token)) {
                long t0 = System.nanoTime();
                joiner.send(Frames.hello("big-joiner-" + i, 0));
                joiner.await("welcome");
                if (i >= 10) {
                    warm.add((System.nanoTime() - t0) / 1e6);
                    // the server writes the welcome only once it is whole: its first bytes mark the server's part
                    firstByte.add((joiner.firstFragmentNanos - t0) / 1e6);
                }
            }
        }
        System.out.printf("join bench: 10,000-element board (loaded room, same machine), 30 joins: hello → first bytes of the "
                + "welcome (server time) p50 %.1f ms, p95 %.1f ms, max %.1f ms; hello → whole welcome parsed by the client "
                + "p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", pct(firstByte, 50), pct(firstByte, 95), pct(firstByte, 100),
                pct(warm, 50), pct(warm, 95), pct(warm, 100));
    }

    private static String subject(String token) {
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            return JSON.readTree(payload).path("sub").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
