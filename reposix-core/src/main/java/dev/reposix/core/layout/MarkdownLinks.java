package dev.reposix.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the destinations of inline links, images and link reference definitions in Markdown,
 * skipping fenced code, code spans and HTML comments. Deliberately small rather than a full
 * CommonMark parser: it only has to find destinations in both their neutral and their relative
 * form, and it errs towards treating text as code (an unrewritten link is visible and harmless,
 * a rewritten code sample is not). Indented code blocks are not recognised; the codec writes
 * fenced code. Thread-safe (stateless).
 */
final class MarkdownLinks {

    /** A destination's text, from {@code start} to {@code end}; {@code angled} if written {@code <...>}. */
    record Destination(int start, int end, boolean angled) {
    }

    private MarkdownLinks() {
    }

    static List<Destination> find(String markdown) {
        if (!mayHaveDestination(markdown)) {
            // Most bodies link nowhere: skip the code mask, which costs as much as the rest of rendering.
            return List.of();
        }
        boolean[] code = codeMask(markdown);
        List<Destination> destinations = new ArrayList<>();
        int index = 0;
        while (index < markdown.length()) {
            char character = markdown.charAt(index);
            if (code[index]) {
                index++;
            } else if (character == '\\') {
                index += 2;
            } else if (character == ']' && index + 1 < markdown.length()
                    && (markdown.charAt(index + 1) == '(' || markdown.charAt(index + 1) == ':' && startsDefinition(
                            markdown, index))) {
                Destination destination = destinationAt(markdown, index + 2);
                if (destination != null) {
                    destinations.add(destination);
                    index = destination.end();
                } else {
                    index++;
                }
            } else {
                index++;
            }
        }
        return destinations;
    }

    /** Whether the text has a {@code ](} or {@code ]:}, without which {@link #find} finds nothing. */
    private static boolean mayHaveDestination(String markdown) {
        for (int index = markdown.indexOf(']'); index >= 0 && index + 1 < markdown.length();
                index = markdown.indexOf(']', index + 1)) {
            char next = markdown.charAt(index + 1);
            if (next == '(' || next == ':') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code ]:} at {@code index} ends the label of a reference definition: {@code [x]: dest}. */
    private static boolean startsDefinition(String markdown, int index) {
        int lineStart = markdown.lastIndexOf('\n', index) + 1;
        int indent = 0;
        while (lineStart + indent < index && markdown.charAt(lineStart + indent) == ' ') {
            indent++;
        }
        return indent <= 3 && markdown.charAt(lineStart + indent) == '['
                && markdown.indexOf(']', lineStart + indent) == index;
    }

    private static Destination destinationAt(String markdown, int from) {
        int start = from;
        boolean newline = false;
        while (start < markdown.length() && (markdown.charAt(start) == ' ' || markdown.charAt(start) == '\t'
                || markdown.charAt(start) == '\n' && !newline)) {
            newline |= markdown.charAt(start) == '\n';
            start++;
        }
        if (start >= markdown.length()) {
            return null;
        }
        if (markdown.charAt(start) == '<') {
            for (int end = start + 1; end < markdown.length(); end++) {
                char character = markdown.charAt(end);
                if (character == '\n' || character == '<') {
                    return null;
                }
                if (character == '>' && markdown.charAt(end - 1) != '\\') {
                    return new Destination(start + 1, end, true);
                }
            }
            return null;
        }
        int end = start;
        int depth = 0;
        while (end < markdown.length()) {
            char character = markdown.charAt(end);
            if (character <= ' ' || character == ')' && depth == 0) {
                break;
            }
            if (character == '\\' && end + 1 < markdown.length()) {
                end++;
            }
            depth += character == '(' ? 1 : character == ')' ? -1 : 0;
            end++;
        }
        return end > start ? new Destination(start, end, false) : null;
    }

    /** Marks fenced code blocks, code spans and HTML comments. */
    private static boolean[] codeMask(String markdown) {
        boolean[] code = new boolean[markdown.length()];
        char fence = 0;
        int fenceLength = 0;
        int lineStart = 0;
        while (lineStart < markdown.length()) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? markdown.length() : lineEnd + 1;
            String stripped = markdown.substring(skipQuoteIndent(markdown, lineStart, lineEnd), lineEnd);
            int run = runLength(stripped, 0);
            boolean fenceLine = run >= 3 && (stripped.charAt(0) == '`' || stripped.charAt(0) == '~');
            if (fence != 0) {
                Arrays.fill(code, lineStart, lineEnd, true);
                if (fenceLine && stripped.charAt(0) == fence && run >= fenceLength && stripped.substring(run).isBlank()) {
                    fence = 0;
                }
            } else if (fenceLine) {
                fence = stripped.charAt(0);
                fenceLength = run;
                Arrays.fill(code, lineStart, lineEnd, true);
            }
            lineStart = lineEnd;
        }
        markSpansAndComments(markdown, code);
        return code;
    }

    /** The first index from {@code from} that is not a space, tab or {@code >}, at most {@code end}. */
    private static int skipQuoteIndent(String markdown, int from, int end) {
        int index = from;
        while (index < end && (markdown.charAt(index) == ' ' || markdown.charAt(index) == '\t'
                || markdown.charAt(index) == '>')) {
            index++;
        }
        return index;
    }

    private static void markSpansAndComments(String markdown, boolean[] code) {
        int index = 0;
        while (index < markdown.length()) {
            if (code[index]) {
                index++;
            } else if (markdown.charAt(index) == '\\') {
                index += 2;
            } else if (markdown.startsWith("<!--", index)) {
                int close = markdown.indexOf("-->", index + 4);
                int end = close < 0 ? markdown.length() : close + 3;
                Arrays.fill(code, index, end, true);
                index = end;
            } else if (markdown.charAt(index) == '`') {
                int run = runLength(markdown, index);
                int close = closingRun(markdown, code, index + run, run);
                int end = close < 0 ? index + run : close + run;
                if (close >= 0) {
                    Arrays.fill(code, index, end, true);
                }
                index = end;
            } else {
                index++;
            }
        }
    }

    /** The start of a backtick run of exactly {@code length} within the same paragraph, or -1. */
    private static int closingRun(String markdown, boolean[] code, int from, int length) {
        int index = from;
        while (index < markdown.length() && !code[index]) {
            if (markdown.startsWith("\n\n", index) || markdown.charAt(index) == '\n'
                    && markdown.substring(index + 1, Math.max(index + 1, lineEnd(markdown, index + 1))).isBlank()) {
                return -1;
            }
            if (markdown.charAt(index) == '`') {
                int run = runLength(markdown, index);
                if (run == length) {
                    return index;
                }
                index += run;
            } else {
                index++;
            }
        }
        return -1;
    }

    private static int lineEnd(String markdown, int from) {
        int end = markdown.indexOf('\n', from);
        return end < 0 ? markdown.length() : end;
    }

    private static int runLength(String text, int from) {
        if (from >= text.length()) {
            return 0;
        }
        char first = text.charAt(from);
        int end = from;
        while (end < text.length() && text.charAt(end) == first) {
            end++;
        }
        return end - from;
    }
}
