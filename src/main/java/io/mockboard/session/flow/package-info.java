/**
 * The framework steps of a live session: who moved where and when, and the step timers.
 */
package io.mockboard.session.flow;
