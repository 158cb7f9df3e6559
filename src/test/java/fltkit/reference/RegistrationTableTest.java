package fltkit.reference;

import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static fltkit.spi.ContextRegistration.fixed;
import static fltkit.spi.ContextRegistration.variable;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTableTest {
    private static final NtStatus INVALID = NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;

    private static Object build(WindowsVersion version, ContextRegistration... entries) {
        return RegistrationTable.build(List.of(entries), true, version, new Pool());
    }

    private static RegistrationTable table(ContextRegistration... entries) {
        Object built = build(WindowsVersion.WIN11, entries);
        assertThat(built).as("registration of %s", List.of(entries)).isInstanceOf(RegistrationTable.class);
        return (RegistrationTable) built;
    }

    private static ContextRegistration flagged(ContextType type, long size) {
        return fixed(type, size).withFlags(ContextRegistration.NO_EXACT_SIZE_MATCH);
    }

    @Test
    void threeFixedSizesAndOneVariableAreAccepted() {
        RegistrationTable table = table(fixed(ContextType.FILE, 24), fixed(ContextType.FILE, 48),
                variable(ContextType.FILE), fixed(ContextType.FILE, 96));
        assertThat(table.definitions(ContextType.FILE)).extracting(d -> d.kind)
                .containsExactly(ContextDefinition.Kind.FIXED, ContextDefinition.Kind.FIXED, ContextDefinition.Kind.FIXED,
                        ContextDefinition.Kind.VARIABLE);
    }

    @Test
    void arraysBeyondTheDocumentedLimitsAreRefused() {
        assertThat(build(WindowsVersion.WIN11, fixed(ContextType.FILE, 1), fixed(ContextType.FILE, 2),
                fixed(ContextType.FILE, 3), fixed(ContextType.FILE, 4))).as("a fourth fixed size").isEqualTo(INVALID);
        assertThat(build(WindowsVersion.WIN11, fixed(ContextType.FILE, 8), fixed(ContextType.FILE, 8).withPoolTag(7)))
                .as("two definitions of one size").isEqualTo(INVALID);
        assertThat(build(WindowsVersion.WIN11, variable(ContextType.FILE), variable(ContextType.FILE).withPoolTag(7)))
                .as("two variable-size definitions").isEqualTo(INVALID);
        assertThat(build(WindowsVersion.WIN11, fixed(ContextType.FILE, 0x10000))).as("a Size above MAXUSHORT").isEqualTo(INVALID);
        assertThat(build(WindowsVersion.WIN11, fixed(ContextType.FILE, 0).withAllocateAndFreeCallbacks(), fixed(ContextType.FILE, 8)))
                .as("an allocate routine next to another definition").isEqualTo(INVALID);
        assertThat(RegistrationTable.build(List.of(fixed(ContextType.FILE, 8)), false, WindowsVersion.WIN11, new Pool()))
                .as("no FLT_CONTEXT_END").isEqualTo(INVALID);
    }

    @Test
    void identicalEntriesCountOnceAndZeroIsAValidSize() {
        RegistrationTable table = table(fixed(ContextType.STREAM, 0), fixed(ContextType.STREAM, 0));
        assertThat(table.definitions(ContextType.STREAM)).hasSize(1);
    }

    @Test
    void sectionDefinitionsExistFromWindows8() {
        assertThat(build(WindowsVersion.WIN7, fixed(ContextType.SECTION, 8))).isEqualTo(INVALID);
        assertThat(build(WindowsVersion.WIN8, fixed(ContextType.SECTION, 8))).isInstanceOf(RegistrationTable.class);
    }

    @Test
    void withoutTheFlagOnlyTheExactSizeIsSelected() {
        RegistrationTable table = table(fixed(ContextType.FILE, 32), fixed(ContextType.FILE, 96));
        assertThat(table.select(ContextType.FILE, 32)).map(ContextDefinition::registeredSize).contains(32L);
        assertThat(table.select(ContextType.FILE, 31)).isEmpty();
        assertThat(table.select(ContextType.FILE, 64)).isEmpty();
    }

    @Test
    void withTheFlagTheSmallestFittingSizeIsSelectedInAnyOrder() {
        List<ContextRegistration> entries = new ArrayList<>(List.of(flagged(ContextType.FILE, 128),
                flagged(ContextType.FILE, 32), flagged(ContextType.FILE, 64)));
        for (int turn = 0; turn < entries.size(); turn++) {
            Collections.rotate(entries, 1);
            RegistrationTable table = table(entries.toArray(ContextRegistration[]::new));
            assertThat(table.select(ContextType.FILE, 16)).map(ContextDefinition::registeredSize).contains(32L);
            assertThat(table.select(ContextType.FILE, 40)).map(ContextDefinition::registeredSize).contains(64L);
            assertThat(table.select(ContextType.FILE, 129)).isEmpty();
        }
    }

    @Test
    void theVariableSizeDefinitionIsTheLastResort() {
        RegistrationTable table = table(variable(ContextType.STREAM), fixed(ContextType.STREAM, 64));
        assertThat(table.select(ContextType.STREAM, 64)).map(d -> d.kind).contains(ContextDefinition.Kind.FIXED);
        assertThat(table.select(ContextType.STREAM, 40)).map(d -> d.kind).contains(ContextDefinition.Kind.VARIABLE);
        assertThat(table.select(ContextType.FILE, 40)).as("an unregistered type").isEmpty();
    }
}
