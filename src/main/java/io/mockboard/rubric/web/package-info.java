/**
 * Rubric editor, scorecard and note pages and REST resources.
 */
package io.mockboard.rubric.web;
