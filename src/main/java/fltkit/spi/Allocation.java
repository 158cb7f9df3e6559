package fltkit.spi;

/**
 * What FltAllocateContext returned. {@code returnedContext} is what the routine left in the caller's
 * ReturnedContext variable: the minifilter portion's address on success, 0 (NULL) when it wrote NULL
 * or wrote nothing.
 */
public record Allocation(NtStatus status, long returnedContext) {
}
