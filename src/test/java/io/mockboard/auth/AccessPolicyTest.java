package io.mockboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessPolicyTest {

    private static Set<Action> granted(SessionRole role, boolean ended) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (AccessPolicy.permits(role, action, ended)) {
                actions.add(action);
            }
        }
        return actions;
    }

    @Test
    void eachRoleGetsExactlyItsActionsWhileTheSessionRuns() {
        assertThat(granted(SessionRole.INTERVIEWER, false)).containsExactlyInAnyOrder(Action.values());
        assertThat(granted(SessionRole.ADMIN, false)).containsExactlyInAnyOrder(Action.values());
        assertThat(granted(SessionRole.CO_INTERVIEWER, false)).containsExactlyInAnyOrder(Action.VIEW_SESSION, Action.READ_BOARD,
                Action.WRITE_BOARD, Action.READ_PRIVATE, Action.READ_SCORECARDS, Action.REPLAY, Action.MANAGE_INVITES,
                Action.CONTROL_STEPS, Action.REPLACE_BOARD, Action.RECORD_AUDIO, Action.PROTECT_ELEMENTS);
        assertThat(granted(SessionRole.CANDIDATE, false)).containsExactlyInAnyOrder(Action.READ_BOARD, Action.WRITE_BOARD,
                Action.RECORD_AUDIO);
        assertThat(granted(SessionRole.OBSERVER, false)).containsExactly(Action.READ_BOARD);
        assertThat(granted(SessionRole.PRACTICE, false)).containsExactlyInAnyOrder(java.util.Arrays.stream(Action.values())
                .filter(a -> a != Action.MANAGE_INVITES).toArray(Action[]::new));
        assertThat(granted(SessionRole.NONE, false)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SessionRole.class)
    void onlyTheSessionsOwnerAndAdminsDeleteItsRecordedAudio(SessionRole role) {
        boolean owner = role == SessionRole.INTERVIEWER || role == SessionRole.ADMIN || role == SessionRole.PRACTICE;
        assertThat(AccessPolicy.permits(role, Action.DELETE_RECORDINGS, false)).isEqualTo(owner);
        assertThat(AccessPolicy.permits(role, Action.DELETE_RECORDINGS, true)).isEqualTo(owner);
    }

    @ParameterizedTest
    @EnumSource(SessionRole.class)
    void nobodyWritesTheBoardOrRecordsOnceTheSessionHasEnded(SessionRole role) {
        assertThat(AccessPolicy.permits(role, Action.WRITE_BOARD, true)).isFalse();
        Set<Action> before = granted(role, false);
        before.remove(Action.WRITE_BOARD);
        before.remove(Action.RECORD_AUDIO);
        assertThat(granted(role, true)).isEqualTo(before);
    }
}
