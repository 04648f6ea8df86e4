/**
 * Pages and HTTP plumbing that belong to no single domain: the Qute layout and home page, the
 * {@code application/problem+json} error mapping shared by every REST resource, and the fallback
 * that answers unknown {@code /api} routes.
 */
package io.mockboard.web;
