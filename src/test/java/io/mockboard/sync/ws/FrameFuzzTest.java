package io.mockboard.sync.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ErrorCode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * [S9] Hostile frames against the live server: every bad frame is answered with an error or a documented
 * close, nothing is logged as an error or an unhandled exception, and a well-behaved client on another
 * board keeps getting every ack. CI sends 6,000 frames; {@code -Dmockboard.fuzz.frames=1000000} is the full run
 * (see docs/benchmarks.md).
 */
@QuarkusTest
class FrameFuzzTest {
    static final OidcTestClient oidc = new OidcTestClient();
    static final int FRAMES = Integer.getInteger("mockboard.fuzz.frames", 6_000);
    static final int WORKERS = 4;
    static final Set<String> ERROR_CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).collect(Collectors.toSet());

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void close() {
        oidc.close();
    }

    private URI board(String token, String title) {
        String session = given().auth().oauth2(token).contentType("application/json").body(Map.of("title", title))
                .when().post("/api/sessions").then().statusCode(201).extract().path("boardId");
        return URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session + "/sync");
    }

    @Test
    @DisplayName("[S9] every hostile frame gets an error or a documented close; no server error; a calm board is unaffected")
    void hostileFramesAreAnsweredAndNeverHurtTheServerOrOtherBoards() throws Exception {
        String token = oidc.getAccessToken("alice", "alice");
        URI fuzzBoard = board(token, "fuzzed");
        URI calmBoard = board(token, "calm");
        List<LogRecord> serverErrors = Collections.synchronizedList(new ArrayList<>());
        Handler watch = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null) {
                    serverErrors.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger.getLogger("").addHandler(watch);
        AtomicBoolean fuzzing = new AtomicBoolean(true);
        List<Long> calmLatencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        try {
            Future<?> calm = pool.submit(() -> calmClient(calmBoard, fuzzing, calmLatencies));
            Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
            List<Future<Long>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                long seed = 1_000 + w;
                workers.add(pool.submit(() -> fuzz(fuzzBoard, seed, FRAMES / WORKERS, answers)));
            }
            long sent = 0;
            for (Future<Long> worker : workers) {
                sent += worker.get();
            }
            fuzzing.set(false);
            calm.get();
            System.out.printf("frame fuzz: %d frames, answers %s; calm board %d pushes, ack p50 %.2f ms, p99 %.2f ms%n", sent,
                    new java.util.TreeMap<>(answers), calmLatencies.size(), percentile(calmLatencies, 50), percentile(calmLatencies, 99));
            assertThat(sent).isGreaterThanOrEqualTo(FRAMES);
            assertThat(calmLatencies).as("the calm client got every ack").isNotEmpty();
        } finally {
            fuzzing.set(false);
            pool.shutdownNow();
            Logger.getLogger("").removeHandler(watch);
        }
        assertThat(serverErrors).as("errors or unhandled exceptions logged by the server")
                .extracting(r -> r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown())).isEmpty();
        // the fuzzed board still works for a well-behaved client
        try (WsTestClient after = WsTestClient.connect(fuzzBoard, freshToken())) {
            after.send(Frames.hello("after-fuzz", 0));
            after.await("welcome");
            after.send(Frames.push(1, Frames.rectangle("after", 1, 10)));
            after.await("ack");
        }
    }

    /** One worker: connections of hostile frames, each frame's answer awaited before the next. */
    private long fuzz(URI board, long seed, int frames, Map<String, AtomicLong> answers) {
        BadFrames generator = new BadFrames(seed);
        long sent = 0;
        int connection = 0;
        while (sent < frames) {
            try (WsTestClient client = WsTestClient.connect(board, freshToken())) {
                client.send(Frames.hello("fuzz-" + seed + "-" + connection++, 0));
                client.await("welcome");
                while (sent < frames) {
                    BadFrames.Frame frame = generator.next();
                    try {
                        if (frame.binary() != null) {
                            client.sendBinary(frame.binary());
                        } else {
                            client.send(frame.text());
                        }
                    } catch (java.util.concurrent.CompletionException closedAfterTheLastAnswer) {
                        // the server closed after answering the previous frame (4009 after 20 bad frames)
                        int code = client.closeCode.join();
                        assertThat(code).isIn(CloseCodes.TOO_MANY_BAD_FRAMES, CloseCodes.RATE_LIMIT_ABUSE);
                        answers.computeIfAbsent("close " + code, k -> new AtomicLong()).incrementAndGet();
                        break;
                    }
                    sent++;
                    JsonNode answer;
                    try {
                        answer = nextAnswer(client);
                    } catch (AssertionError e) {
                        throw new AssertionError("no answer to a '" + frame.kind() + "' frame: "
                                + (frame.text() == null ? "binary" : frame.text().substring(0, Math.min(300, frame.text().length()))), e);
                    }
                    if (answer == null) {
                        int code = client.closeCode.join();
                        String what = frame.kind() + " → close " + code;
                        assertThat(code).as(what).isIn(CloseCodes.TOO_BIG, CloseCodes.TOO_MANY_BAD_FRAMES, CloseCodes.RATE_LIMIT_ABUSE);
                        if (frame.answer() == BadFrames.Answer.CLOSE_1009) {
                            assertThat(code).as(what).isEqualTo(CloseCodes.TOO_BIG);
                        }
                        answers.computeIfAbsent("close " + code, k -> new AtomicLong()).incrementAndGet();
                        break;
                    }
                    String type = answer.path("t").asText();
                    String what = frame.kind() + " → " + answer;
                    if (type.equals("ack")) {
                        assertThat(frame.answer()).as(what).isEqualTo(BadFrames.Answer.ERROR_OR_ACK);
                    } else {
                        assertThat(type).as(what).isEqualTo("error");
                        assertThat(answer.path("code").asText()).as(what).isIn(ERROR_CODES).isNotEqualTo("server_error");
                        assertThat(frame.answer()).as(what).isNotEqualTo(BadFrames.Answer.CLOSE_1009);
                    }
                    answers.computeIfAbsent(type.equals("ack") ? "ack" : answer.path("code").asText(), k -> new AtomicLong()).incrementAndGet();
                }
            }
        }
        return sent;
    }

    private String cachedToken;
    private long tokenAt;

    /** A token younger than a minute: a long run outlives one (an expired sign-in closes the socket with 1008). */
    private synchronized String freshToken() {
        if (cachedToken == null || System.nanoTime() - tokenAt > java.time.Duration.ofMinutes(1).toNanos()) {
            cachedToken = oidc.getAccessToken("alice", "alice");
            tokenAt = System.nanoTime();
        }
        return cachedToken;
    }

    /** The answer to the frame just sent, skipping presence, peers and ops of others; null when the server closed. */
    private static JsonNode nextAnswer(WsTestClient client) {
        while (true) {
            JsonNode next = client.nextOrClosed();
            if (next == null) {
                return null;
            }
            String type = next.path("t").asText();
            if (type.equals("error") || type.equals("ack")) {
                return next;
            }
        }
    }

    /**
     * A well-behaved client on its own board, pushing while the fuzz runs; records ack latencies. It reconnects with
     * a fresh token every 1,000 pushes, as a browser's refreshed sign-in would.
     */
    private void calmClient(URI board, AtomicBoolean fuzzing, List<Long> latencies) {
        int seq = 0;
        while (fuzzing.get()) {
            try (WsTestClient client = WsTestClient.connect(board, freshToken())) {
                client.send(Frames.hello("calm", 0));
                client.await("welcome");
                for (int i = 0; i < 1_000 && fuzzing.get(); i++) {
                    seq++;
                    long start = System.nanoTime();
                    client.send(Frames.push(seq, Frames.rectangle("calm", seq, 10 + seq % 50)));
                    long expected = seq;
                    JsonNode ack = client.await(f -> !f.path("t").asText().equals("presence") && !f.path("t").asText().equals("op")
                            && f.path("clientSeq").asLong() == expected);
                    assertThat(ack.path("t").asText()).as("calm client answer " + ack).isEqualTo("ack");
                    latencies.add(System.nanoTime() - start);
                    java.util.concurrent.locks.LockSupport.parkNanos(25_000_000); // 40 pushes a second, inside the rate limit
                }
            }
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
