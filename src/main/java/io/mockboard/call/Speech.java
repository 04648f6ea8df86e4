package io.mockboard.call;

import io.mockboard.core.DomainException;
import io.mockboard.session.RecordedVoices.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of speech a browser measured in one chunk, as it sends them: {@code "1200-3400,5000-5600"}, in
 * milliseconds from the track's start, in order, inside the chunk. Stretches that run over a chunk's end arrive
 * split in two and are joined again when read.
 */
final class Speech {
    /** Most stretches in one chunk: a 5-second chunk has a handful; a flood of tiny ones is not speech. */
    static final int MAX_SPANS = 64;

    private Speech() {}

    /** The spans of a chunk covering {@code startMs..endMs}; none for an empty or absent parameter. */
    static List<Span> parse(String text, long startMs, long endMs) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_SPANS) {
            throw DomainException.invalid("A chunk has at most " + MAX_SPANS + " stretches of speech, not " + parts.length);
        }
        List<Span> spans = new ArrayList<>(parts.length);
        long previousEnd = startMs;
        for (String part : parts) {
            Span span = span(part.strip());
            if (span.startMs() < previousEnd || span.endMs() <= span.startMs() || span.endMs() > endMs) {
                throw DomainException.invalid("Speech is start-end pairs in order, inside the chunk (" + startMs + "-" + endMs + "), not "
                        + part.strip());
            }
            spans.add(span);
            previousEnd = span.endMs();
        }
        return List.copyOf(spans);
    }

    /** Joins spans in order that touch (one stretch split at a chunk's end). */
    static List<Span> joined(List<Span> ordered) {
        List<Span> joined = new ArrayList<>();
        for (Span span : ordered) {
            Span last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && span.startMs() <= last.endMs()) {
                joined.set(joined.size() - 1, new Span(last.startMs(), Math.max(last.endMs(), span.endMs())));
            } else {
                joined.add(span);
            }
        }
        return List.copyOf(joined);
    }

    /** Flattened for the database: start1, end1, start2, end2, … */
    static Long[] flat(List<Span> spans) {
        return spans.stream().flatMap(s -> java.util.stream.Stream.of(s.startMs(), s.endMs())).toArray(Long[]::new);
    }

    static List<Span> unflat(Long[] flat) {
        List<Span> spans = new ArrayList<>(flat.length / 2);
        for (int i = 0; i + 1 < flat.length; i += 2) {
            spans.add(new Span(flat[i], flat[i + 1]));
        }
        return spans;
    }

    private static Span span(String part) {
        int dash = part.indexOf('-');
        try {
            if (dash <= 0) {
                throw new NumberFormatException();
            }
            return new Span(Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("A stretch of speech is start-end in milliseconds, such as 1200-3400, not " + part);
        }
    }
}
