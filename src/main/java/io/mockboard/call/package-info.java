/**
 * The conversation on a board: the call's settings (ICE servers, TURN credentials) for the pages, which set up
 * the call between them over the board socket's signals; the recorded voices (tracks of chunks), how long they are
 * kept and who deletes them, with the log of every deletion.
 */
package io.mockboard.call;
