/**
 * The board REST resources: create and list boards, read one, store and serve its images.
 */
package io.mockboard.board.web;
