/**
 * Sign-in endpoints of the page: signing in and out, the current sign-in and its renewal.
 */
package io.mockboard.auth.web;
