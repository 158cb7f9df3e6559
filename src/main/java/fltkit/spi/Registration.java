package fltkit.spi;

/** What FltRegisterFilter returned: its status and, on success, the opaque filter pointer (0 on failure). */
public record Registration(NtStatus status, long filter) {
}
