package io.mockboard.sync.ws;

import io.mockboard.sync.protocol.FairUse;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ProtocolLimits;
import io.mockboard.sync.room.RoomConfig;
import io.mockboard.sync.room.RoomListener;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.sync.store.PostgresRoomStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
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
        this.storeExecutor = Executors.newFixedThreadPool(config.storeThreads().orElse(8),
                Thread.ofPlatform().name("mockboard-store-", 0).daemon(true).factory());
    }

    @Produces
    @Singleton
    ProtocolCodec codec() {
        ProtocolLimits d = ProtocolLimits.defaults();
        return new ProtocolCodec(new ProtocolLimits(d.maxFrameChars(), d.maxJsonDepth(),
                config.maxElementsPerPush().orElse(d.maxElementsPerPush()), d.maxElementDepth(), d.maxPoints(),
                d.maxTextChars(), d.maxStringChars(), d.maxIdChars(), d.maxSelection(), d.maxLaserPoints(),
                config.framesPerSecond().orElse(d.framesPerSecond()), config.frameBurst().orElse(d.frameBurst()),
                d.maxRateLimitedFrames(), d.maxBadFrames()));
    }

    @Produces
    @Singleton
    FairUse fairUse() {
        FairUse d = FairUse.defaults();
        return new FairUse(config.bytesPerSecond().orElse(d.bytesPerSecond()), config.byteBurst().orElse(d.byteBurst()),
                config.maxPresenceChars().orElse(d.maxPresenceChars()), config.presencePerSecond().orElse(d.presencePerSecond()),
                config.maxSocketsPerUserBoard().orElse(d.maxSocketsPerUserBoard()), config.maxSocketsPerUser().orElse(d.maxSocketsPerUser()),
                config.maxSocketsPerBoard().orElse(d.maxSocketsPerBoard()),
                config.dropPresenceAboveBytes().orElse(d.dropPresenceAboveBytes()), config.closeAboveBytes().orElse(d.closeAboveBytes()));
    }

    @Produces
    @Singleton
    PostgresRoomStore store(DataSource dataSource) {
        return new PostgresRoomStore(dataSource, storeExecutor, config.storeWriters().orElse(PostgresRoomStore.DEFAULT_WRITERS));
    }

    @Produces
    @Singleton
    RoomRegistry rooms(PostgresRoomStore store, Clock clock, Instance<RoomListener> listeners) {
        RoomConfig d = RoomConfig.defaults();
        RoomConfig room = new RoomConfig(
                config.snapshotEveryOps().orElse(d.snapshotEveryOps()),
                config.snapshotEvery().orElse(d.snapshotEvery()),
                config.maxCatchupOps().orElse(d.maxCatchupOps()),
                config.maxBatchOps().orElse(d.maxBatchOps()),
                config.maxPendingOps().orElse(d.maxPendingOps()),
                config.retryBackoff().orElse(d.retryBackoff()),
                d.idleUnload());
        return new RoomRegistry(store, clock, roomExecutor, room, new RoomListeners(listeners.stream().toList()));
    }

    void start(@Observes StartupEvent event, Vertx vertx, RoomRegistry rooms) {
        long every = config.tickInterval().orElse(Duration.ofSeconds(1)).toMillis();
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
