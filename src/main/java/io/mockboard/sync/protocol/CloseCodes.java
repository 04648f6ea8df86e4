package io.mockboard.sync.protocol;

/**
 * WebSocket close codes the server uses. 1xxx are RFC 6455 codes, 4xxx are Mockboard's own. A client
 * reconnects (with backoff) after every code except {@link #UNAUTHORIZED}, {@link #FORBIDDEN_ORIGIN}
 * and {@link #BOARD_NOT_FOUND}.
 */
public final class CloseCodes {
    /** Normal closure (the client left). */
    public static final int NORMAL = 1000;
    /** The server is shutting down. Reconnect with backoff. */
    public static final int GOING_AWAY = 1001;
    /** A frame exceeded the frame size limit. */
    public static final int TOO_BIG = 1009;
    /** Unexpected server error. Reconnect with backoff. */
    public static final int SERVER_ERROR = 1011;
    /** The board's room is restarting (unloading while the client connected). Reconnect now. */
    public static final int SERVICE_RESTART = 1012;
    /** The board could not be loaded (store unavailable). Reconnect with backoff. */
    public static final int TRY_AGAIN_LATER = 1013;
    /** A newer connection with the same clientId replaced this one. Do not reconnect from this tab. */
    public static final int REPLACED = 4000;
    /** No valid identity, the invite was revoked, or a renewed sign-in may no longer read the board. Do not reconnect. */
    public static final int UNAUTHORIZED = 4001;
    /** The upgrade came from an origin that is not allowed. */
    public static final int FORBIDDEN_ORIGIN = 4003;
    /** The connection kept exceeding its rate limit. */
    public static final int RATE_LIMIT_ABUSE = 4008;
    /** Too many malformed or invalid frames. */
    public static final int TOO_MANY_BAD_FRAMES = 4009;
    /** The board does not exist (or the user may not see it). */
    public static final int BOARD_NOT_FOUND = 4010;
    /** A renewed sign-in gives the person another role on this board (a realm role was granted or removed). Reconnect now. */
    public static final int ACCESS_CHANGED = 4011;
    /** The person has too many sockets open (on this board or on the server). Do not reconnect from this tab. */
    public static final int TOO_MANY_CONNECTIONS = 4029;
    /** The board has as many sockets as it takes. Do not reconnect automatically. */
    public static final int BOARD_FULL = 4030;
    /** The receiver fell too far behind (its outbound queue passed the limit). Reconnect; the welcome catches it up. */
    public static final int TOO_SLOW = 4031;
    /** The op log moved under the room (another writer); the room reloads. Reconnect now and re-send pending changes. */
    public static final int BOARD_RELOADED = 4012;
    /** Another node serves the board now (docs/scaling.md). Reconnect now; the proxy or the node reaches the owner. */
    public static final int BOARD_MOVED = 4013;

    private CloseCodes() {
    }
}
