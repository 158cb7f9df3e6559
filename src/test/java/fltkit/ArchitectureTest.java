package fltkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph the README's layout paragraph describes, enforced: dependencies point one way,
 * from the command line down to the SPI, and the reference implementation knows nothing of the test
 * stack.
 */
class ArchitectureTest {
    private static JavaClasses kit;

    @BeforeAll
    static void importMainClasses() {
        // The kit's own compiled classes only, read from where the SPI class was loaded: scanning the class
        // path's jars for a package named fltkit took most of a minute and finds nothing.
        kit = new ClassFileImporter().importLocations(java.util.Set.of(com.tngtech.archunit.core.importer.Location.of(
                fltkit.spi.FilterManager.class.getProtectionDomain().getCodeSource().getLocation())));
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("spi").definedBy("fltkit.spi..")
                .layer("settings").definedBy("fltkit.settings..")
                .layer("rules").definedBy("fltkit.rules..")
                .layer("reference").definedBy("fltkit.reference..")
                .layer("process").definedBy("fltkit.process..")
                .layer("explore").definedBy("fltkit.explore..")
                .layer("steps").definedBy("fltkit.steps..")
                .layer("report").definedBy("fltkit.report..")
                .layer("runner").definedBy("fltkit.runner..")
                .layer("cli").definedBy("fltkit.cli..")
                .layer("suite").definedBy("fltkit.suite..")
                .whereLayer("settings").mayOnlyAccessLayers("spi")
                .whereLayer("rules").mayOnlyAccessLayers("spi", "settings")
                .whereLayer("reference").mayOnlyAccessLayers("spi")
                .whereLayer("process").mayOnlyAccessLayers("spi", "settings")
                .whereLayer("explore").mayOnlyAccessLayers("spi", "settings", "rules", "reference")
                .whereLayer("steps").mayOnlyAccessLayers("spi", "settings", "rules")
                .whereLayer("report").mayOnlyAccessLayers("spi", "settings", "rules")
                .whereLayer("runner").mayOnlyAccessLayers("spi", "settings", "rules", "report", "explore")
                .whereLayer("cli").mayOnlyAccessLayers("spi", "settings", "rules", "report", "runner", "explore")
                .whereLayer("suite").mayOnlyAccessLayers("spi", "settings", "rules", "report", "runner")
                .check(kit);
    }

    @Test
    void theSpiDependsOnNoOtherPackageOfTheKit() {
        noClasses().that().resideInAPackage("fltkit.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("fltkit.settings..", "fltkit.rules..", "fltkit.reference..",
                        "fltkit.process..", "fltkit.explore..", "fltkit.steps..", "fltkit.report..", "fltkit.runner..", "fltkit.cli..",
                        "fltkit.suite..")
                .check(kit);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("fltkit.(*)..").should().beFreeOfCycles().check(kit);
    }

    @Test
    void theSpiAndTheReferenceKnowNothingOfTheTestStack() {
        noClasses().that().resideInAnyPackage("fltkit.spi..", "fltkit.reference..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cucumber..", "org.junit..", "org.opentest4j..",
                        "org.assertj..", "io.qameta..", "com.fasterxml..")
                .check(kit);
    }
}
