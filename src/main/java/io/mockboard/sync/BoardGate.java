package io.mockboard.sync;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/**
 * Who may open a board's socket, and as what: the sync engine asks, the domains decide (the access policy). Asked
 * at the upgrade and again when a socket's sign-in is renewed; it may block (it reads the database).
 */
public interface BoardGate {

    /** This identity's admission to the board; empty when the board does not exist or they may not open it. */
    Optional<Admission> admit(BoardId board, SecurityIdentity identity);
}
