package dev.reposix.backend.confluence.codec.internal;

/**
 * Thrown inside the Markdown writer when a storage construct has no faithful Markdown form in
 * the current writing mode; the writer then tries a plainer mode or keeps the block verbatim.
 * Never escapes the codec. Not serializable state; thread confinement as any exception.
 */
public final class NotRepresentable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the signal.
     *
     * @param reason what could not be written, for debugging
     */
    public NotRepresentable(String reason) {
        super(reason, null, false, false);
    }
}
