package io.mockboard.template.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.template.ComponentKind;
import io.mockboard.template.layout.Standalone;

/**
 * The Excalidraw library ({@code .excalidrawlib}, version 2) with one labelled, typed shape per component
 * kind, drawn exactly as the templates draw it, so what a candidate drags in is comparable with the
 * reference.
 */
public final class ComponentLibrary {

    /** {@code created} of every item (2025-01-01T00:00:00Z): fixed so the file is stable. */
    static final long CREATED = 1_735_689_600_000L;

    private ComponentLibrary() {
    }

    public static ObjectNode library() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "excalidrawlib");
        node.put("version", 2);
        node.put("source", "mockboard");
        ArrayNode items = node.putArray("libraryItems");
        for (ComponentKind kind : ComponentKind.values()) {
            items.add(item(kind));
        }
        return node;
    }

    private static ObjectNode item(ComponentKind kind) {
        String slug = slug(kind);
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", "mockboard-" + slug);
        item.put("status", "published");
        item.put("created", CREATED);
        item.put("name", kind.label());
        item.set("elements", Standalone.component("lib-" + slug, kind, kind.label()).toJson());
        return item;
    }

    /** The kind's wire name as a file-name-safe slug ("stream/queue" → "stream-queue"). */
    static String slug(ComponentKind kind) {
        return kind.wire().replace('/', '-');
    }
}
