package io.mockboard.session.flow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a session is in its framework: the steps with their budgets, the step it is on (null before the
 * first move) and since when, every move so far, and the server's clock (so a client can show timers
 * without trusting its own). {@code endedAt}: when the session ended (its timers stop there), null while it runs.
 */
public record Flow(UUID sessionId, String framework, List<Step> steps, String current, Instant since, List<Move> moves, Instant now,
        Instant endedAt) {

    /** One step of the framework and its time budget. */
    public record Step(String id, int number, String title, int minutes) {}

    /** A step change: which step, when, by whom. */
    public record Move(String step, Instant at, String by) {}
}
