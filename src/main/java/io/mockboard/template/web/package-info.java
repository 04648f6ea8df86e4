/**
 * Template pages and REST resources: the catalogue, a template's page, saving a board as a template.
 */
package io.mockboard.template.web;
