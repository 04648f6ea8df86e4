package io.mockboard.template.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses rendered SVG with the JDK's parser (namespace-aware, no DTDs, no external entities) and checks
 * it holds only the elements and attributes the renderer writes: nothing that runs, loads or embeds.
 */
final class SvgDocuments {

    static final String SVG = "http://www.w3.org/2000/svg";

    private static final Set<String> ELEMENTS =
            Set.of("svg", "g", "rect", "ellipse", "circle", "polygon", "polyline", "text", "tspan");
    private static final Set<String> ATTRIBUTES = Set.of("xmlns", "width", "height", "viewBox", "role", "x", "y",
            "rx", "ry", "cx", "cy", "r", "points", "fill", "stroke", "stroke-width", "stroke-dasharray",
            "stroke-linecap", "stroke-linejoin", "opacity", "transform", "font-family", "font-size", "text-anchor",
            "dominant-baseline", "xml:space");

    private SvgDocuments() {
    }

    /** The parsed document; fails the test when {@code svg} is not well-formed or holds anything unexpected. */
    static Document parse(String svg) {
        Document document;
        try {
            document = builder().parse(new InputSource(new StringReader(svg)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertSafe(root);
        return document;
    }

    static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, tag);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The root's {@code viewBox} as minX, minY, width, height. */
    static double[] viewBox(Document document) {
        String[] parts = document.getDocumentElement().getAttribute("viewBox").split(" ");
        assertThat(parts).hasSize(4);
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            box[i] = Double.parseDouble(parts[i]);
        }
        return box;
    }

    static double number(Element element, String attribute) {
        assertThat(element.hasAttribute(attribute)).as("%s has %s", element.getLocalName(), attribute).isTrue();
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static void assertSafe(Element element) {
        assertThat(element.getNamespaceURI()).isEqualTo(SVG);
        assertThat(ELEMENTS).as("element name").contains(element.getLocalName());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            assertThat(ATTRIBUTES).as("attribute of <%s>", element.getLocalName())
                    .contains(attributes.item(i).getNodeName());
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                assertSafe(child);
            }
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
