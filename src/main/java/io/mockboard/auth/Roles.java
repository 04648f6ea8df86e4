package io.mockboard.auth;

/** Realm roles of the {@code mockboard} Keycloak realm. */
public final class Roles {
    public static final String INTERVIEWER = "interviewer";
    public static final String CANDIDATE = "candidate";
    public static final String ADMIN = "admin";
    /** Every role Mockboard knows; other realm roles (Keycloak's defaults) are ignored. */
    public static final java.util.Set<String> ALL = java.util.Set.of(INTERVIEWER, CANDIDATE, ADMIN);

    private Roles() {}
}
