/**
 * A small fluent builder for Excalidraw scenes: {@link io.mockboard.template.layout.SceneBuilder} takes
 * header text, named frames holding headings, notes and a grid of typed components, and arrows between
 * components, and lays everything out itself (nobody edits coordinates). It emits Excalidraw 0.18
 * element JSON with bound labels, arrows bound to both shapes, {@code frameId}s and {@code customData}
 * ({@code kind}, {@code flow}, {@code step}). Ids, seeds, nonces and fractional indices derive from the
 * scene's slug and creation order, so building the same description twice gives identical JSON.
 */
package io.mockboard.template.layout;
