/** REST views of the sync engine's state: a board's current scene as an Excalidraw file. */
package io.mockboard.sync.web;
