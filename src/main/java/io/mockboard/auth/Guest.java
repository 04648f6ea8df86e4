package io.mockboard.auth;

import java.util.UUID;

/** A person without an account who joined one session through an invite link. */
public record Guest(UUID participantId, UUID sessionId, String name) {
    /** The security identity attribute that carries it. */
    public static final String ATTRIBUTE = "mockboard.guest";
    /** The HttpOnly, SameSite=Strict cookie that holds a guest's token. */
    public static final String COOKIE = "mockboard_guest";

    /** The id the rest of the application uses for this guest (authorship, presence). */
    public String userId() {
        return "guest:" + participantId;
    }
}
