/** The call's HTTP API. */
package io.mockboard.call.web;
