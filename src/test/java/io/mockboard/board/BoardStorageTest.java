package io.mockboard.board;

import io.agroal.api.AgroalDataSource;
import io.mockboard.sync.BoardId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class BoardStorageTest {
    @Inject
    BoardService boards;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storesBoardsInTheFlywayCreatedTable() throws Exception {
        BoardSummary created = boards.create("  Feed ranking mock  ", "alice");

        assertThat(boards.find(created.id())).get()
                .extracting(BoardSummary::title, BoardSummary::createdBy)
                .containsExactly("Feed ranking mock", "alice");
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from flyway_schema_history where version = '1' and success")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void unknownBoardIsEmpty() {
        assertThat(boards.find(BoardId.random())).isEmpty();
    }
}
