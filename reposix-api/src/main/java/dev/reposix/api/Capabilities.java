package dev.reposix.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The optional operations a backend supports. Immutable and thread-safe.
 *
 * @param supported the supported optional operations
 * @since 0.1
 */
public record Capabilities(Set<Capability> supported) {

    /** No optional operation: a read-only, flat backend. */
    public static final Capabilities READ_ONLY = new Capabilities(Set.of());

    /**
     * Validates and copies.
     *
     * @param supported the supported optional operations
     */
    public Capabilities {
        supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
    }

    /**
     * Capabilities from a list of constants.
     *
     * @param capabilities the supported operations
     * @return the capabilities
     */
    public static Capabilities of(Capability... capabilities) {
        return new Capabilities(Set.of(capabilities));
    }

    /**
     * Every capability this API version knows.
     *
     * @return all capabilities
     */
    public static Capabilities all() {
        return new Capabilities(EnumSet.allOf(Capability.class));
    }

    /**
     * Whether an operation is supported.
     *
     * @param capability the operation
     * @return {@code true} if supported
     */
    public boolean supports(Capability capability) {
        return supported.contains(capability);
    }

    /**
     * Throws the standard UNSUPPORTED error unless the operation is supported; a convenience for
     * backends that guard an operation at its start.
     *
     * @param scheme the backend's scheme, for the message
     * @param capability the operation about to run
     * @throws ReposixException with {@link StandardErrorCode#UNSUPPORTED_OPERATION}
     */
    public void require(String scheme, Capability capability) {
        if (!supports(capability)) {
            throw ReposixException.unsupported(scheme, capability);
        }
    }
}
