package io.mockboard.sync.ws;

import io.mockboard.sync.protocol.FairUse;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ProtocolLimits;
import io.mockboard.sync.room.RoomConfig;
import io.mockboard.sync.room.RoomListener;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.sync.room.RoomThreads;
import io.mockboard.sync.store.PostgresRoomStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
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
    PostgresRoomStore store(DataSource dataSource) {
        return new PostgresRoomStore(dataSource, storeExecutor, config.storeWriters(), config.storeLinger());
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

    void start(@Observes StartupEvent event, Vertx vertx, RoomRegistry rooms) {
        long every = config.tickInterval().toMillis();
        tickTimer = vertx.setPeriodic(every, id -> rooms.tickAll());
    }

    /** On shutdown, every room stores what it acknowledged... and what it holds, before the pools stop. */
    void stop(@Observes ShutdownEvent event, Vertx vertx, RoomRegistry rooms) {
        if (tickTimer >= 0) {
            vertx.cancelTimer(tickTimer);
        }
        try {
            rooms.unloadAll().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("rooms did not finish storing within 10 s at shutdown", e);
        }
        roomExecutor.shutdown();
        storeExecutor.shutdown();
    }
}
