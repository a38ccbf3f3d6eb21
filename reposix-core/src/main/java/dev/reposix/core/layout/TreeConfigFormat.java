package dev.reposix.core.layout;

import dev.reposix.api.ReposixException;
import dev.reposix.core.render.RenderErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and reads {@code .reposix/config} in the subset of git-config syntax reposix writes: one
 * {@code [reposix]} section, {@code key = "value"} lines, comments with {@code #} or {@code ;}.
 * A hand-written reader rather than JGit's so that core stays free of JGit (reposix-git owns it)
 * and errors name the line. Thread-safe (stateless).
 */
final class TreeConfigFormat {

    private static final String SECTION = "reposix";
    private static final List<String> KEYS = List.of("scheme", "project", "layout", "recordsfolder", "renderversion");
    private static final String SOURCE = TreeConfig.PATH;

    private TreeConfigFormat() {
    }

    static String render(TreeConfig config) {
        return "# Written by reposix and read by every reposix command; do not edit.\n"
                + "[" + SECTION + "]\n"
                + "\tscheme = " + quote(config.scheme()) + "\n"
                + "\tproject = " + quote(config.project()) + "\n"
                + "\tlayout = " + quote(config.layout().configName()) + "\n"
                + "\trecordsFolder = " + quote(config.recordsFolder()) + "\n"
                + "\trenderVersion = " + config.renderVersion() + "\n";
    }

    static TreeConfig parse(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ReposixException(RenderErrorCode.NOT_UTF8, SOURCE + " is not UTF-8; restore it with"
                    + " `git checkout -- " + SOURCE + "`", notUtf8);
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean inSection = false;
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.equals("[" + SECTION + "]") || inSection) {
                    throw invalid(lineNumber, "only one [" + SECTION + "] section is allowed, not " + line);
                }
                inSection = true;
                continue;
            }
            int equals = line.indexOf('=');
            if (!inSection || equals < 0) {
                throw invalid(lineNumber, "expected key = value inside [" + SECTION + "]");
            }
            String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw invalid(lineNumber, "unknown key '" + line.substring(0, equals).strip() + "'");
            }
            if (values.put(key, value(line.substring(equals + 1).strip(), lineNumber)) != null) {
                throw invalid(lineNumber, "key '" + key + "' appears twice");
            }
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw invalid(lines.length, "key '" + key + "' is missing");
            }
        }
        return toConfig(values);
    }

    private static TreeConfig toConfig(Map<String, String> values) {
        int version;
        try {
            version = Integer.parseInt(values.get("renderversion"));
        } catch (NumberFormatException notNumber) {
            throw invalid(0, "renderVersion must be a number: '" + values.get("renderversion") + "'");
        }
        if (version > TreeConfig.CURRENT_RENDER_VERSION) {
            throw new ReposixException(RenderErrorCode.RENDER_VERSION_UNSUPPORTED, "this tree was rendered with"
                    + " render version " + version + " but this reposix knows only up to "
                    + TreeConfig.CURRENT_RENDER_VERSION + "; upgrade reposix");
        }
        LayoutKind layout = LayoutKind.ofConfigName(values.get("layout")).orElseThrow(() ->
                invalid(0, "layout must be \"tree\" or \"flat\", not '" + values.get("layout") + "'"));
        try {
            return new TreeConfig(values.get("scheme"), values.get("project"), layout, values.get("recordsfolder"),
                    version);
        } catch (IllegalArgumentException wrong) {
            throw invalid(0, wrong.getMessage());
        }
    }

    /** A quoted value with git-config's escapes, or a bare one up to a comment. */
    private static String value(String raw, int lineNumber) {
        if (!raw.startsWith("\"")) {
            int comment = indexOfAny(raw, "#;");
            return (comment < 0 ? raw : raw.substring(0, comment)).strip();
        }
        StringBuilder value = new StringBuilder();
        for (int index = 1; index < raw.length(); index++) {
            char character = raw.charAt(index);
            if (character == '"') {
                String rest = raw.substring(index + 1).strip();
                if (!rest.isEmpty() && !rest.startsWith("#") && !rest.startsWith(";")) {
                    throw invalid(lineNumber, "unexpected text after the closing quote");
                }
                return value.toString();
            }
            if (character == '\\' && index + 1 < raw.length()) {
                char escaped = raw.charAt(++index);
                if (escaped != '\\' && escaped != '"') {
                    throw invalid(lineNumber, "unknown escape \\" + escaped);
                }
                value.append(escaped);
            } else {
                value.append(character);
            }
        }
        throw invalid(lineNumber, "the quoted value is not closed");
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int indexOfAny(String text, String characters) {
        for (int index = 0; index < text.length(); index++) {
            if (characters.indexOf(text.charAt(index)) >= 0) {
                return index;
            }
        }
        return -1;
    }

    private static ReposixException invalid(int line, String problem) {
        return new ReposixException(RenderErrorCode.TREE_CONFIG_INVALID, SOURCE + (line > 0 ? ":" + line : "") + ": "
                + problem + "; restore the file with `git checkout -- " + SOURCE + "`");
    }
}
