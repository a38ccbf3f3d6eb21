package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.ReposixException;

/**
 * How a page write ended as far as the answer tells. Only {@link Saved} is certain: after the
 * others the write may still have been applied, by this very request (its answer lost, then the
 * transport sent it again) or by someone else, so the caller looks at the page before deciding.
 * Immutable values.
 */
sealed interface WriteAnswer {

    /** Confluence saved the page and answered with it. */
    record Saved(JsonNode page) implements WriteAnswer {
    }

    /** 409 to an update: the version number is taken. */
    record VersionTaken() implements WriteAnswer {
    }

    /** 400 to a create, for example because a page with the title exists. */
    record Refused(ReposixException refusal) implements WriteAnswer {
    }

    /** The request may have been sent, but no answer came back. */
    record Lost(ReposixException failure) implements WriteAnswer {
    }
}
