package dev.reposix.backend.confluence.codec.internal;

import java.util.Set;

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
        if (!(node instanceof Element element)) {
            return;
        }
        IGNORED_ATTRIBUTES.forEach(element::removeAttribute);
        for (Node child : Dom.children(element)) {
            if (IGNORED_ELEMENTS.contains(child.getNodeName())) {
                element.removeChild(child);
            } else {
                strip(child);
            }
        }
    }
}
