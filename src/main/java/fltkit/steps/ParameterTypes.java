package fltkit.steps;

import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import io.cucumber.java.ParameterType;

/** The kit's step vocabulary: NTSTATUS names, context types and pool types as the docs spell them. */
public class ParameterTypes {

    @ParameterType("STATUS_[A-Z0-9_]+")
    public NtStatus status(String name) {
        return NtStatus.named(name);
    }

    @ParameterType("FLT_[A-Z]+_CONTEXT")
    public ContextType contextType(String symbol) {
        return ContextType.parse(symbol);
    }

    @ParameterType("NonPagedPoolNx|NonPagedPool|PagedPool|POOL_TYPE\\(\\d+\\)")
    public Integer pool(String name) {
        return name.startsWith("POOL_TYPE(") ? Integer.parseInt(name.substring(10, name.length() - 1)) : PoolType.parse(name);
    }

    /** A FLT_CONTEXT_TYPE written as a raw four-digit hex value, e.g. 0x0040, so invalid values can be passed. */
    @ParameterType("0x[0-9A-Fa-f]{4}")
    public Integer typeValue(String text) {
        return Integer.decode(text);
    }
}
