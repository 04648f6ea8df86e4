/**
 * Interview sessions: one mock interview (title, target level, schedule) on one board, and its
 * lifecycle scheduled → live → ended. Participants, roles and invite links build on it.
 */
package io.mockboard.session;
