package fltkit.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An NTSTATUS value. Known codes carry their symbolic name; unknown codes print as hex only.
 * Equality is by numeric value, so an implementation may build one with {@link #of(int)}.
 */
public final class NtStatus {
    private static final Map<Integer, NtStatus> KNOWN = new LinkedHashMap<>();

    public static final NtStatus STATUS_SUCCESS = known(0x00000000, "STATUS_SUCCESS");
    public static final NtStatus STATUS_NOT_IMPLEMENTED = known(0xC0000002, "STATUS_NOT_IMPLEMENTED");
    public static final NtStatus STATUS_INVALID_PARAMETER = known(0xC000000D, "STATUS_INVALID_PARAMETER");
    public static final NtStatus STATUS_INSUFFICIENT_RESOURCES = known(0xC000009A, "STATUS_INSUFFICIENT_RESOURCES");
    public static final NtStatus STATUS_NOT_SUPPORTED = known(0xC00000BB, "STATUS_NOT_SUPPORTED");
    public static final NtStatus STATUS_INVALID_BUFFER_SIZE = known(0xC0000206, "STATUS_INVALID_BUFFER_SIZE");
    public static final NtStatus STATUS_NOT_FOUND = known(0xC0000225, "STATUS_NOT_FOUND");
    public static final NtStatus STATUS_FLT_CONTEXT_ALREADY_DEFINED = known(0xC01C0002, "STATUS_FLT_CONTEXT_ALREADY_DEFINED");
    public static final NtStatus STATUS_FLT_DELETING_OBJECT = known(0xC01C000B, "STATUS_FLT_DELETING_OBJECT");
    public static final NtStatus STATUS_FLT_MUST_BE_NONPAGED_POOL = known(0xC01C000C, "STATUS_FLT_MUST_BE_NONPAGED_POOL");
    public static final NtStatus STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND = known(0xC01C0016, "STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND");
    public static final NtStatus STATUS_FLT_INVALID_CONTEXT_REGISTRATION = known(0xC01C0017, "STATUS_FLT_INVALID_CONTEXT_REGISTRATION");
    public static final NtStatus STATUS_FLT_CONTEXT_ALREADY_LINKED = known(0xC01C001C, "STATUS_FLT_CONTEXT_ALREADY_LINKED");
    public static final NtStatus STATUS_INVALID_PARAMETER_2 = known(0xC00000F0, "STATUS_INVALID_PARAMETER_2");
    public static final NtStatus STATUS_FILE_CLOSED = known(0xC0000128, "STATUS_FILE_CLOSED");
    public static final NtStatus STATUS_DISK_FULL = known(0xC000007F, "STATUS_DISK_FULL");

    private final int value;
    private final String name;
    private final String hex;

    private NtStatus(int value, String name) {
        this.value = value;
        this.name = name;
        String digits = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        this.hex = "0x" + "00000000".substring(digits.length()) + digits;
    }

    private static NtStatus known(int value, String name) {
        NtStatus status = new NtStatus(value, name);
        KNOWN.put(value, status);
        return status;
    }

    /** The status with this numeric value: the known constant if there is one. */
    public static NtStatus of(int value) {
        NtStatus status = KNOWN.get(value);
        return status != null ? status : new NtStatus(value, null);
    }

    /** The known status with this symbolic name. */
    public static NtStatus named(String name) {
        for (NtStatus status : KNOWN.values()) {
            if (status.name.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown NTSTATUS name '" + name + "'; known names: " + KNOWN.values());
    }

    public static Map<Integer, NtStatus> known() {
        return Collections.unmodifiableMap(KNOWN);
    }

    public int value() {
        return value;
    }

    /** The symbolic name, or the hex value for a code the kit does not know. */
    public String name() {
        return name != null ? name : hex();
    }

    /** The value as eight hex digits, e.g. {@code 0xC0000206}. */
    public String hex() {
        return hex;
    }

    /** NT_SUCCESS: severity success or informational. */
    public boolean isSuccess() {
        return value >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NtStatus && ((NtStatus) other).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** Name and hex together, e.g. {@code STATUS_INVALID_BUFFER_SIZE (0xC0000206)}. */
    @Override
    public String toString() {
        return name != null ? name + " (" + hex + ")" : hex;
    }
}
