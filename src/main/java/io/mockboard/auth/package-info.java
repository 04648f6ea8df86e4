/**
 * Who is calling: the current user (from Keycloak, through OIDC) and the realm roles Mockboard
 * knows. The access policy shared by REST resources, pages and the WebSocket lives here.
 */
package io.mockboard.auth;
