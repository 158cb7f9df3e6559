package fltkit.spi;

/**
 * What a set, get or delete routine returned. {@code context} is what the routine left in its
 * OldContext (set, delete) or Context (get) output: 0 for NULL_CONTEXT or when the caller passed
 * no output variable.
 */
public record ContextResult(NtStatus status, long context) {
}
