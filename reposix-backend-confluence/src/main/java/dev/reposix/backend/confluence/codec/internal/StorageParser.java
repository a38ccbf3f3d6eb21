package dev.reposix.backend.confluence.codec.internal;

import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.CodecErrorCode;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses Confluence storage XHTML into a tree of {@link Node}s whose root element {@value #ROOT}
 * holds the body's top-level nodes.
 *
 * <p>Why the JDK's DOM parser and not jsoup's lenient XML parser: storage that Confluence cannot
 * have produced must be reported (with line and column), not silently repaired, because a repaired
 * body would later be written back as if the user had changed it. Storage in the wild is not a
 * document, though: it has several top-level elements, undeclared {@code ac:}/{@code ri:}/{@code at:}
 * prefixes and HTML entities. So the body is wrapped in a root element that declares the prefixes,
 * preceded, if the body uses HTML named entities, by an internal DTD subset declaring exactly those
 * (their code points come from jsoup's entity table; most bodies use none, and a document without a
 * DTD parses faster). There is no external DTD; external entities, external DTDs and XInclude are
 * switched off and secure processing bounds entity expansion (XXE);
 * a DOCTYPE or entity declaration inside a body is a well-formedness error because it cannot follow
 * the root's start tag. CDATA sections are merged into text: their content is what matters.
 *
 * <p>Most bodies are plain well-formed XML; {@link DirectStorageParser} builds their tree in a
 * fraction of the time, and declines to the JDK parser anything it does not fully check, so the JDK
 * parser still decides what is refused and how the refusal is worded (its W3C DOM is then copied
 * into the same kind of tree).
 *
 * <p>Thread-safe: each call builds its own parser.
 */
public final class StorageParser {

    /** The name of the synthetic root element. */
    public static final String ROOT = "reposix-storage";

    /** The root's attributes, name and value in turn: the prefixes storage uses without declaring them. */
    private static final String[] ROOT_ATTRIBUTES = {"xmlns:ac", "http://atlassian.com/content",
        "xmlns:ri", "http://atlassian.com/resource/identifier", "xmlns:at", "http://atlassian.com/template"};
    private static final Pattern ENTITY_REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]{0,31});");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final DocumentBuilderFactory FACTORY = createFactory();
    // creating a builder costs more than parsing a page body; a builder is not thread-safe, so one per thread
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(StorageParser::newBuilder);

    private StorageParser() {
    }

    /**
     * Parses a storage body.
     *
     * @param storage the body, possibly empty
     * @return the synthetic root element
     * @throws ReposixException {@link CodecErrorCode#MALFORMED_STORAGE} naming line, column and a
     *     snippet when the body is not well-formed
     */
    public static Element parse(String storage) {
        Element direct = parseDirectly(storage);
        return direct != null ? direct : parseWithJdkParser(storage);
    }

    /**
     * Parses a body with {@link DirectStorageParser}.
     *
     * @param storage the body, possibly empty
     * @return the synthetic root element, or null if the direct parser leaves the body to the JDK's
     */
    static Element parseDirectly(String storage) {
        return DirectStorageParser.parse(storage, ROOT, ROOT_ATTRIBUTES);
    }

    /**
     * Parses a body with the JDK's parser alone, which reads whatever {@link DirectStorageParser}
     * declines and reports where a body is malformed.
     *
     * @param storage the body, possibly empty
     * @return the synthetic root element
     * @throws ReposixException {@link CodecErrorCode#MALFORMED_STORAGE} when the body is not well-formed
     */
    static Element parseWithJdkParser(String storage) {
        String prolog = prolog(storage);
        String document = prolog + storage + "</" + ROOT + ">";
        try {
            DocumentBuilder builder = BUILDERS.get();
            builder.reset();
            builder.setErrorHandler(SilentErrors.INSTANCE);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed: " + systemId);
            });
            Document parsed = builder.parse(new InputSource(new StringReader(document)));
            return (Element) copyOf(parsed.getDocumentElement());
        } catch (SAXParseException malformed) {
            throw malformed(storage, prolog.length(), malformed);
        } catch (SAXException | IOException failure) {
            throw new ReposixException(CodecErrorCode.MALFORMED_STORAGE,
                    "the page body could not be parsed as storage XHTML: " + failure.getMessage(), null);
        }
    }

    /** The JDK's DOM node as a node of the codec's tree, with its descendants. */
    private static Node copyOf(org.w3c.dom.Node node) {
        switch (node.getNodeType()) {
            case org.w3c.dom.Node.ELEMENT_NODE -> {
                Element element = new Element(node.getNodeName());
                org.w3c.dom.NamedNodeMap attributes = node.getAttributes();
                for (int index = 0; index < attributes.getLength(); index++) {
                    element.setAttribute(attributes.item(index).getNodeName(), attributes.item(index).getNodeValue());
                }
                for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    element.appendChild(copyOf(child));
                }
                return element;
            }
            case org.w3c.dom.Node.TEXT_NODE, org.w3c.dom.Node.CDATA_SECTION_NODE -> {
                return Node.text(node.getNodeValue());
            }
            case org.w3c.dom.Node.COMMENT_NODE -> {
                return Node.comment(node.getNodeValue());
            }
            case org.w3c.dom.Node.PROCESSING_INSTRUCTION_NODE -> {
                return Node.processingInstruction(node.getNodeName(), node.getNodeValue());
            }
            default -> throw new IllegalStateException("the JDK parser made a node of type " + node.getNodeType()
                    + " from expanded storage, which holds none");
        }
    }

    private static String prolog(String storage) {
        Set<String> names = new LinkedHashSet<>();
        // most bodies hold no entity at all; scanning them with the regex cost more than parsing
        Matcher matcher = ENTITY_REFERENCE.matcher(storage.indexOf('&') < 0 ? "" : storage);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!XML_ENTITIES.contains(name) && Entities.isNamedEntity(name)) {
                names.add(name);
            }
        }
        StringBuilder prolog = new StringBuilder();
        if (!names.isEmpty()) {
            prolog.append("<!DOCTYPE ").append(ROOT).append(" [");
        }
        for (String name : names) {
            prolog.append("<!ENTITY ").append(name).append(" \"");
            Entities.getByName(name).codePoints().forEach(codePoint -> prolog.append("&#").append(codePoint).append(';'));
            prolog.append("\">");
        }
        if (!names.isEmpty()) {
            prolog.append("]>");
        }
        prolog.append('<').append(ROOT);
        for (int index = 0; index < ROOT_ATTRIBUTES.length; index += 2) {
            prolog.append(' ').append(ROOT_ATTRIBUTES[index]).append("=\"").append(ROOT_ATTRIBUTES[index + 1])
                    .append('"');
        }
        return prolog.append('>').toString();
    }

    private static ReposixException malformed(String storage, int prologLength, SAXParseException malformed) {
        int line = Math.max(1, malformed.getLineNumber());
        int column = malformed.getColumnNumber();
        if (line == 1) {
            column = Math.max(1, column - prologLength);
        }
        String[] lines = storage.split("\n", -1);
        String snippet = "";
        if (line <= lines.length) {
            String text = lines[line - 1];
            int end = Math.min(text.length(), Math.max(0, column - 1));
            int start = Math.max(0, end - 40);
            snippet = text.substring(start, Math.min(text.length(), end + 20));
        }
        String reason = malformed.getMessage() == null ? "not well-formed" : malformed.getMessage();
        return new ReposixException(CodecErrorCode.MALFORMED_STORAGE,
                "storage XHTML is not well-formed at line " + line + ", column " + column + ": " + reason
                        + (snippet.isEmpty() ? "" : " (near \"" + snippet + "\")")
                        + "; re-save the page in Confluence or fix the body there", null);
    }

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (FACTORY) {
                return FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException unsupported) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", unsupported);
        }
    }

    private static DocumentBuilderFactory createFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            // the codec walks and rewrites every node, so building nodes lazily only adds bookkeeping
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
        } catch (ParserConfigurationException unsupported) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", unsupported);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(true);
        factory.setNamespaceAware(false);
        factory.setCoalescing(true);
        factory.setValidating(false);
        return factory;
    }

    /** Reports errors only by throwing, never on stderr. */
    private enum SilentErrors implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException exception) {
            // warnings (such as an unused entity) do not make a body unreadable
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
