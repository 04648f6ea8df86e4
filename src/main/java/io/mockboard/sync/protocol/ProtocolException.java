package io.mockboard.sync.protocol;

/**
 * A frame the server refuses: the {@link ErrorCode} and a plain-words message to send back, plus the
 * push's {@code clientSeq} when it could be read. The message never contains class names or stack
 * details.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Long clientSeq;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ProtocolException(ErrorCode code, String message, Long clientSeq) {
        super(message, null, false, false);
        this.code = code;
        this.clientSeq = clientSeq;
    }

    public ErrorCode code() {
        return code;
    }

    /** The push's clientSeq, or {@code null} when it is unknown or the frame was not a push. */
    public Long clientSeq() {
        return clientSeq;
    }

    /** The error message to send to the client. */
    public ServerMessage.Error toMessage() {
        return ServerMessage.Error.of(code, getMessage(), clientSeq);
    }
}
