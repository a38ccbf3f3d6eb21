package dev.reposix.backend.confluence.codec.internal;

import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The canonical text of normalized storage: ids Confluence assigns on save (local ids, macro ids,
 * task ids, schema versions) removed and attributes sorted. Stateless, thread-safe.
 */
public final class Canonical {

    private static final Set<String> IGNORED_ATTRIBUTES = Set.of("ac:local-id", "local-id", "ac:macro-id",
            "ac:schema-version");
    private static final Set<String> IGNORED_ELEMENTS = Set.of("ac:task-id", "ac:task-uuid");
    private static final StorageSerializer SERIALIZER = new StorageSerializer(StorageSerializer.Style.CANONICAL);

    private Canonical() {
    }

    /**
     * The canonical text of one normalized node.
     *
     * @param node the node; not modified
     * @return its canonical storage
     */
    public static String of(Node node) {
        Node copy = node.cloneNode(true);
        strip(copy);
        return SERIALIZER.write(copy);
    }

    /**
     * The canonical text of the children of a normalized node.
     *
     * @param parent the node; not modified
     * @return the canonical storage of its children
     */
    public static String ofChildren(Node parent) {
        Node copy = parent.cloneNode(true);
        strip(copy);
        return SERIALIZER.writeChildren(copy);
    }

    private static void strip(Node node) {
        if (Dom.isElement(node)) {
            Element element = (Element) node;
            IGNORED_ATTRIBUTES.forEach(element::removeAttribute);
        }
        for (Node child : Dom.children(node)) {
            if (IGNORED_ELEMENTS.contains(child.getNodeName())) {
                node.removeChild(child);
            } else {
                strip(child);
            }
        }
    }
}
