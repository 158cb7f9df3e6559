package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextOrigin;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.Irql;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace renders what the implementation answered itself, for speed; the text stays what toString gives. */
class CallTraceTest {
    /** A record nested in a record, the way an answer could carry one. */
    record Pair(Allocation first, List<Object> rest) {
    }

    /** A record with a toString of its own. */
    record Named(int value) {
        @Override
        public String toString() {
            return "named " + value;
        }
    }

    @Test
    void recordsAndListsReadAsTheirToString() {
        List<Object> answers = List.of(
                new Allocation(NtStatus.STATUS_SUCCESS, 17_592_186_044_512L),
                new Allocation(NtStatus.of(0xC0001234), 0),
                new PoolSnapshot(3, 360, 2),
                new ContextState(true, 2, 8, 24, 1, ContextOrigin.values()[0], false, 0),
                new CallbackEvent(CallbackEvent.Kind.CLEANUP, 0, 64, 4, 0x7F00_0000_0000L, Irql.values()[0]),
                List.of(ContextRegistration.fixed(ContextType.FILE, 64), ContextRegistration.variable(ContextType.STREAM)),
                new Pair(new Allocation(NtStatus.STATUS_NOT_FOUND, 1), List.of(new PoolSnapshot(0, 0, 0), "text", 7)),
                new Named(4),
                List.of(new Named(5), new Named(6)));
        for (Object answer : answers) {
            assertThat(CallTrace.show(answer)).isEqualTo(String.valueOf(answer));
        }
    }

    @Test
    void numbersAboveSixteenBitsReadAsHexAndStatusesByName() {
        assertThat(CallTrace.show(0xFFFFL)).isEqualTo("65535");
        assertThat(CallTrace.show(0x7F000000L)).isEqualTo("0x7F000000");
        assertThat(CallTrace.show(0xFFFF_FFFF_FFFFL)).isEqualTo("0xFFFFFFFFFFFF");
        assertThat(CallTrace.show(new byte[12])).isEqualTo("12 bytes");
        assertThat(CallTrace.show(NtStatus.STATUS_INVALID_BUFFER_SIZE)).isEqualTo("STATUS_INVALID_BUFFER_SIZE (0xC0000206)");
        assertThat(NtStatus.of(0x1F).hex()).isEqualTo("0x0000001F");
        assertThat(NtStatus.of(0xC0001234).toString()).isEqualTo("0xC0001234");
    }
}
