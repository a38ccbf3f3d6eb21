package dev.reposix.backend.confluence.codec.internal;

/**
 * The element and attribute names storage bodies use most, each as one shared {@code String}: the
 * same instance as the literal in the codec's code, whose hash is already known. {@link
 * DirectStorageParser} finds a name here without cutting it out of the body, so a page's thousands
 * of tags allocate no name at all, and the codec's comparisons ({@code "li".equals(name)}) and set
 * lookups on the name succeed at the first, identity check. Stateless, thread-safe.
 */
final class StorageNames {

    private static final String[] NAMES = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th",
        "td", "colgroup", "col", "blockquote", "hr", "br", "pre", "code", "div", "span", "strong", "em", "b", "i",
        "s", "u", "del", "strike", "sup", "sub", "ins", "small", "big", "a", "img", "time",
        "ac:structured-macro", "ac:parameter", "ac:plain-text-body", "ac:rich-text-body", "ac:link", "ac:image",
        "ac:plain-text-link-body", "ac:link-body", "ac:emoticon", "ac:placeholder", "ac:inline-comment-marker",
        "ac:task-list", "ac:task", "ac:task-id", "ac:task-uuid", "ac:task-status", "ac:task-body", "ac:layout",
        "ac:layout-section", "ac:layout-cell", "ac:adf-extension", "ac:adf-node", "ac:adf-content",
        "ac:adf-fallback", "ri:page", "ri:attachment", "ri:url", "ri:user", "ri:space",
        "ac:name", "ac:macro-id", "ac:schema-version", "ac:local-id", "local-id", "ac:align", "ac:alt", "ac:width",
        "ac:height", "ac:title", "ac:style", "ac:class", "ac:anchor", "ac:border", "ac:thumbnail", "ac:type",
        "ac:breakout-mode", "ac:custom-width", "ac:original-height", "ac:original-width", "ac:emoji-shortname",
        "ac:emoji-id", "ac:emoji-fallback", "ri:content-title", "ri:space-key", "ri:filename", "ri:value",
        "ri:account-id", "href", "title", "class", "style", "colspan", "rowspan", "datetime", "data-layout",
        "data-highlight-colour", "xmlns:ac", "xmlns:ri", "xmlns:at",
    };
    /** Open addressing with linear probing; at most a quarter full, so a miss ends after a probe or two. */
    private static final int SIZE = Integer.highestOneBit(NAMES.length) * 4;
    private static final String[] TABLE = table();

    private StorageNames() {
    }

    /**
     * The shared instance of the name between two positions of a text.
     *
     * @param text the text
     * @param start where the name starts
     * @param end where it ends
     * @param hash the name's {@link String#hashCode}, computed while reading it
     * @return the shared name, or null if it is not one of the known names
     */
    static String find(String text, int start, int end, int hash) {
        int length = end - start;
        for (int index = slot(hash); TABLE[index] != null; index = (index + 1) & (SIZE - 1)) {
            String candidate = TABLE[index];
            if (candidate.hashCode() == hash && candidate.length() == length
                    && text.regionMatches(start, candidate, 0, length)) {
                return candidate;
            }
        }
        return null;
    }

    private static String[] table() {
        String[] table = new String[SIZE];
        for (String name : NAMES) {
            int index = slot(name.hashCode());
            while (table[index] != null) {
                index = (index + 1) & (SIZE - 1);
            }
            table[index] = name;
        }
        return table;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (SIZE - 1);
    }
}
