package io.mockboard.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockboard.auth.AccessPolicy;
import io.mockboard.auth.Action;
import io.mockboard.auth.SessionRole;
import io.mockboard.session.SessionAccess.BoardAccess;
import io.mockboard.sync.room.Role;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionBoardGateTest {
    @ParameterizedTest
    @EnumSource(value = SessionRole.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void socketsEditAndGetPrivateEventsExactlyWhenThePolicyAllows(SessionRole role) {
        for (boolean ended : new boolean[] {false, true}) {
            Role onBoard = SessionBoardGate.roleOn(new BoardAccess(role, ended, UUID.randomUUID(), null));
            assertThat(onBoard.canEdit()).isEqualTo(AccessPolicy.permits(role, Action.WRITE_BOARD, ended));
            assertThat(onBoard.seesPrivate()).isEqualTo(AccessPolicy.permits(role, Action.READ_PRIVATE, ended));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SessionRole.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void whoeverMayNotWriteIsShownAsWatching(SessionRole role) {
        Role running = SessionBoardGate.roleOn(new BoardAccess(role, false, UUID.randomUUID(), null));
        Role ended = SessionBoardGate.roleOn(new BoardAccess(role, true, UUID.randomUUID(), null));
        assertThat(running.wire()).isEqualTo(role == SessionRole.OBSERVER ? "observer" : role.name().toLowerCase());
        assertThat(ended.wire()).isEqualTo("observer");
    }
}
