/**
 * Session pages and REST resources: the dashboard, creating a session, the lobby, invite links, joining by link, the board's context.
 */
package io.mockboard.session.web;
