/**
 * Rubrics and their versions, scorecards, private notes and hint cards of a session.
 */
package io.mockboard.rubric;
