package io.mockboard.call;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.session.RecordedVoices;
import io.mockboard.session.RecordedVoices.Span;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorded conversation: each participant records their own microphone (with their consent) and uploads it in
 * numbered chunks, idempotently, so a page that lost its connection or was reloaded sends what is missing again.
 * A chunk is answered only once it is stored. Whoever may replay the session may listen.
 */
@ApplicationScoped
public class Recordings implements RecordedVoices {
    /** Content types a track may have: Opus in WebM (Chromium, Firefox) or Ogg (Firefox, Safari). */
    static final Set<String> TYPES = Set.of("audio/webm", "audio/ogg");
    /** Largest chunk: a 5-second Opus chunk is about 20 KB; a minute of it still fits many times. */
    public static final int MAX_CHUNK_BYTES = 1 << 20;
    /** Highest chunk number: at one chunk a second, more than a day. */
    public static final int MAX_SEQ = 100_000;
    /** Longest offset of a chunk from its track's start. */
    static final Duration MAX_LENGTH = Duration.ofHours(12);
    /** Chunks a track may send in a burst (a reloaded page catching up), then a sustained rate. */
    static final int BURST = 120;
    static final double PER_SECOND = 4;
    /** Tracks whose rate is remembered before the idle ones are forgotten. */
    static final int MAX_BUCKETS = 1_000;
    /** How long after the session ended the chunks recorded before its end may still arrive. */
    static final Duration LATE_CHUNKS = Duration.ofHours(24);

    private final SessionAccess access;
    private final RecordingStore store;
    private final Clock clock;
    private final Map<UUID, Bucket> rates = new ConcurrentHashMap<>();

    Recordings(SessionAccess access, RecordingStore store, Clock clock) {
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    /** Starts the caller's track in a running session: they consented, their browser is about to record. */
    public Recording start(UUID sessionId, CurrentUser user, String mimeType) {
        SessionSummary session = access.require(sessionId, user, Action.RECORD_AUDIO);
        if (session.startedAt() == null) {
            throw DomainException.conflict("The session has not started yet: recording starts with it");
        }
        String type = baseType(mimeType);
        if (!TYPES.contains(type)) {
            throw new DomainException(DomainException.Kind.UNSUPPORTED_TYPE, "A recording is audio/webm or audio/ogg (Opus), not " + mimeType);
        }
        UUID id = UUID.randomUUID();
        store.create(id, sessionId, user.id(), user.name(), mimeType, clock.instant());
        return store.track(id).orElseThrow();
    }

    /**
     * Stores chunk {@code seq} of the caller's own track ({@code startMs}..{@code endMs} from the track's start).
     * Sending a stored chunk again changes nothing; different bytes under a stored number are a conflict.
     *
     * @return whether the chunk was new
     */
    public boolean chunk(UUID trackId, CurrentUser user, int seq, Long startMs, Long endMs, String speech, String contentType, byte[] data) {
        Recording track = store.track(trackId).orElseThrow(() -> DomainException.notFound("Recording " + trackId));
        if (!track.userId().equals(user.id())) {
            throw DomainException.forbidden("This recording is another participant's: each person sends only their own");
        }
        if (!baseType(contentType).equals(baseType(track.mimeType()))) {
            throw new DomainException(DomainException.Kind.UNSUPPORTED_TYPE, "This recording's chunks are " + baseType(track.mimeType())
                    + ", not " + contentType);
        }
        if (seq < 0 || seq >= MAX_SEQ) {
            throw DomainException.invalid("A chunk's number is 0 to " + (MAX_SEQ - 1) + ", not " + seq);
        }
        if (startMs == null || endMs == null || startMs < 0 || endMs < startMs || endMs > MAX_LENGTH.toMillis()) {
            throw DomainException.invalid("A chunk covers startMs..endMs from the recording's start, within " + MAX_LENGTH.toHours()
                    + " hours");
        }
        List<Span> spans = Speech.parse(speech, startMs, endMs);
        if (data.length == 0) {
            throw DomainException.invalid("A chunk has at least one byte");
        }
        if (data.length > MAX_CHUNK_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "A chunk has 1 byte to " + MAX_CHUNK_BYTES / 1024 + " KiB, not "
                    + data.length + " bytes");
        }
        SessionSummary session = access.summary(track.sessionId());
        Instant now = clock.instant();
        if (session.endedAt() != null && now.isAfter(session.endedAt().plus(LATE_CHUNKS))) {
            throw DomainException.gone("The session ended more than " + LATE_CHUNKS.toHours() + " hours ago; its recording is closed");
        }
        if (rates.size() > MAX_BUCKETS) {
            // a bucket idle long enough to be full again is the same as none: forget those
            rates.values().removeIf(b -> b.full(now));
        }
        if (!rates.computeIfAbsent(trackId, id -> new Bucket(BURST, now)).take(now)) {
            throw new DomainException(DomainException.Kind.RATE_LIMITED, "Too many chunks at once; wait a second and send again");
        }
        return switch (store.chunk(trackId, seq, startMs, endMs, spans, data, now)) {
            case NEW -> true;
            case SAME -> false;
            case DIFFERENT -> throw DomainException.conflict("Chunk " + seq + " of this recording is already stored with other data");
        };
    }

    /** The session's recordings with their speech, for whoever may replay it. */
    public List<Track> list(UUID sessionId, CurrentUser user) {
        access.require(sessionId, user, Action.REPLAY);
        return tracks(sessionId);
    }

    /** A recording as one file (its chunks in order), for whoever may replay its session. */
    public Media media(UUID trackId, CurrentUser user) {
        Recording track = store.track(trackId).orElseThrow(() -> DomainException.notFound("Recording " + trackId));
        try {
            access.require(track.sessionId(), user, Action.REPLAY);
        } catch (DomainException e) {
            throw e.kind() == DomainException.Kind.NOT_FOUND ? DomainException.notFound("Recording " + trackId) : e;
        }
        return new Media(track.mimeType(), store.media(trackId));
    }

    @Override
    public List<Voice> of(UUID sessionId) {
        Map<String, Voice> byPerson = new java.util.LinkedHashMap<>();
        for (Recording track : store.tracks(sessionId)) {
            byPerson.merge(track.userId(), new Voice(track.name(), track.durationMs(), track.bytes()),
                    (a, b) -> new Voice(a.name(), a.durationMs() + b.durationMs(), a.bytes() + b.bytes()));
        }
        return List.copyOf(byPerson.values());
    }

    @Override
    public List<Track> tracks(UUID sessionId) {
        Map<UUID, List<Span>> speech = store.speech(sessionId);
        return store.tracks(sessionId).stream().map(t -> new Track(t.id(), t.userId(), t.name(), t.mimeType(), t.startedAt(), t.chunks(),
                t.durationMs(), t.bytes(), speech.getOrDefault(t.id(), List.of()))).toList();
    }

    @Override
    public Optional<Media> media(UUID sessionId, UUID trackId) {
        return store.track(trackId).filter(t -> t.sessionId().equals(sessionId)).map(t -> new Media(t.mimeType(), store.media(trackId)));
    }

    @Override
    public List<Deletion> deletionsOf(UUID sessionId) {
        return store.deletions(sessionId);
    }


    private static String baseType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A token bucket: {@code BURST} chunks at once, then {@code PER_SECOND}. */
    private static final class Bucket {
        private double tokens;
        private Instant last;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** Whether the bucket would be full again by now: it limits nothing. */
        synchronized boolean full(Instant now) {
            return tokens + Duration.between(last, now).toMillis() * PER_SECOND / 1000 >= BURST;
        }

        synchronized boolean take(Instant now) {
            tokens = Math.min(BURST, tokens + Duration.between(last, now).toMillis() * PER_SECOND / 1000);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
