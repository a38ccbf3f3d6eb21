package dev.reposix.backend.confluence.codec;

import java.util.List;
import java.util.Random;

/**
 * Generates random storage bodies from a grammar of the constructs the codec knows: headings,
 * paragraphs with nested inline formatting, links, page links, images, status and inline macros,
 * nested lists (editor and legacy shapes), task lists, quotes, rules, pipe-able and merged tables
 * (with macros in cells), code macros, panels and expands holding lists and code, unknown macros,
 * layouts, aligned paragraphs and text full of Markdown look-alike characters. With {@code prettyOnly} it leaves out
 * everything that may legitimately be kept verbatim. Not thread-safe (holds a {@link Random}).
 */
public final class StorageGrammar {

    private static final List<String> WORDS = List.of("alpha", "beta", "gamma", "delta", "sync", "mirror", "cache",
            "page", "Confluence", "reposix", "a*b", "snake_case", "_lead", "trail_", "1.", "2)", "#", "# x", "[x]",
            "[ ]", "<tag>", "&", "&amp;", "|", "~", "~~", "`tick`", "\\", "--", "-->", "]]>", "*", "**", "-", "+",
            "> quote", "!", "![", "x_y_z", "e.g.", "(paren)", "\"quoted\"", "'single'", "=", "===", "---", "café",
            "→", "日本", "😀", "http://example.com", "a&b", "&nbsp;", "&ndash;", "&rarr;", "&lt;", "&gt;");
    private static final List<String> LANGUAGES = List.of("java", "bash", "python", "xml", "text", "sql");
    private static final List<String> PANELS = List.of("info", "tip", "note", "warning");

    private final Random random;
    private final boolean prettyOnly;

    /** A grammar drawing from a random source with this seed; public for the internal package's tests. */
    public StorageGrammar(long seed, boolean prettyOnly) {
        this.random = new Random(seed);
        this.prettyOnly = prettyOnly;
    }

    /** The next random storage body. */
    public String document() {
        StringBuilder out = new StringBuilder();
        int blocks = 1 + random.nextInt(5);
        for (int index = 0; index < blocks; index++) {
            if (!prettyOnly && random.nextInt(12) == 0) {
                out.append(layout());
            } else {
                out.append(block(0));
            }
            if (random.nextInt(4) == 0) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private String layout() {
        StringBuilder out = new StringBuilder("<ac:layout><ac:layout-section ac:type=\"two_equal\">");
        for (int cell = 0; cell < 2; cell++) {
            out.append("<ac:layout-cell>").append(block(1)).append(block(1)).append("</ac:layout-cell>");
        }
        return out.append("</ac:layout-section></ac:layout>").toString();
    }

    private String block(int depth) {
        int choice = random.nextInt(depth > 2 ? 4 : 16);
        return switch (choice) {
            case 0, 1, 2 -> (random.nextInt(8) == 0 ? "<p style=\"text-align: center;\">" : "<p>") + inline(2) + "</p>";
            case 3 -> heading(1 + random.nextInt(6));
            case 4, 5 -> list(depth, random.nextBoolean() ? "ul" : "ol");
            case 6 -> taskList();
            case 7 -> "<blockquote><p>" + inline(2) + "</p></blockquote>";
            case 8 -> "<hr />";
            case 9 -> table();
            case 10 -> code();
            case 11 -> panel(depth);
            case 12 -> expand(depth);
            case 13 -> prettyOnly ? "<p>" + inline(1) + "</p>" : unknownMacro();
            case 14 -> "<p>" + inline(3) + "<br />" + inline(1) + "</p>";
            default -> prettyOnly ? "<p>" + pageLink() + "</p>" : "<p />";
        };
    }

    private String heading(int level) {
        return "<h" + level + ">" + inline(1) + "</h" + level + ">";
    }

    private String list(int depth, String name) {
        StringBuilder out = new StringBuilder("<" + name + ">");
        int items = 1 + random.nextInt(3);
        boolean editorShape = random.nextBoolean();
        for (int index = 0; index < items; index++) {
            out.append("<li>").append(editorShape ? "<p>" + inline(1) + "</p>" : inline(1));
            if (depth < 3 && random.nextInt(3) == 0) {
                out.append(list(depth + 1, random.nextBoolean() ? "ul" : "ol"));
            } else if (depth < 2 && random.nextInt(8) == 0) {
                out.append(code());
            }
            out.append("</li>");
        }
        return out.append("</").append(name).append('>').toString();
    }

    private String taskList() {
        StringBuilder out = new StringBuilder("<ac:task-list>");
        int tasks = 1 + random.nextInt(3);
        for (int index = 0; index < tasks; index++) {
            out.append("<ac:task><ac:task-id>").append(100 + random.nextInt(900)).append("</ac:task-id><ac:task-status>")
                    .append(random.nextBoolean() ? "complete" : "incomplete").append("</ac:task-status><ac:task-body>")
                    .append(inline(1)).append("</ac:task-body></ac:task>");
        }
        return out.append("</ac:task-list>").toString();
    }

    private String table() {
        boolean merged = !prettyOnly && random.nextInt(3) == 0;
        boolean wrapped = random.nextBoolean();
        int columns = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder(random.nextBoolean() ? "<table data-layout=\"default\">" : "<table>");
        if (random.nextBoolean()) {
            out.append("<colgroup>").append("<col style=\"width: 120.0px;\" />".repeat(columns)).append("</colgroup>");
        }
        out.append("<tbody>");
        int rows = 1 + random.nextInt(3);
        for (int row = 0; row < rows; row++) {
            out.append("<tr>");
            String cell = row == 0 ? "th" : "td";
            for (int column = 0; column < columns; column++) {
                String span = merged && row == 1 && column == 0 ? " colspan=\"1\"" : "";
                String content = !prettyOnly && random.nextInt(10) == 0 ? code() : inline(1);
                out.append('<').append(cell).append(span).append('>').append(wrapped ? "<p>" + content + "</p>" : content)
                        .append("</").append(cell).append('>');
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private String code() {
        StringBuilder code = new StringBuilder();
        int lines = random.nextInt(4);
        for (int line = 0; line < lines; line++) {
            code.append(line == 0 ? "" : "\n").append(random.nextInt(3) == 0 ? "  " : "").append(words(3));
        }
        String language = random.nextInt(4) == 0 ? ""
                : "<ac:parameter ac:name=\"language\">" + LANGUAGES.get(random.nextInt(LANGUAGES.size())) + "</ac:parameter>";
        String lineNumbers = random.nextInt(4) == 0 ? "<ac:parameter ac:name=\"linenumbers\">true</ac:parameter>" : "";
        return "<ac:structured-macro ac:name=\"code\" ac:schema-version=\"1\" ac:macro-id=\"m" + random.nextInt(999) + "\">"
                + language + lineNumbers + "<ac:plain-text-body><![CDATA[" + code + "]]></ac:plain-text-body></ac:structured-macro>";
    }

    private String panel(int depth) {
        String title = random.nextBoolean() ? "" : "<ac:parameter ac:name=\"title\">" + words(2) + "</ac:parameter>";
        return "<ac:structured-macro ac:name=\"" + PANELS.get(random.nextInt(PANELS.size())) + "\" ac:schema-version=\"1\">"
                + title + "<ac:rich-text-body>" + block(depth + 1) + (random.nextBoolean() ? block(depth + 1) : "")
                + "</ac:rich-text-body></ac:structured-macro>";
    }

    private String expand(int depth) {
        String title = random.nextBoolean() ? "" : "<ac:parameter ac:name=\"title\">" + words(2) + "</ac:parameter>";
        return "<ac:structured-macro ac:name=\"expand\" ac:schema-version=\"1\">" + title + "<ac:rich-text-body>"
                + block(depth + 1) + "</ac:rich-text-body></ac:structured-macro>";
    }

    private String unknownMacro() {
        return "<ac:structured-macro ac:name=\"com.acme.widget\" ac:schema-version=\"1\" ac:macro-id=\"w1\">"
                + "<ac:parameter ac:name=\"mode\">" + words(1) + "</ac:parameter></ac:structured-macro>";
    }

    private String inline(int budget) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int index = 0; index < parts; index++) {
            if (index > 0 && random.nextBoolean()) {
                out.append(' ');
            }
            out.append(inlinePart(budget));
        }
        return out.toString();
    }

    private String inlinePart(int budget) {
        int choice = random.nextInt(budget <= 0 ? 2 : 16);
        return switch (choice) {
            case 0, 1 -> words(1 + random.nextInt(4));
            case 2 -> "<strong>" + inline(budget - 1) + "</strong>";
            case 3 -> "<em>" + inline(budget - 1) + "</em>";
            case 4 -> "<s>" + words(2) + "</s>";
            case 5 -> "<code>" + words(2) + "</code>";
            case 6 -> "<a href=\"https://example.com/" + random.nextInt(100) + "\">" + words(2) + "</a>";
            case 7 -> pageLink();
            case 8 -> "<ac:image" + (random.nextBoolean() ? " ac:width=\"300\"" : "") + "><ri:attachment ri:filename=\"img "
                    + random.nextInt(9) + ".png\" /></ac:image>";
            case 9 -> "<ac:structured-macro ac:name=\"status\" ac:schema-version=\"1\"><ac:parameter ac:name=\"colour\">Green"
                    + "</ac:parameter><ac:parameter ac:name=\"title\">" + words(1) + "</ac:parameter></ac:structured-macro>";
            case 10 -> !prettyOnly && random.nextBoolean() ? "<ac:emoticon ac:name=\"smile\" />"
                    : "<ac:emoticon ac:name=\"tick\" ac:emoji-shortname=\":check_mark:\" ac:emoji-id=\"2714\""
                    + " ac:emoji-fallback=\"\u2714\" />";
            case 11 -> "<ac:inline-comment-marker ac:ref=\"r" + random.nextInt(99) + "\">" + words(2)
                    + "</ac:inline-comment-marker>";
            case 12 -> "<span style=\"color: rgb(255,0,0);\">" + words(1) + "</span>";
            case 13 -> "<sup>" + words(1) + "</sup>";
            case 14 -> "<u>" + inline(budget - 1) + "</u>";
            default -> words(2);
        };
    }

    private String pageLink() {
        String title = random.nextBoolean() ? "Runbook" : random.nextBoolean() ? "Ops &amp; on-call" : "Missing page";
        String body = random.nextBoolean() ? ""
                : "<ac:plain-text-link-body><![CDATA[" + words(2).replace("&", "and") + "]]></ac:plain-text-link-body>";
        String anchor = random.nextInt(4) == 0 ? " ac:anchor=\"step-2\"" : "";
        return "<ac:link" + anchor + "><ri:page ri:content-title=\"" + title + "\" />" + body + "</ac:link>";
    }

    private String words(int count) {
        StringBuilder out = new StringBuilder();
        for (int index = 0; index < count; index++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            word = word.replace("&", "&amp;").replace("&amp;nbsp;", "&nbsp;").replace("&amp;ndash;", "&ndash;")
                    .replace("&amp;rarr;", "&rarr;").replace("&amp;lt;", "&lt;").replace("&amp;gt;", "&gt;")
                    .replace("&amp;amp;", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            out.append(index == 0 ? "" : " ").append(word);
        }
        return out.toString();
    }
}
