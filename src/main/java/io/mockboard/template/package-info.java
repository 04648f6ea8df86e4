/**
 * Architecture templates: pre-drawn Excalidraw scenes an interview session starts from. This package
 * owns the closed vocabulary of component kinds ({@link io.mockboard.template.ComponentKind}) that
 * templates, the component library and "compare with the reference" share; {@code layout} turns a
 * description of frames, text and typed components into Excalidraw elements, and {@code catalog}
 * holds the templates themselves and writes them to {@code src/main/resources/catalog}.
 * {@code docs/template-catalog.md} states the rules the catalog keeps.
 */
package io.mockboard.template;
