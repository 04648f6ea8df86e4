package io.mockboard.rubric;

import io.mockboard.sync.BoardId;

/** Fired after a note is stored, so the interviewers' sockets on the board can show it at once. */
public record NoteAdded(BoardId boardId, Note note) {}
