package io.mockboard.sync.room;

/** The store could not be reached or the transaction's outcome is unknown. Retryable: appends are idempotent. */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
