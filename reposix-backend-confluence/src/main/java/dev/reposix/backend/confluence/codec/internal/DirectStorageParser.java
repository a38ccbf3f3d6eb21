package dev.reposix.backend.confluence.codec.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Builds the storage tree ({@link Node}) of a body in one pass over its text, for the bodies that are
 * plain well-formed XML: elements, attributes, text, comments, CDATA sections, character references
 * and the XML and HTML named entities. It builds exactly the tree the JDK parser's DOM is copied
 * into (the tests compare the two on generated, real-world and damaged bodies), at a fraction of the
 * cost: the JDK parser's scanner, entity manager and SAX-to-DOM layers were most of the codec's
 * parsing time.
 *
 * <p>It only accepts what it fully checks and declines everything else by returning null: a
 * document type declaration, a processing instruction, a carriage return (line-end normalisation),
 * a name beyond ASCII, an unknown entity, a character XML forbids, an unbalanced tag, a duplicate
 * attribute, or many entity expansions (the JDK parser's secure-processing limits decide those).
 * {@link StorageParser} then parses the body with the JDK parser, which reads it or reports where it
 * is malformed, so a declined body is read or refused exactly as before.
 *
 * <p>Not thread-safe; one instance parses one body.
 */
final class DirectStorageParser {

    /** Past this many named-entity expansions the JDK parser, with its own limit, decides. */
    private static final int MAX_EXPANSIONS = 10_000;
    /** Longer names are left to the JDK parser, which limits their length. */
    private static final int MAX_NAME_LENGTH = 1_000;
    private static final int MAX_ENTITY_NAME_LENGTH = 32;

    private final String text;
    private int position;
    private int expansions;
    /** Whether the last start tag read ended with {@code />}. */
    private boolean emptyElement;
    /** Text read since the last markup: one slice of the body, or several joined in {@link #joined}. */
    private int sliceStart = -1;
    private int sliceEnd;
    /** The {@link TextTraits} of that one slice, or -1 when not known. */
    private int sliceTraits = -1;
    private final StringBuilder joined = new StringBuilder();

    private DirectStorageParser(String text) {
        this.text = text;
    }

    /**
     * Parses a body into a new root element.
     *
     * @param storage the body
     * @param root the name of the root element to build
     * @param rootAttributes the root's attributes, name and value in turn
     * @return the root element, or null if the body is declined
     */
    static Element parse(String storage, String root, String... rootAttributes) {
        try {
            Element top = new Element(root);
            for (int index = 0; index < rootAttributes.length; index += 2) {
                top.setAttribute(rootAttributes[index], rootAttributes[index + 1]);
            }
            return new DirectStorageParser(storage).content(top) ? top : null;
        } catch (IndexOutOfBoundsException truncated) {
            // the body ends inside a tag, reference, comment or CDATA section
            return null;
        }
    }

    private boolean content(Element root) {
        List<Element> open = new ArrayList<>();
        Element current = root;
        int length = text.length();
        while (position < length) {
            char character = text.charAt(position);
            if (character == '&') {
                if (!reference()) {
                    return false;
                }
                continue;
            }
            if (character != '<') {
                if (!characters()) {
                    return false;
                }
                continue;
            }
            char next = text.charAt(position + 1);
            if (next == '!' && text.startsWith("<![CDATA[", position)) {
                // CDATA is text, joined to the text around it as the JDK parser does when it coalesces
                if (!cdata()) {
                    return false;
                }
                continue;
            }
            flushText(current);
            if (next == '/') {
                position += 2;
                String name = name();
                skipSpace();
                if (name == null || open.isEmpty() || text.charAt(position) != '>'
                        || !name.equals(current.getTagName())) {
                    return false;
                }
                position++;
                open.remove(open.size() - 1);
                current = open.isEmpty() ? root : open.get(open.size() - 1);
            } else if (next == '!') {
                if (!text.startsWith("<!--", position) || !comment(current)) {
                    return false;
                }
            } else {
                position++;
                Element element = startTag();
                if (element == null) {
                    return false;
                }
                current.appendChild(element);
                if (!emptyElement) {
                    open.add(element);
                    current = element;
                }
            }
        }
        flushText(current);
        return open.isEmpty();
    }

    /** Reads a start tag after its {@code <}, up to and including its {@code >} or {@code />}. */
    private Element startTag() {
        String name = name();
        if (name == null) {
            return null;
        }
        Element element = new Element(name);
        int attributes = 0;
        while (true) {
            boolean spaced = skipSpace();
            char character = text.charAt(position);
            if (character == '>') {
                position++;
                emptyElement = false;
                return element;
            }
            if (character == '/') {
                position++;
                emptyElement = true;
                return text.charAt(position++) == '>' ? element : null;
            }
            String attribute = spaced ? name() : null;
            if (attribute == null || ++attributes > 1_000 || element.hasAttribute(attribute)) {
                return null;
            }
            skipSpace();
            if (text.charAt(position++) != '=') {
                return null;
            }
            skipSpace();
            String value = attributeValue();
            if (value == null) {
                return null;
            }
            element.setAttribute(attribute, value);
        }
    }

    /** An ASCII XML name at the position, or null; a known name as its shared instance. */
    private String name() {
        int start = position;
        char first = text.charAt(position);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_')) {
            return null;
        }
        position++;
        int hash = first;
        while (position < text.length()) {
            char character = text.charAt(position);
            if (character >= 'a' && character <= 'z' || character >= 'A' && character <= 'Z'
                    || character >= '0' && character <= '9' || character == ':' || character == '-'
                    || character == '.' || character == '_') {
                hash = 31 * hash + character;
                position++;
            } else {
                break;
            }
        }
        if (position - start > MAX_NAME_LENGTH) {
            return null;
        }
        String known = StorageNames.find(text, start, position, hash);
        return known != null ? known : text.substring(start, position);
    }

    /** Skips spaces, tabs and line feeds; returns whether there was any. */
    private boolean skipSpace() {
        int start = position;
        while (position < text.length()) {
            char character = text.charAt(position);
            if (character != ' ' && character != '\t' && character != '\n') {
                break;
            }
            position++;
        }
        return position > start;
    }

    /** A quoted attribute value, normalised as XML requires (a tab or line feed reads as a space). */
    private String attributeValue() {
        char quote = text.charAt(position++);
        if (quote != '"' && quote != '\'') {
            return null;
        }
        StringBuilder value = null;
        int start = position;
        while (true) {
            char character = text.charAt(position);
            if (character == quote) {
                String plain = text.substring(start, position);
                position++;
                return value == null ? plain : value.append(plain).toString();
            }
            if (character == '<') {
                return null;
            }
            if (character == '&' || character == '\t' || character == '\n') {
                value = value == null ? new StringBuilder() : value;
                value.append(text, start, position);
                if (character == '&') {
                    String replacement = replacement();
                    if (replacement == null) {
                        return null;
                    }
                    value.append(replacement);
                } else {
                    value.append(' ');
                    position++;
                }
                start = position;
                continue;
            }
            if (!allowedAt(character)) {
                return null;
            }
        }
    }

    /**
     * Reads a run of character data up to the next markup or reference, finding its {@link TextTraits}
     * on the way: the normalizer, the proof and the escaper then need not read it again.
     */
    private boolean characters() {
        int start = position;
        int length = text.length();
        int traits = 0;
        char previous = 0;
        while (position < length) {
            char character = text.charAt(position);
            if (character == '<' || character == '&') {
                break;
            }
            if (character == '>' && position - start >= 2 && text.charAt(position - 1) == ']'
                    && text.charAt(position - 2) == ']') {
                // "]]>" may not appear in text
                return false;
            }
            if (!allowedAt(character)) {
                return false;
            }
            traits |= TextTraits.of(character);
            if (character == ' ' && previous == ' ') {
                traits |= TextTraits.DOUBLE_SPACE;
            }
            previous = character;
        }
        addText(start, position, traits);
        return true;
    }

    /**
     * Whether the character at the position (known to be {@code character}) is one XML allows, and
     * moves past it, or past both halves of a surrogate pair.
     */
    private boolean allowedAt(char character) {
        if (character >= 0x20 && character < 0xD800 || character == '\n' || character == '\t') {
            position++;
            return true;
        }
        if (character < 0x20 || character == 0xFFFE || character == 0xFFFF || Character.isLowSurrogate(character)) {
            return false;
        }
        if (Character.isHighSurrogate(character)) {
            if (position + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(position + 1))) {
                return false;
            }
            position += 2;
            return true;
        }
        position++;
        return true;
    }

    private boolean reference() {
        String replacement = replacement();
        if (replacement == null) {
            return false;
        }
        joinText();
        joined.append(replacement);
        return true;
    }

    /** The text a reference at the position stands for, moving past it; null if not accepted. */
    private String replacement() {
        int semicolon = text.indexOf(';', position + 1);
        if (semicolon < 0 || semicolon - position - 1 > MAX_ENTITY_NAME_LENGTH) {
            return null;
        }
        String name = text.substring(position + 1, semicolon);
        position = semicolon + 1;
        if (name.startsWith("#")) {
            return characterReference(name);
        }
        if (name.isEmpty() || !isEntityName(name)) {
            return null;
        }
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            default:
                if (!Entities.isNamedEntity(name) || ++expansions > MAX_EXPANSIONS) {
                    return null;
                }
                return Entities.getByName(name);
        }
    }

    /** The names {@link StorageParser} declares HTML entities for: a letter, then letters and digits. */
    private static boolean isEntityName(String name) {
        for (int index = 0; index < name.length(); index++) {
            char character = name.charAt(index);
            boolean letter = character >= 'a' && character <= 'z' || character >= 'A' && character <= 'Z';
            if (!letter && (index == 0 || character < '0' || character > '9')) {
                return false;
            }
        }
        return true;
    }

    private static String characterReference(String name) {
        boolean hex = name.startsWith("#x");
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 8) {
            return null;
        }
        int codePoint = 0;
        for (int index = 0; index < digits.length(); index++) {
            int digit = Character.digit(digits.charAt(index), hex ? 16 : 10);
            if (digit < 0 || digits.charAt(index) > 'f') {
                return null;
            }
            codePoint = codePoint * (hex ? 16 : 10) + digit;
        }
        boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
        return allowed ? new String(Character.toChars(codePoint)) : null;
    }

    /** Reads a comment; its text may not hold {@code --}. */
    private boolean comment(Element parent) {
        int start = position + 4;
        int end = text.indexOf("--", start);
        if (end < 0 || text.charAt(end + 2) != '>' || !allowedBetween(start, end)) {
            return false;
        }
        parent.appendChild(Node.comment(text.substring(start, end)));
        position = end + 3;
        return true;
    }

    /** Reads a CDATA section as text. */
    private boolean cdata() {
        int start = position + "<![CDATA[".length();
        int end = text.indexOf("]]>", start);
        if (end < 0 || !allowedBetween(start, end)) {
            return false;
        }
        position = end + 3;
        addText(start, end, -1);
        return true;
    }

    /** Whether every character between two positions is one XML allows. */
    private boolean allowedBetween(int start, int end) {
        int saved = position;
        position = start;
        try {
            while (position < end) {
                if (!allowedAt(text.charAt(position))) {
                    return false;
                }
            }
            return position == end;
        } finally {
            position = saved;
        }
    }

    private void addText(int start, int end, int traits) {
        if (start == end) {
            return;
        }
        if (sliceStart < 0 && joined.length() == 0) {
            sliceStart = start;
            sliceEnd = end;
            sliceTraits = traits;
        } else {
            joinText();
            joined.append(text, start, end);
        }
    }

    private void joinText() {
        if (sliceStart >= 0) {
            joined.append(text, sliceStart, sliceEnd);
            sliceStart = -1;
        }
    }

    private void flushText(Element parent) {
        String pending;
        int traits = -1;
        if (sliceStart >= 0 && joined.length() == 0) {
            pending = text.substring(sliceStart, sliceEnd);
            traits = sliceTraits;
        } else {
            joinText();
            pending = joined.toString();
        }
        sliceStart = -1;
        joined.setLength(0);
        if (!pending.isEmpty()) {
            parent.appendChild(Node.text(pending, traits));
        }
    }
}
