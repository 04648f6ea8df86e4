package io.mockboard.template.layout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The Excalidraw elements of a built scene, in z-order (children before their frame). */
public record Scene(List<ObjectNode> elements) {

    public Scene {
        elements = List.copyOf(elements);
    }

    /** A fresh JSON array holding copies of the elements. */
    public ArrayNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        elements.forEach(element -> array.add(element.deepCopy()));
        return array;
    }
}
