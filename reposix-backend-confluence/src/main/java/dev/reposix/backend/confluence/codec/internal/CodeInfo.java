package dev.reposix.backend.confluence.codec.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the info string of a fenced code block ({@code java linenumbers=true title="Build"}) into
 * a code macro: the first word without {@code =} is the language, {@code name=value} pairs are
 * the macro's other parameters. Stateless, thread-safe.
 */
final class CodeInfo {

    private static final Pattern TOKEN = Pattern.compile("([^\\s=\"]+)=(?:\"([^\"]*)\"|(\\S+))|(\\S+)");

    private CodeInfo() {
    }

    /**
     * The code macro for a fenced block.
     *
     * @param info the info string
     * @param code the code
     * @return the storage
     */
    static String macro(String info, String code) {
        StringBuilder out = new StringBuilder("<ac:structured-macro ac:name=\"code\" ac:schema-version=\"1\">");
        Matcher matcher = TOKEN.matcher(info.strip());
        boolean first = true;
        while (matcher.find()) {
            if (matcher.group(4) != null) {
                if (first) {
                    parameter(out, "language", matcher.group(4));
                }
            } else {
                parameter(out, matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
            }
            first = false;
        }
        return out.append("<ac:plain-text-body>").append(Xml.cdata(code))
                .append("</ac:plain-text-body></ac:structured-macro>").toString();
    }

    private static void parameter(StringBuilder out, String name, String value) {
        out.append("<ac:parameter ac:name=\"").append(Xml.text(name)).append("\">").append(Xml.text(value))
                .append("</ac:parameter>");
    }
}
