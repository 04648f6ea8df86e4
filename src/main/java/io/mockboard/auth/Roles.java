package io.mockboard.auth;

/** Realm roles of the {@code mockboard} Keycloak realm. */
public final class Roles {
    public static final String INTERVIEWER = "interviewer";
    public static final String CANDIDATE = "candidate";
    public static final String ADMIN = "admin";

    private Roles() {}
}
