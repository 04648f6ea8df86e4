package io.mockboard.call;

import io.mockboard.core.DomainException;
import io.mockboard.session.RecordedVoices.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The recordings' tables: tracks and their chunks, each statement its own transaction. */
@ApplicationScoped
class RecordingStore {
    private static final String TRACKS = """
            select t.id, t.session_id, t.user_id, t.name, t.mime_type, t.started_at, count(c.seq), coalesce(sum(length(c.data)), 0),
                   coalesce(max(c.end_ms), 0)
            from audio_track t left join audio_chunk c on c.track_id = t.id""";

    private final DataSource dataSource;

    RecordingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create(UUID id, UUID sessionId, String userId, String name, String mimeType, Instant startedAt) {
        run("""
                insert into audio_track (id, session_id, user_id, name, mime_type, started_at, consented_at)
                values (?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, id);
            s.setObject(2, sessionId);
            s.setString(3, userId);
            s.setString(4, name);
            s.setString(5, mimeType);
            s.setTimestamp(6, Timestamp.from(startedAt));
            s.setTimestamp(7, Timestamp.from(startedAt));
            return s.executeUpdate();
        });
    }

    Optional<Recording> track(UUID id) {
        return run(TRACKS + " where t.id = ? group by t.id", s -> {
            s.setObject(1, id);
            List<Recording> found = recordings(s);
            return found.stream().findFirst();
        });
    }

    List<Recording> tracks(UUID sessionId) {
        return run(TRACKS + " where t.session_id = ? group by t.id order by t.started_at, t.id", s -> {
            s.setObject(1, sessionId);
            return recordings(s);
        });
    }

    /** The outcome of storing a chunk. */
    enum Stored { NEW, SAME, DIFFERENT }

    /** Stores the chunk unless one is stored at that seq: then says whether it holds the same bytes. */
    Stored chunk(UUID trackId, int seq, long startMs, long endMs, List<Span> speech, byte[] data, Instant at) {
        int inserted = run("""
                insert into audio_chunk (track_id, seq, start_ms, end_ms, speech, data, received_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (track_id, seq) do nothing""", s -> {
            s.setObject(1, trackId);
            s.setInt(2, seq);
            s.setLong(3, startMs);
            s.setLong(4, endMs);
            s.setArray(5, s.getConnection().createArrayOf("bigint", Speech.flat(speech)));
            s.setBytes(6, data);
            s.setTimestamp(7, Timestamp.from(at));
            return s.executeUpdate();
        });
        if (inserted == 1) {
            return Stored.NEW;
        }
        byte[] stored = run("select data from audio_chunk where track_id = ? and seq = ?", s -> {
            s.setObject(1, trackId);
            s.setInt(2, seq);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        });
        return Arrays.equals(stored, data) ? Stored.SAME : Stored.DIFFERENT;
    }

    /** The track's chunks one after the other, in seq order: the recording as one file. */
    byte[] media(UUID trackId) {
        return run("select data from audio_chunk where track_id = ? order by seq", s -> {
            s.setObject(1, trackId);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    out.writeBytes(row.getBytes(1));
                }
            }
            return out.toByteArray();
        });
    }

    /** The speech of each of the session's tracks, in order, stretches split at a chunk's end joined again. */
    Map<UUID, List<Span>> speech(UUID sessionId) {
        return run("""
                select c.track_id, c.speech from audio_chunk c join audio_track t on t.id = c.track_id
                where t.session_id = ? and cardinality(c.speech) > 0 order by c.track_id, c.seq""", s -> {
            s.setObject(1, sessionId);
            Map<UUID, List<Span>> spans = new HashMap<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    spans.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                            .addAll(Speech.unflat((Long[]) row.getArray(2).getArray()));
                }
            }
            spans.replaceAll((id, list) -> Speech.joined(list));
            return spans;
        });
    }

    private static List<Recording> recordings(PreparedStatement s) throws SQLException {
        List<Recording> list = new ArrayList<>();
        try (ResultSet row = s.executeQuery()) {
            while (row.next()) {
                list.add(new Recording(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                        row.getString(5), row.getTimestamp(6).toInstant(), row.getInt(7), row.getLong(8), row.getLong(9)));
            }
        }
        return list;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String sql, Work<T> work) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "The recordings cannot be read or stored right now ("
                    + e.getSQLState() + "); nothing was changed, and the page sends its chunks again");
        }
    }
}
