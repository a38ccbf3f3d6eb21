package dev.reposix.backend.confluence.codec.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, without the round trip, that a block of the plainest and most common shapes survives
 * it: a paragraph, heading or tight list of plain words with at most unnested bold and italic
 * runs, and a code macro whose fence and info string are unambiguous. The round trip through
 * flexmark and the XML parser costs tens of microseconds per block and dominated the conversion
 * of a page.
 *
 * <p>Why this is sound: the decision is only ever "survives", and only when the writer's Markdown
 * is exactly the text this class predicts from the element. That text uses no character CommonMark
 * gives a meaning to other than the {@code **}/{@code *} runs this class placed (letters, digits,
 * spaces and inert punctuation; no line start that opens another block; each run opens before a
 * letter or digit and closes after one, never next to another run), and the fenced code has no
 * backtick, carriage return or control character. So the reader rebuilds exactly the element's
 * children, which normalize to themselves and carry no attribute or id the canonical form or the
 * writer could see differently; the canonical texts are equal and the writer writes the same
 * Markdown again. Anything else answers "undecided" and gets the full proof. The tests check that
 * every "survives" here agrees with the full proof.
 *
 * <p>Stateless, thread-safe.
 */
final class PlainBlockProof {

    private static final String INERT_PUNCTUATION = " .,;:?'\"()/%+=-";
    private static final boolean[] INERT_ASCII = inertAscii();
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]+");
    private static final Pattern BARE_VALUE = Pattern.compile("[A-Za-z0-9_.:/#+-]+");

    private PlainBlockProof() {
    }

    /**
     * Whether the block certainly survives the round trip; false means undecided, not failed.
     *
     * @param element the normalized block element
     * @param markdown the Markdown the writer made of it
     * @param mode the mode it was written in
     * @param alternate whether a list used its second marker
     * @return true only if the full proof would succeed
     */
    static boolean survives(Element element, String markdown, WriteMode mode, boolean alternate) {
        if (mode != WriteMode.PRETTY) {
            return false;
        }
        String expected = expectedMarkdown(element, alternate);
        return expected != null && expected.equals(markdown);
    }

    private static String expectedMarkdown(Element element, boolean alternate) {
        String name = element.getTagName();
        if ("ac:structured-macro".equals(name)) {
            return codeFence(element);
        }
        if (element.attributeCount() > 0) {
            return null;
        }
        switch (name) {
            case "p" -> {
                return plainInline(element);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = plainInline(element);
                return text == null ? null : "#".repeat(name.charAt(1) - '0') + " " + text;
            }
            case "ul", "ol" -> {
                return tightList(element, "ol".equals(name), alternate);
            }
            default -> {
                return null;
            }
        }
    }

    private static String tightList(Element list, boolean ordered, boolean alternate) {
        StringBuilder out = new StringBuilder();
        int number = 0;
        for (Node child = list.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!Dom.is(child, "li") || ((Element) child).attributeCount() > 0) {
                return null;
            }
            String text = plainInline(child);
            if (text == null) {
                return null;
            }
            number++;
            String marker = ordered ? number + (alternate ? ")" : ".") : alternate ? "*" : "-";
            out.append(number == 1 ? "" : "\n").append(marker).append(' ').append(text);
        }
        return number == 0 ? null : out.toString();
    }

    /**
     * The Markdown of inline content that is plain text with unnested, non-adjacent bold and
     * italic runs, starting with a letter and ending without a space; null for anything else.
     */
    private static String plainInline(Node parent) {
        Node first = parent.getFirstChild();
        if (!Dom.isText(first) || first.getNodeValue().isEmpty() || !Character.isLetter(first.getNodeValue().charAt(0))) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Node last = null;
        for (Node child = first; child != null; child = child.getNextSibling()) {
            if (Dom.isText(child)) {
                if (Dom.isText(last) || !inert(child)) {
                    return null;
                }
                out.append(child.getNodeValue());
            } else {
                String delimiter = delimiter(child);
                if (delimiter == null || !Dom.isText(last)) {
                    return null;
                }
                String text = child.getFirstChild().getNodeValue();
                out.append(delimiter).append(text).append(delimiter);
            }
            last = child;
        }
        return out.charAt(out.length() - 1) == ' ' ? null : out.toString();
    }

    /** The delimiter of a plain bold or italic element around one inert word run, or null. */
    private static String delimiter(Node node) {
        String delimiter = Dom.is(node, "strong") ? "**" : Dom.is(node, "em") ? "*" : null;
        if (delimiter == null || ((Element) node).attributeCount() > 0) {
            return null;
        }
        Node only = node.getFirstChild();
        if (!Dom.isText(only) || only.getNextSibling() != null) {
            return null;
        }
        String text = only.getNodeValue();
        boolean edgesAreWordCharacters = !text.isEmpty() && Character.isLetterOrDigit(text.charAt(0))
                && Character.isLetterOrDigit(text.charAt(text.length() - 1));
        return edgesAreWordCharacters && inert(only) ? delimiter : null;
    }

    /** Whether a text holds only letters, digits, single spaces and punctuation Markdown reads as text. */
    private static boolean inert(Node text) {
        return !text.getNodeValue().isEmpty()
                && (text.textTraits() & (TextTraits.NOT_INERT | TextTraits.DOUBLE_SPACE)) == 0;
    }

    /**
     * Whether a character is inert: a letter, a digit, a space or punctuation Markdown reads as text.
     *
     * @param character the character
     * @return true if it is
     */
    static boolean isInert(char character) {
        return character < INERT_ASCII.length ? INERT_ASCII[character] : Character.isLetterOrDigit(character);
    }

    /** For each ASCII character, whether it is a letter, a digit or inert punctuation (a lookup, not two calls). */
    private static boolean[] inertAscii() {
        boolean[] inert = new boolean[128];
        for (char character = 0; character < inert.length; character++) {
            inert[character] = Character.isLetterOrDigit(character) || INERT_PUNCTUATION.indexOf(character) >= 0;
        }
        return inert;
    }

    /**
     * The fenced block of a code macro with a bare language, bare options and code without
     * backticks or control characters other than line feeds; null for any other macro.
     */
    private static String codeFence(Element macro) {
        if (!"code".equals(macro.getAttribute("ac:name"))
                || !Dom.hasOnlyAttributes(macro, BlockWriter.MACRO_IGNORED_ATTRIBUTES)) {
            return null;
        }
        String language = null;
        String code = null;
        StringBuilder options = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (Node child = macro.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!Dom.isElement(child) || code != null) {
                // text in the macro, or anything after the body
                return null;
            }
            Element element = (Element) child;
            List<Node> content = Dom.children(element);
            if (content.size() != 1 || !Dom.isText(content.get(0))) {
                return null;
            }
            String value = content.get(0).getNodeValue();
            if (Dom.is(element, "ac:plain-text-body") && element.attributeCount() == 0) {
                code = value;
                continue;
            }
            String parameter = element.getAttribute("ac:name");
            if (!Dom.is(element, "ac:parameter") || element.attributeCount() != 1 || !names.add(parameter)) {
                return null;
            }
            if ("language".equals(parameter)) {
                if (!LANGUAGE.matcher(value).matches()) {
                    return null;
                }
                language = value;
            } else if (BARE_VALUE.matcher(parameter).matches() && BARE_VALUE.matcher(value).matches()) {
                options.append(' ').append(parameter).append('=').append(value);
            } else {
                return null;
            }
        }
        if (code == null || !plainCode(code)) {
            return null;
        }
        String info = language == null ? options.toString().strip() : language + options;
        return "```" + info + "\n" + code + "\n```";
    }

    private static boolean plainCode(String code) {
        if (code.isEmpty() || code.endsWith("\n")) {
            return false;
        }
        for (int index = 0; index < code.length(); index++) {
            char character = code.charAt(index);
            if (character == '`' || character < ' ' && character != '\n' || character == '\u007f') {
                return false;
            }
        }
        return true;
    }
}
