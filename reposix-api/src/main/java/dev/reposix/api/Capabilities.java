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
     * The record operations of API 0.1: create, update, delete, labels and hierarchy. The set is
     * fixed: a capability added to the API later (such as {@link Capability#ATTACHMENTS}) is never
     * part of it, so a backend that declares {@code all()} never claims an operation it does not
     * implement; declare newer ones with {@link #with}.
     *
     * @return the five record capabilities
     */
    public static Capabilities all() {
        return of(Capability.CREATE, Capability.UPDATE, Capability.DELETE, Capability.LABELS, Capability.HIERARCHY);
    }

    /**
     * These capabilities and more.
     *
     * @param more further supported operations
     * @return the union
     */
    public Capabilities with(Capability... more) {
        EnumSet<Capability> union = EnumSet.noneOf(Capability.class);
        union.addAll(supported);
        union.addAll(Set.of(more));
        return new Capabilities(union);
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
