package io.mockboard.sync.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {
    @Test
    void whoeverMayNotEditIsAnObserverOnTheWire() {
        assertThat(new Role("candidate", true, false, false).wire()).isEqualTo("candidate");
        assertThat(new Role("interviewer", false, true, true).wire()).isEqualTo("observer");
    }

    @Test
    void aRoleNameIsAShortLowerCaseWord() {
        assertThatThrownBy(() -> new Role("Interviewer", true, true, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Role("", true, true, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Role("a\"b", true, true, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
