package dev.reposix.core.layout;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The settings committed at {@code .reposix/config} in every working tree and mirror, so that every
 * command and every machine renders the tree alike. Immutable and thread-safe.
 *
 * <p>The file is in git-config syntax, so {@code git config -f .reposix/config reposix.layout}
 * reads it too; see docs/reference/file-format.md.
 *
 * @param scheme the backend scheme, e.g. {@code confluence}
 * @param project the project in the source of truth, e.g. the space key {@code ENG}
 * @param layout tree or flat
 * @param recordsFolder the folder records live under, e.g. {@code pages}
 * @param renderVersion the version of the rendering rules the tree was written with
 */
public record TreeConfig(String scheme, String project, LayoutKind layout, String recordsFolder, int renderVersion) {

    /** Where the file lives, relative to the tree root. */
    public static final String PATH = ".reposix/config";

    /** Where the attributes file lives, relative to the tree root. */
    public static final String GITATTRIBUTES_PATH = ".gitattributes";

    /** The render version this reposix writes; trees with a higher one are refused. */
    public static final int CURRENT_RENDER_VERSION = 1;

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /**
     * Validates.
     *
     * @param scheme the scheme
     * @param project the project
     * @param layout the layout kind
     * @param recordsFolder the records folder
     * @param renderVersion the render version, at least 1
     */
    public TreeConfig {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(project, "project is null");
        requireNonNull(layout, "layout is null");
        RecordsFolder.validate(recordsFolder);
        if (!SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("scheme must be lower-case letters, digits and -: '" + scheme + "'");
        }
        if (project.isEmpty() || project.length() > 255 || project.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("project must be 1..255 characters without control characters");
        }
        if (renderVersion < 1) {
            throw new IllegalArgumentException("render version must be at least 1: " + renderVersion);
        }
    }

    /**
     * The settings of a new tree: records under {@code pages/}, the current render version.
     *
     * @param scheme the backend scheme
     * @param project the project
     * @param layout tree or flat
     * @return the settings
     */
    public static TreeConfig of(String scheme, String project, LayoutKind layout) {
        return new TreeConfig(scheme, project, layout, RecordsFolder.DEFAULT, CURRENT_RENDER_VERSION);
    }

    /**
     * The layout these settings describe.
     *
     * @return the layout
     */
    public Layout toLayout() {
        return Layout.of(layout, recordsFolder);
    }

    /**
     * The file text, deterministic.
     *
     * @return the content of {@code .reposix/config}
     */
    public String render() {
        return TreeConfigFormat.render(this);
    }

    /**
     * Reads the file strictly: unknown or missing keys are errors, and so is a render version newer
     * than this reposix knows.
     *
     * @param content the bytes of {@code .reposix/config}
     * @return the settings
     * @throws ReposixException (USER) naming the line that is wrong
     */
    public static TreeConfig parse(byte[] content) {
        return TreeConfigFormat.parse(content);
    }

    /**
     * The content of {@code .gitattributes}: record files are text with LF line ends on every
     * platform, so renders are byte-identical everywhere; attachment files are binary, never
     * converted (a PNG starts with CR LF).
     *
     * @return e.g. {@code pages/** text eol=lf} and {@code pages/**}{@code /*.assets/** binary}, one per line
     */
    public String gitattributes() {
        return recordsFolder + "/** text eol=lf\n" + recordsFolder + "/**/*.assets/** binary\n";
    }
}
