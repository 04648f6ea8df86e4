/**
 * Rubrics and their versions, scorecards, private notes, the probes asked (as notes) and hint cards of a session.
 */
package io.mockboard.rubric;
