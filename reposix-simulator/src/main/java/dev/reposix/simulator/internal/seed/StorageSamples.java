package dev.reposix.simulator.internal.seed;

/**
 * Fragments of Confluence storage XHTML as the Cloud editor writes them, used to build the demo
 * space. Each covers one construct a converter must survive. Stateless, thread-safe.
 */
public final class StorageSamples {
    private StorageSamples() {
    }

    /** Headings, emphasis and nested lists. */
    public static String richText(String topic) {
        return "<h1>" + topic + "</h1>"
            + "<p>This page explains <strong>" + topic + "</strong> in <em>plain</em> words, with "
            + "<code>inline code</code>, <u>underline</u>, <s>strike</s> and a "
            + "<a href=\"https://example.com/docs\">web link</a>.</p>"
            + "<h2>Key points</h2>"
            + "<ul><li><p>First point</p><ul><li><p>Nested detail</p><ol><li><p>Deep step one</p></li>"
            + "<li><p>Deep step two</p></li></ol></li></ul></li><li><p>Second point</p></li></ul>"
            + "<h3>Summary</h3><p>Read on for the details.</p>";
    }

    /** A table with a header row and merged cells (colspan and rowspan). */
    public static String mergedTable() {
        return "<table data-layout=\"default\"><colgroup><col style=\"width: 200.0px;\" /><col /><col /></colgroup>"
            + "<tbody><tr><th><p>Component</p></th><th colspan=\"2\"><p>Owners</p></th></tr>"
            + "<tr><td rowspan=\"2\"><p>Cache</p></td><td><p>Alice</p></td><td><p>Bob</p></td></tr>"
            + "<tr><td colspan=\"2\"><p>Shared with <em>mirror</em></p></td></tr>"
            + "<tr><td><p>Helper</p></td><td><p>Carol</p></td><td><p>-</p></td></tr></tbody></table>";
    }

    /** A code macro with a language parameter and a CDATA body. */
    public static String codeMacro(String language, String code) {
        return "<ac:structured-macro ac:name=\"code\" ac:schema-version=\"1\" ac:macro-id=\"c0de-" + language + "\">"
            + "<ac:parameter ac:name=\"language\">" + language + "</ac:parameter>"
            + "<ac:parameter ac:name=\"linenumbers\">true</ac:parameter>"
            + "<ac:plain-text-body><![CDATA[" + code + "]]></ac:plain-text-body></ac:structured-macro>";
    }

    /** An info, note, warning or tip panel. */
    public static String panel(String kind, String text) {
        return "<ac:structured-macro ac:name=\"" + kind + "\" ac:schema-version=\"1\">"
            + "<ac:rich-text-body><p>" + text + "</p></ac:rich-text-body></ac:structured-macro>";
    }

    /** A task list with one done and one open task. */
    public static String taskList() {
        return "<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status>"
            + "<ac:task-body>Install reposix</ac:task-body></ac:task>"
            + "<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status>"
            + "<ac:task-body>Run the <strong>first sync</strong></ac:task-body></ac:task></ac:task-list>";
    }

    /** A link to another page by title, with and without a link body. */
    public static String pageLink(String title) {
        return "<p>See <ac:link><ri:page ri:content-title=\"" + title + "\" /></ac:link> and "
            + "<ac:link><ri:page ri:content-title=\"" + title + "\" /><ac:plain-text-link-body><![CDATA["
            + title + " (details)]]></ac:plain-text-link-body></ac:link>.</p>";
    }

    /** An image stored as an attachment. */
    public static String image(String fileName) {
        return "<p><ac:image ac:align=\"center\" ac:width=\"400\"><ri:attachment ri:filename=\"" + fileName
            + "\" /></ac:image></p>";
    }

    /** A link to a file attached to the page, e.g. a PDF. */
    public static String attachmentLink(String fileName) {
        return "<p>Download <ac:link><ri:attachment ri:filename=\"" + fileName + "\" /></ac:link>.</p>";
    }

    /** An emoticon, a status lozenge and an expand macro. */
    public static String emoticonStatusExpand() {
        return "<p>Mood: <ac:emoticon ac:name=\"smile\" ac:emoji-shortname=\":slight_smile:\" "
            + "ac:emoji-id=\"1f642\" ac:emoji-fallback=\"\uD83D\uDE42\" /> State: "
            + "<ac:structured-macro ac:name=\"status\" ac:schema-version=\"1\">"
            + "<ac:parameter ac:name=\"colour\">Green</ac:parameter>"
            + "<ac:parameter ac:name=\"title\">On track</ac:parameter></ac:structured-macro></p>"
            + "<ac:structured-macro ac:name=\"expand\" ac:schema-version=\"1\">"
            + "<ac:parameter ac:name=\"title\">Show more</ac:parameter>"
            + "<ac:rich-text-body><p>Hidden details with <em>emphasis</em>.</p></ac:rich-text-body>"
            + "</ac:structured-macro>";
    }

    /** A macro from a third-party app that no converter knows. */
    public static String unknownMacro() {
        return "<ac:structured-macro ac:name=\"com.acme.roadmap-planner\" ac:schema-version=\"1\" "
            + "data-layout=\"default\" ac:macro-id=\"3f1e9a2b\">"
            + "<ac:parameter ac:name=\"quarter\">Q3</ac:parameter>"
            + "<ac:parameter ac:name=\"teams\">core,mirror</ac:parameter></ac:structured-macro>";
    }
}
