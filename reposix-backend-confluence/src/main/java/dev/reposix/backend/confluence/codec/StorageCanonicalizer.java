package dev.reposix.backend.confluence.codec;

import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.internal.Canonical;
import dev.reposix.backend.confluence.codec.internal.StorageNormalizer;
import dev.reposix.backend.confluence.codec.internal.StorageParser;
import dev.reposix.backend.confluence.codec.internal.Element;

/**
 * Reduces a storage body to a canonical text, so that two bodies Confluence renders alike compare
 * equal: attributes sorted; ids Confluence assigns on save dropped ({@code ac:local-id},
 * {@code local-id}, {@code ac:macro-id}, {@code ac:schema-version}, task ids); insignificant
 * whitespace removed (between blocks, at block edges, beside line breaks; runs collapsed, except in
 * code bodies and macro parameters); CDATA read as text; macro parameters ordered by name; a list
 * item's or table cell's lone leading paragraph unwrapped; a page link's text dropped when it
 * equals the page title. The backend compares canonical texts to decide whether a page really
 * changed.
 *
 * <p>Stateless and thread-safe.
 */
public final class StorageCanonicalizer {

    /**
     * Canonicalizes a body.
     *
     * @param storage the body in storage format
     * @return its canonical text
     * @throws ReposixException {@link CodecErrorCode#MALFORMED_STORAGE} when it is not well-formed
     */
    public String canonicalize(String storage) {
        Element root = StorageParser.parse(storage);
        StorageNormalizer.normalize(root);
        return Canonical.ofChildren(root);
    }
}
