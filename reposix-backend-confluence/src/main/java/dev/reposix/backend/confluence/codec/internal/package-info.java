/**
 * Internals of the storage ⇄ Markdown codec; not API. Storage is parsed by {@code StorageParser},
 * normalized by {@code StorageNormalizer}, written by {@code MarkdownWriter} (block by block, each
 * block proven by a round trip) and read back by {@code MarkdownReader} on flexmark.
 */
package dev.reposix.backend.confluence.codec.internal;
