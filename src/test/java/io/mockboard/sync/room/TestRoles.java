package io.mockboard.sync.room;

/** The roles the shipped access policy hands out, as sync sees them. */
public final class TestRoles {
    public static final Role INTERVIEWER = new Role("interviewer", true, true, true);
    public static final Role CO_INTERVIEWER = new Role("co_interviewer", true, true, true);
    public static final Role ADMIN = new Role("admin", true, true, true);
    public static final Role CANDIDATE = new Role("candidate", true, false, false);
    public static final Role OBSERVER = new Role("observer", false, false, false);

    private TestRoles() {
    }
}
