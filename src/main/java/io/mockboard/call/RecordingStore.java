package io.mockboard.call;

import io.mockboard.core.DomainException;
import io.mockboard.core.Jdbc;
import io.mockboard.session.RecordedVoices.Span;
import io.mockboard.session.RecordedVoices.Deletion;
import io.mockboard.session.RecordedVoices.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The recordings' tables: tracks and their chunks, each statement its own transaction, and the log of deletions
 * (a deletion and its log row are one transaction).
 */
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

    private <T> T run(String sql, Jdbc.StatementWork<T> work) {
        try {
            return Jdbc.statement(dataSource, sql, work);
        } catch (SQLException e) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "The recordings cannot be read or stored right now ("
                    + e.getSQLState() + "); nothing was changed, and the page sends its chunks again");
        }
    }

    /** Sessions with recorded audio whose every track started before {@code before}: the only ones the retention may be due for. */
    List<UUID> sessionsRecordedBefore(Instant before) {
        return run("select session_id from audio_track group by session_id having max(started_at) < ? order by min(started_at)", s -> {
            s.setTimestamp(1, Timestamp.from(before));
            List<UUID> ids = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    /**
     * Who deletes and why: a person ({@code userId}, {@code name}) as the session's owner or an admin, or the retention
     * policy (no person) with the retention in force.
     */
    record Deleter(String userId, String name, Reason reason, Duration retention) {
        static Deleter retention(Duration retention) {
            return new Deleter(null, null, Reason.RETENTION, retention);
        }
    }

    /**
     * Deletes the session's tracks (only {@code trackId} when it is not null) with their chunks and logs the deletion, in
     * one transaction. The tracks are locked first, so no chunk is stored between counting and deleting.
     *
     * @return the logged deletion; empty when there was nothing to delete
     */
    Optional<Deletion> delete(UUID sessionId, UUID trackId, Deleter by, Instant at) {
        return transact(connection -> {
            List<UUID> tracks = new ArrayList<>();
            try (PreparedStatement lock = connection.prepareStatement("select id from audio_track where session_id = ?"
                    + (trackId == null ? "" : " and id = ?") + " for update")) {
                lock.setObject(1, sessionId);
                if (trackId != null) {
                    lock.setObject(2, trackId);
                }
                try (ResultSet row = lock.executeQuery()) {
                    while (row.next()) {
                        tracks.add(row.getObject(1, UUID.class));
                    }
                }
            }
            if (tracks.isEmpty()) {
                return Optional.empty();
            }
            Array ids = connection.createArrayOf("uuid", tracks.toArray());
            long bytes;
            try (PreparedStatement size = connection.prepareStatement(
                    "select coalesce(sum(length(data)), 0) from audio_chunk where track_id = any (?)")) {
                size.setArray(1, ids);
                try (ResultSet row = size.executeQuery()) {
                    row.next();
                    bytes = row.getLong(1);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from audio_track where id = any (?)")) {
                delete.setArray(1, ids);
                delete.executeUpdate();
            }
            try (PreparedStatement log = connection.prepareStatement("""
                    insert into audio_deletion (session_id, at, user_id, name, reason, retention, tracks, bytes)
                    values (?, ?, ?, ?, ?, make_interval(secs => ?), ?, ?)""")) {
                log.setObject(1, sessionId);
                log.setTimestamp(2, Timestamp.from(at));
                log.setString(3, by.userId());
                log.setString(4, by.name());
                log.setString(5, by.reason().wire());
                if (by.retention() == null) {
                    log.setNull(6, Types.DOUBLE);
                } else {
                    log.setDouble(6, by.retention().toSeconds());
                }
                log.setInt(7, tracks.size());
                log.setLong(8, bytes);
                log.executeUpdate();
            }
            return Optional.of(new Deletion(at, by.name(), by.reason(), by.retention(), tracks.size(), bytes));
        });
    }

    /** Every deletion of the session's recorded audio, oldest first. */
    List<Deletion> deletions(UUID sessionId) {
        return run("""
                select at, name, reason, extract(epoch from retention)::bigint, tracks, bytes
                from audio_deletion where session_id = ? order by at, id""", s -> {
            s.setObject(1, sessionId);
            List<Deletion> list = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    long seconds = row.getLong(4);
                    Duration retention = row.wasNull() ? null : Duration.ofSeconds(seconds);
                    list.add(new Deletion(row.getTimestamp(1).toInstant(), row.getString(2),
                            Reason.valueOf(row.getString(3).toUpperCase(Locale.ROOT)), retention, row.getInt(5), row.getLong(6)));
                }
            }
            return list;
        });
    }

    private <T> T transact(Jdbc.ConnectionWork<T> work) {
        try {
            return Jdbc.transaction(dataSource, work);
        } catch (SQLException e) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "The recordings cannot be deleted right now ("
                    + e.getSQLState() + "); nothing was deleted: try again shortly");
        }
    }
}
