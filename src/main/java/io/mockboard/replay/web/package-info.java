/**
 * Replay and review pages and REST resources.
 */
package io.mockboard.replay.web;
