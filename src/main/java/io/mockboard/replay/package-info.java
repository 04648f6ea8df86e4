/**
 * Reading a session's recording: the timeline, seeking to a moment, who drew what, coverage against the reference architecture, the review and its shares, restoring a board, and recording presence.
 */
package io.mockboard.replay;
