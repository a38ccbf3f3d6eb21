package dev.reposix.backend.confluence.codec.internal;

import org.jsoup.parser.Parser;

/** Escaping for storage written by hand. Stateless, thread-safe. */
final class Xml {

    private Xml() {
    }

    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\u00a0' -> out.append("&nbsp;");
                default -> out.append(character);
            }
        }
        return out.toString();
    }

    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** Decodes the HTML entities in text a person may have written into an HTML line. */
    static String unescape(String html) {
        return Parser.unescapeEntities(html, false);
    }
}
