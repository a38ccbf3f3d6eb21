/**
 * The Confluence storage XHTML ⇄ GitHub-flavoured Markdown codec: {@link
 * dev.reposix.backend.confluence.codec.StorageCodec}, the {@link
 * dev.reposix.backend.confluence.codec.PageDirectory} it resolves page links with, the {@link
 * dev.reposix.backend.confluence.codec.StorageCanonicalizer} that decides whether two bodies are the
 * same, and the codec's error codes. Everything under {@code internal} is not API.
 */
package dev.reposix.backend.confluence.codec;
