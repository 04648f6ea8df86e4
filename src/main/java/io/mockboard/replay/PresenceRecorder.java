package io.mockboard.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.room.Participant;
import io.mockboard.sync.room.RoomListener;
import io.mockboard.sync.room.SessionId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Samples live presence into the recording ([S8]): every {@link #SAMPLE_EVERY} the latest presence of each
 * participant that changed is queued, and queued samples are written in one batch per second. Presence is
 * never acknowledged, so when PostgreSQL is down the oldest samples beyond {@link #MAX_QUEUED} are dropped
 * rather than holding memory; board changes are not affected either way.
 */
@Singleton
public class PresenceRecorder implements RoomListener {
    static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    static final Duration WRITE_EVERY = Duration.ofSeconds(1);
    static final int MAX_QUEUED = 50_000;
    private static final Logger LOG = Logger.getLogger(PresenceRecorder.class);

    record Sample(BoardId board, Instant at, Participant who, ClientMessage.Presence presence) {}

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<SessionId, Sample> latest = new ConcurrentHashMap<>();
    private final ArrayDeque<Sample> queue = new ArrayDeque<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("mockboard-presence").daemon(true).factory());
    private long dropped;
    private long[] timers = {};

    PresenceRecorder(DataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void presence(BoardId board, SessionId session, Participant who, ClientMessage.Presence presence, Instant at) {
        latest.put(session, new Sample(board, at, who, presence));
    }

    /**
     * Someone left the board: their latest presence is kept, then an "away" sample, so a replay stops drawing their
     * cursor and view where they left (a replay holds each person's last sample until a newer one).
     */
    @Override
    public void left(BoardId board, SessionId session, Participant who) {
        Sample last = latest.remove(session);
        Instant now = clock.instant();
        Instant at = last == null || now.isAfter(last.at()) ? now : last.at();
        List<Sample> samples = new ArrayList<>();
        if (last != null) {
            samples.add(last);
        }
        samples.add(new Sample(board, at, who, new ClientMessage.Presence(null, List.of(), null, null, ClientMessage.Idle.AWAY)));
        enqueue(samples);
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        timers = new long[] {
            vertx.setPeriodic(SAMPLE_EVERY.toMillis(), id -> sample()),
            vertx.setPeriodic(WRITE_EVERY.toMillis(), id -> writer.execute(this::write))
        };
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        for (long timer : timers) {
            vertx.cancelTimer(timer);
        }
        sample();
        writer.execute(this::write);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues the latest presence of everyone whose presence changed since the last sample. */
    void sample() {
        List<Sample> taken = new ArrayList<>();
        latest.forEach((session, sample) -> {
            if (latest.remove(session, sample)) {
                taken.add(sample);
            }
        });
        enqueue(taken);
    }

    /** Samples and writes everything queued now, on the writer thread; for tests and shutdown. */
    public void flush() {
        sample();
        try {
            writer.submit(this::write).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("presence samples were not written", e);
        }
    }

    private synchronized void enqueue(List<Sample> samples) {
        for (Sample sample : samples) {
            if (queue.size() >= MAX_QUEUED) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(sample);
        }
    }

    private synchronized List<Sample> drain() {
        List<Sample> batch = new ArrayList<>(queue);
        queue.clear();
        return batch;
    }

    private synchronized void requeue(List<Sample> batch) {
        for (int i = batch.size() - 1; i >= 0 && queue.size() < MAX_QUEUED; i--) {
            queue.addFirst(batch.get(i));
        }
    }

    private synchronized long takeDropped() {
        long lost = dropped;
        dropped = 0;
        return lost;
    }

    private void write() {
        List<Sample> batch = drain();
        if (batch.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into presence_sample (board_id, at, user_id, name, cursor_x, cursor_y, viewport, laser, selection, idle)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""")) {
            for (Sample sample : batch) {
                ClientMessage.Presence p = sample.presence();
                insert.setObject(1, sample.board().value());
                insert.setTimestamp(2, Timestamp.from(sample.at()));
                insert.setString(3, sample.who().userId());
                insert.setString(4, sample.who().displayName());
                if (p.cursor() == null) {
                    insert.setNull(5, Types.DOUBLE);
                    insert.setNull(6, Types.DOUBLE);
                } else {
                    insert.setDouble(5, p.cursor().x());
                    insert.setDouble(6, p.cursor().y());
                }
                insert.setString(7, p.viewport() == null ? null : json.writeValueAsString(p.viewport()));
                insert.setString(8, p.laser() == null ? null : json.writeValueAsString(p.laser()));
                insert.setString(9, json.writeValueAsString(p.selection()));
                insert.setString(10, p.idle().name().toLowerCase());
                insert.addBatch();
            }
            insert.executeBatch();
            long lost = takeDropped();
            if (lost > 0) {
                LOG.warnf("presence recording resumed; %d samples were dropped while the database was unavailable", lost);
            }
        } catch (SQLException e) {
            requeue(batch);
            LOG.debugf("presence samples not written yet (%s); kept %d for the next try", e.getMessage(), batch.size());
        } catch (JsonProcessingException e) {
            LOG.warn("a presence sample could not be encoded; the batch was dropped", e);
        }
    }
}
