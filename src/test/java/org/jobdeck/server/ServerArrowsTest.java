package org.jobdeck.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The REST layers keep the arrows of ARCHITECTURE.md: the server sits beside the UI and the CLI
 * (it knows neither), and the client knows nothing of the server, the UI or the CLI.
 */
class ServerArrowsTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jobdeck.server", "org.jobdeck.client");

    @Test
    void theServerKnowsNeitherTheUiNorTheCli() {
        noClasses().that().resideInAPackage("org.jobdeck.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jobdeck.ui..", "org.jobdeck.cli..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void theClientKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("org.jobdeck.client..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jobdeck.server..", "org.jobdeck.ui..",
                        "org.jobdeck.cli..", "io.javalin..", "javafx..")
                .check(CLASSES);
    }
}
