package dev.reposix.backend.confluence.codec.internal;

/** How eagerly the Markdown writer uses Markdown syntax; see {@link InlineWriter}. Thread-safe. */
enum WriteMode {
    /** Markdown syntax wherever a construct has it. */
    PRETTY,
    /** Inline HTML for emphasis and line breaks, whose delimiter rules depend on neighbours. */
    SAFE
}
