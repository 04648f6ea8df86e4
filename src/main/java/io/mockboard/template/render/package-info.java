/**
 * Static SVG pictures of Excalidraw scenes, drawn on the server for gallery cards and previews.
 * {@link io.mockboard.template.render.SceneSvg} reads Excalidraw 0.18 element JSON into a closed set of
 * {@link io.mockboard.template.render.Shape}s, fits the view box around them and paints them in z-order.
 * Element JSON comes from users, so nothing from it reaches the output unchecked: text is escaped,
 * colours must match a safe pattern, numbers must be finite, and unknown element types are left out.
 * The output holds no scripts, no external references and no {@code foreignObject}.
 */
package io.mockboard.template.render;
