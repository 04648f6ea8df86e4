package io.mockboard.sync.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.room.RoomListener;
import io.mockboard.sync.store.StoreObserver;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * This node's sync metrics in {@code /q/metrics} (docs/scaling.md, "What to watch"), every one tagged with the
 * node id: acks (latency from accepting a push to its ack), group commits (count, ops, latency), store failures,
 * takeovers, fenced appends, drains, and gauges of rooms, sockets and relayed sockets.
 */
@Singleton
class NodeMetrics implements StoreObserver, RoomListener {
    private final MeterRegistry registry;
    private final String node;
    private final Timer commits;
    private final Timer acks;
    private final DistributionSummary commitOps;
    private final Counter appended;
    private final Counter failed;
    private final Counter takeovers;
    private final Counter fenced;
    private final Counter drains;
    /** Held here: a function counter keeps only a weak reference to what it reads, and would read NaN after a GC. */
    private Supplier<Number> relayed;

    NodeMetrics(MeterRegistry registry, NodeIdentity identity) {
        this.registry = registry;
        this.node = identity.nodeId();
        this.commits = Timer.builder("mockboard.store.commit").description("Group commits of the op log and how long each took")
                .tag("node", node).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        this.acks = Timer.builder("mockboard.ack").description("From accepting a push to acknowledging it (queue and commit)")
                .tag("node", node).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        this.commitOps = DistributionSummary.builder("mockboard.store.commit.ops").description("Ops per group commit")
                .tag("node", node).register(registry);
        this.appended = counter("mockboard.ops.appended", "Ops stored in the op log by this node");
        this.failed = counter("mockboard.store.failures", "Ops of group commits that failed (held and retried)");
        this.takeovers = counter("mockboard.board.takeovers", "Boards this node took from another node");
        this.fenced = counter("mockboard.appends.fenced", "Appends refused because another node took the board");
        this.drains = counter("mockboard.node.drains", "Times this node drained (SIGTERM)");
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).tag("node", node).register(registry);
    }

    /** The gauges of what this node holds now. */
    void watch(Supplier<Number> rooms, Supplier<Number> sockets, Supplier<Number> relayed, Supplier<Boolean> draining) {
        this.relayed = relayed;
        Gauge.builder("mockboard.node.rooms", rooms).description("Board rooms open on this node").tag("node", node).register(registry);
        Gauge.builder("mockboard.node.sockets", sockets).description("Board sockets open on this node (relayed ones included)")
                .tag("node", node).register(registry);
        FunctionCounter.builder("mockboard.node.relayed.sockets", relayed, r -> r.get().doubleValue())
                .description("Board sockets relayed to the board's owner on another node").tag("node", node).register(registry);
        Gauge.builder("mockboard.node.draining", () -> draining.get() ? 1 : 0).description("1 while this node drains")
                .tag("node", node).register(registry);
    }

    void drained() {
        drains.increment();
    }

    @Override
    public void acknowledged(BoardId board, long nanos) {
        acks.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void committed(int boards, int ops, long nanos) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
        commitOps.record(ops);
        appended.increment(ops);
    }

    @Override
    public void failed(int ops) {
        failed.increment(ops);
    }

    @Override
    public void tookOver() {
        takeovers.increment();
    }

    @Override
    public void fenced() {
        fenced.increment();
    }
}
