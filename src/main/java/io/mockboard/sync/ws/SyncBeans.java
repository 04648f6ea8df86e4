package io.mockboard.sync.ws;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.protocol.FairUse;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ProtocolLimits;
import io.mockboard.sync.room.RoomConfig;
import io.mockboard.sync.room.RoomListener;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.sync.room.RoomThreads;
import io.mockboard.sync.store.PostgresNodeRegistry;
import io.mockboard.sync.store.PostgresRoomStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Builds the plain-Java sync engine from configuration and runs its housekeeping tick. */
@Singleton
class SyncBeans {
    private static final Logger LOG = Logger.getLogger(SyncBeans.class);

    private final SyncConfig config;
    private final ExecutorService storeExecutor;
    private final ExecutorService roomExecutor = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
    private long tickTimer = -1;
    private long leaseTimer = -1;
    private final AtomicBoolean renewing = new AtomicBoolean();

    SyncBeans(SyncConfig config) {
        this.config = config;
        this.storeExecutor = Executors.newFixedThreadPool(config.storeThreads(),
                Thread.ofPlatform().name("mockboard-store-", 0).daemon(true).factory());
    }

    @Produces
    @Singleton
    ProtocolCodec codec() {
        return new ProtocolCodec(ProtocolLimits.defaults().withMaxElementsPerPush(config.maxElementsPerPush())
                .withFrameRate(config.framesPerSecond(), config.frameBurst()));
    }

    @Produces
    @Singleton
    FairUse fairUse() {
        return new FairUse(config.bytesPerSecond(), config.byteBurst(), config.maxPresenceChars(), config.presencePerSecond(),
                config.maxSocketsPerUserBoard(), config.maxSocketsPerUser(), config.maxSocketsPerBoard(), config.dropPresenceAboveBytes(),
                config.closeAboveBytes());
    }

    @Produces
    @Singleton
    NodeIdentity node() {
        return NodeIdentity.start(config.nodeId().orElseGet(SyncBeans::hostName), config.nodeAddress().orElse(null));
    }

    @Produces
    @Singleton
    PostgresNodeRegistry nodes(DataSource dataSource, NodeIdentity node) {
        return new PostgresNodeRegistry(dataSource, node, config.nodeLease());
    }

    @Produces
    @Singleton
    PostgresRoomStore store(DataSource dataSource, NodeIdentity node, NodeMetrics metrics) {
        return new PostgresRoomStore(dataSource, storeExecutor, config.storeWriters(), config.storeLinger(), node, metrics);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "local";
        }
    }

    @Produces
    @Singleton
    RoomRegistry rooms(PostgresRoomStore store, Clock clock, Instance<RoomListener> listeners) {
        RoomConfig room = new RoomConfig(config.snapshotEveryOps(), config.snapshotEvery(), config.maxCatchupOps(), config.maxBatchOps(),
                config.maxPendingOps(), config.retryBackoff());
        // a room's task runs on the thread that submits it when the room is idle: a frame on its event loop, a
        // commit's outcome on the store's thread; the pool takes over only when a room is busy
        return new RoomRegistry(store, clock, new RoomThreads(roomExecutor), room, new RoomListeners(listeners.stream().toList()));
    }

    void start(@Observes StartupEvent event, Vertx vertx, RoomRegistry rooms, PostgresNodeRegistry nodes, Clock clock,
            NodeMetrics metrics, NodeState state, Relays relays, OpenConnections connections) {
        metrics.watch(rooms::size, () -> connections.findByEndpointId(BoardSyncEndpoint.ID).size(), relays::opened, state::draining);
        long every = config.tickInterval().toMillis();
        tickTimer = vertx.setPeriodic(every, id -> rooms.tickAll());
        try {
            nodes.register();
        } catch (SQLException e) {
            LOG.warnf(e, "could not register node %s; its lease is tried again in %s", nodes.node().nodeId(), config.nodeLease());
        }
        leaseTimer = vertx.setPeriodic(Math.max(50, config.nodeLease().toMillis() / 3), id -> renewLease(rooms, nodes, clock));
        LOG.infof("node %s (instance %s) serves boards", nodes.node().nodeId(), nodes.node().instance());
    }

    /** Renews this node's lease off the event loop, and closes the rooms of boards another node took meanwhile. */
    private void renewLease(RoomRegistry rooms, PostgresNodeRegistry nodes, Clock clock) {
        if (!renewing.compareAndSet(false, true)) {
            return;
        }
        try {
            storeExecutor.execute(() -> {
                try {
                    Instant askedAt = clock.instant();
                    Set<BoardId> owned = nodes.renew();
                    int evicted = rooms.evictUnowned(owned, askedAt);
                    if (evicted > 0) {
                        LOG.warnf("%d boards were taken by other nodes; their sockets reconnect", evicted);
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf("could not renew the lease of node %s: %s", nodes.node().nodeId(), e.getMessage());
                } finally {
                    renewing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            renewing.set(false);
        }
    }

    /**
     * On shutdown the node drains: it reports not ready and refuses new board sockets, closes the open ones (their
     * clients reconnect, through the proxy to another node), stores everything its rooms accepted, and releases its
     * boards so that the other nodes take them at once.
     */
    void stop(@Observes ShutdownEvent event, Vertx vertx, RoomRegistry rooms, PostgresNodeRegistry nodes, NodeState state,
            NodeMetrics metrics) {
        if (!state.draining()) {
            metrics.drained();
        }
        drain(vertx, rooms, nodes, state);
        roomExecutor.shutdown();
        storeExecutor.shutdown();
    }

    /** The drain of {@link #stop}; the ticks and the lease go on until every room stored what it accepted. */
    void drain(Vertx vertx, RoomRegistry rooms, PostgresNodeRegistry nodes, NodeState state) {
        if (!state.drain()) {
            return;
        }
        LOG.infof("node %s drains: not ready, no new board sockets; storing what %d rooms accepted", nodes.node().nodeId(), rooms.size());
        try {
            nodes.draining();
        } catch (SQLException e) {
            LOG.debugf("could not mark node %s draining: %s", nodes.node().nodeId(), e.getMessage());
        }
        try {
            rooms.unloadAll().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("rooms did not finish storing within 10 s at shutdown", e);
        }
        if (tickTimer >= 0) {
            vertx.cancelTimer(tickTimer);
        }
        if (leaseTimer >= 0) {
            vertx.cancelTimer(leaseTimer);
        }
        try {
            nodes.release(); // the other nodes take this node's boards at once
        } catch (SQLException e) {
            LOG.warnf("could not release the boards of node %s; other nodes take them when its lease ends", nodes.node().nodeId());
        }
    }
}
