package io.mockboard.sync.store;

import io.mockboard.sync.room.RoomStore;
import io.mockboard.sync.room.RoomStoreContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The room store contract against the real op log in PostgreSQL. */
@QuarkusTest
class PostgresRoomStoreTest extends RoomStoreContract {
    @Inject
    PostgresRoomStore postgres;

    @Override
    protected RoomStore newStore() {
        return postgres;
    }
}
