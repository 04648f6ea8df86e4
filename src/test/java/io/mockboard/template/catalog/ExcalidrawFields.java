package io.mockboard.template.catalog;

import java.util.ArrayList;
import java.util.List;

/** The fields Excalidraw 0.18 gives each element type (packages/element/src/types.ts). */
final class ExcalidrawFields {

    static final List<String> BASE = List.of("id", "type", "x", "y", "width", "height", "angle", "strokeColor",
            "backgroundColor", "fillStyle", "strokeWidth", "strokeStyle", "roughness", "opacity", "groupIds",
            "frameId", "index", "roundness", "seed", "version", "versionNonce", "isDeleted", "boundElements",
            "updated", "link", "locked");

    static final List<String> TEXT = List.of("fontSize", "fontFamily", "text", "textAlign", "verticalAlign",
            "containerId", "originalText", "autoResize", "lineHeight");

    static final List<String> ARROW = List.of("points", "lastCommittedPoint", "startBinding", "endBinding",
            "startArrowhead", "endArrowhead", "elbowed");

    private ExcalidrawFields() {
    }

    static List<String> of(String type) {
        List<String> fields = new ArrayList<>(BASE);
        switch (type) {
            case "text" -> fields.addAll(TEXT);
            case "arrow" -> fields.addAll(ARROW);
            case "frame" -> fields.add("name");
            case "rectangle", "ellipse", "diamond" -> fields.add("customData");
            default -> throw new AssertionError("templates draw no " + type);
        }
        return fields;
    }
}
