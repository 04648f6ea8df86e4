/**
 * The conversation on a board: the call's settings (ICE servers, TURN credentials) for the pages, which set up
 * the call between them over the board socket's signals.
 */
package io.mockboard.call;
