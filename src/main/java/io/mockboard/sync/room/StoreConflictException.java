package io.mockboard.sync.room;

/** A seq the room wants to append is taken by a different op: someone else wrote this board's log. */
public class StoreConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreConflictException(String message) {
        super(message);
    }

    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
