package io.mockboard.sync.protocol;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The field-level rules of client messages that Jackson's binding cannot express (protocol version,
 * clientId form, ranges, presence sizes) ([S9]). Element rules are {@link ElementValidator}'s. Thread-safe.
 */
final class MessageRules {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SIGNAL_KIND = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final ProtocolLimits limits;

    MessageRules(ProtocolLimits limits) {
        this.limits = limits;
    }

    /** Field-level rules Jackson cannot express. Exhaustive: a new message type must be handled here. */
    void validate(ClientMessage message) throws ProtocolException {
        switch (message) {
            case ClientMessage.Hello hello -> {
                if (hello.protocol() != ClientMessage.PROTOCOL_VERSION) {
                    throw new ProtocolException(ErrorCode.UNSUPPORTED_PROTOCOL, "protocol " + hello.protocol()
                            + " is not supported; this server speaks " + ClientMessage.PROTOCOL_VERSION);
                }
                if (hello.clientId() == null || !CLIENT_ID.matcher(hello.clientId()).matches()) {
                    throw new ProtocolException(ErrorCode.INVALID_MESSAGE,
                            "'clientId' must be 1..64 chars of A-Z, a-z, 0-9, '_' or '-'");
                }
                if (hello.lastSeq() < 0) {
                    throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'lastSeq' must be >= 0");
                }
            }
            case ClientMessage.Push push -> {
                if (push.clientSeq() < 1) {
                    throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'clientSeq' must be >= 1", push.clientSeq());
                }
            }
            case ClientMessage.Presence presence -> validatePresence(presence);
            case ClientMessage.Ping ping -> {
                // any nonce is fine
            }
            case ClientMessage.Signal signal -> validateSignal(signal);
            case ClientMessage.Auth auth -> {
                if (auth.token() == null || auth.token().isEmpty() || auth.token().length() > ProtocolCodec.MAX_TOKEN_CHARS) {
                    throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'token' must be 1.." + ProtocolCodec.MAX_TOKEN_CHARS + " chars");
                }
            }
        }
    }

    private static void validateSignal(ClientMessage.Signal signal) throws ProtocolException {
        if (signal.kind() == null || signal.kind().length() > 32 || !SIGNAL_KIND.matcher(signal.kind()).matches()) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'kind' must be 1..32 chars: lower-case letters, digits and dashes");
        }
        if (signal.to() != null && (signal.to().isEmpty() || signal.to().length() > 128)) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'to' must be a session id or absent");
        }
        if (signal.data() != null && signal.data().toString().length() > ProtocolCodec.MAX_SIGNAL_CHARS) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "a signal's 'data' may have at most " + ProtocolCodec.MAX_SIGNAL_CHARS
                    + " chars");
        }
    }

    private void validatePresence(ClientMessage.Presence p) throws ProtocolException {
        if (p.idle() == null) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'idle' must be active, idle or away");
        }
        if (p.cursor() != null && !(Double.isFinite(p.cursor().x()) && Double.isFinite(p.cursor().y()))) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'cursor' needs finite x and y");
        }
        if (p.viewport() != null) {
            ClientMessage.Viewport v = p.viewport();
            boolean ok = Double.isFinite(v.x()) && Double.isFinite(v.y()) && Double.isFinite(v.width())
                    && Double.isFinite(v.height()) && Double.isFinite(v.zoom())
                    && v.width() >= 0 && v.height() >= 0 && v.zoom() > 0;
            if (!ok) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE,
                        "'viewport' needs finite x, y, width >= 0, height >= 0 and zoom > 0");
            }
        }
        if (p.selection().size() > limits.maxSelection()) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "'selection' has more than " + limits.maxSelection() + " ids");
        }
        for (String id : p.selection()) {
            if (id == null || id.isEmpty() || id.length() > limits.maxIdChars()) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE,
                        "'selection' holds element ids of 1.." + limits.maxIdChars() + " chars");
            }
        }
        if (p.laser() != null) {
            if (p.laser().size() > limits.maxLaserPoints()) {
                throw new ProtocolException(ErrorCode.TOO_LARGE, "'laser' has more than " + limits.maxLaserPoints() + " points");
            }
            for (List<Double> point : p.laser()) {
                if (point == null || point.size() != 2 || point.get(0) == null || point.get(1) == null
                        || !Double.isFinite(point.get(0)) || !Double.isFinite(point.get(1))) {
                    throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'laser' points are [finite x, finite y]");
                }
            }
        }
    }
}
