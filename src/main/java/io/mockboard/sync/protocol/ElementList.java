package io.mockboard.sync.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The elements of one op: an immutable list of Excalidraw elements that also knows its JSON text. An op's
 * elements are written as text twice (to the op log and to every peer) and kept for catch-up; this list
 * serializes them once, is written as that text, and can drop its trees ({@link #compact()}) so that a
 * room's recent ops are one string each instead of thousands of small objects for the garbage collector
 * to copy. Trees and text are made on first use; both are immutable, so races only repeat work.
 */
@JsonSerialize(using = ElementList.Writer.class)
public final class ElementList extends AbstractList<ObjectNode> implements RandomAccess {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private volatile List<ObjectNode> nodes;
    private volatile String json;

    private ElementList(List<ObjectNode> nodes, String json) {
        this.nodes = nodes;
        this.json = json;
    }

    /** The given elements (copied into an immutable list; the same list if it already is one). */
    public static ElementList of(List<ObjectNode> elements) {
        if (elements instanceof ElementList list) {
            return list;
        }
        return new ElementList(List.copyOf(elements), null);
    }

    /**
     * Elements together with the JSON array text they were parsed from ({@code json} may be null: then it is
     * made on first use). The caller vouches that the text is exactly these elements.
     */
    public static ElementList of(List<ObjectNode> elements, String json) {
        return new ElementList(List.copyOf(elements), json);
    }

    /** Elements known by their JSON array text (from the op log): parsed only if someone reads them. */
    public static ElementList ofJson(String json) {
        return new ElementList(null, Objects.requireNonNull(json, "json"));
    }

    /** The JSON array text of these elements. */
    public String json() {
        String text = json;
        if (text == null) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(size());
            nodes().forEach(array::add);
            text = array.toString();
            json = text;
        }
        return text;
    }

    /** The same elements held as text only (trees are parsed again if read). */
    public ElementList compact() {
        return nodes == null ? this : new ElementList(null, json());
    }

    @Override
    public ObjectNode get(int index) {
        return nodes().get(index);
    }

    @Override
    public int size() {
        return nodes().size();
    }

    private List<ObjectNode> nodes() {
        List<ObjectNode> list = nodes;
        if (list == null) {
            list = parse(json);
            nodes = list;
        }
        return list;
    }

    private static List<ObjectNode> parse(String text) {
        try {
            JsonNode array = JSON.readTree(text);
            if (array == null || !array.isArray()) {
                throw new IllegalStateException("not a JSON array of elements");
            }
            List<ObjectNode> list = new ArrayList<>(array.size());
            array.forEach(node -> list.add((ObjectNode) node));
            return List.copyOf(list);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("not a JSON array of elements", e);
        }
    }

    /** Writes the list as its JSON text, without walking the trees again. */
    static final class Writer extends StdSerializer<ElementList> {
        Writer() {
            super(ElementList.class);
        }

        @Override
        public void serialize(ElementList list, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (out instanceof TokenBuffer) {
                // converting to a tree (valueToTree): give it the trees, not a raw value
                out.writeStartArray(list, list.size());
                for (ObjectNode element : list) {
                    out.writeTree(element);
                }
                out.writeEndArray();
                return;
            }
            out.writeRawValue(list.json());
        }
    }
}
