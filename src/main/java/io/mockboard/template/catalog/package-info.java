/**
 * The template catalog as code: the interview frameworks and their steps, the ten case studies of
 * interview-domain.md with their reference architectures, the cross-cutting building blocks, and the
 * component library. {@link io.mockboard.template.catalog.Catalog} lists every
 * {@link io.mockboard.template.catalog.TemplateDefinition} in order; {@link
 * io.mockboard.template.catalog.CatalogWriter} writes them to {@code src/main/resources/catalog}, and a
 * test fails when a file there differs from what the code generates. The {@link
 * io.mockboard.template.catalog.ProbeBank} holds the follow-up probes per case study and step, read from
 * {@code src/main/resources/probes} (content, edited as JSON).
 */
package io.mockboard.template.catalog;
