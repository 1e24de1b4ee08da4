package org.jobdeck;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.jobdeck.cli.Main;

/** Holds the arrows of ARCHITECTURE.md: core knows nothing above it, and api nothing of the CLI. */
@AnalyzeClasses(locations = ArchitectureTest.ProductionClasses.class,
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Only the directory (or jar) holding Jobdeck's own classes: scanning every jar of the test
     * class path for org.jobdeck packages costs seconds and finds nothing more.
     */
    static final class ProductionClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            try {
                return Set.of(Location.of(
                        Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ArchTest
    static final ArchRule coreUsesNoUiDatabaseOrHttpLibrary = noClasses()
            .that().resideInAPackage("org.jobdeck.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "javax.sql..", "java.net.http..", "okhttp3..", "io.javalin..")
            .because("core is pure Java: catalog, validation and plans, no UI, JDBC or HTTP");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherJobdeckPackage = noClasses()
            .that().resideInAPackage("org.jobdeck.core..")
            .should().dependOnClassesThat(resideInAPackage("org.jobdeck..")
                    .and(not(resideInAPackage("org.jobdeck.core.."))))
            .because("every other layer builds on core, never the other way round");

    @ArchTest
    static final ArchRule apiDoesNotDependOnCli = noClasses()
            .that().resideInAPackage("org.jobdeck.api..")
            .should().dependOnClassesThat().resideInAPackage("org.jobdeck.cli..")
            .because("the CLI is one client of the api, not a part of it");

    @ArchTest
    static final ArchRule apiIsAPortThatKnowsNoImplementation = noClasses()
            .that().resideInAPackage("org.jobdeck.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jobdeck.queue..", "org.jobdeck.client..", "org.jobdeck.server..",
                    "org.jobdeck.ui..", "org.jobdeck.demo..")
            .because("every face talks to the same JobsApi, whichever backend implements it");

    @ArchTest
    static final ArchRule queueKnowsNothingAboveIt = noClasses()
            .that().resideInAPackage("org.jobdeck.queue..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jobdeck.api..", "org.jobdeck.client..", "org.jobdeck.server..",
                    "org.jobdeck.ui..", "org.jobdeck.cli..", "org.jobdeck.demo..")
            .because("the queue is the engine; ports and faces build on it");

    @ArchTest
    static final ArchRule theConsoleGoesThroughTheApi = noClasses()
            .that().resideInAPackage("org.jobdeck.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jobdeck.queue..", "org.jobdeck.server..", "org.jobdeck.cli..", "org.jobdeck.demo..")
            .because("the console must behave the same against the embedded backend and a REST server");

    @ArchTest
    static final ArchRule clientsServeNoFace = noClasses()
            .that().resideInAPackage("org.jobdeck.client..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jobdeck.ui..", "org.jobdeck.cli..", "org.jobdeck.server..")
            .because("backends are opened by the faces, never the other way round");

    @ArchTest
    static final ArchRule theServerSpeaksTheApiOnly = noClasses()
            .that().resideInAPackage("org.jobdeck.server..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jobdeck.queue..", "org.jobdeck.client..", "org.jobdeck.demo..",
                    "org.jobdeck.ui..", "org.jobdeck.cli..", "javafx..")
            .because("the server serves any JobsApi, the embedded queue or another; the CLI wires them");

    @ArchTest
    static final ArchRule theClientKnowsNoServerLibrary = noClasses()
            .that().resideInAPackage("org.jobdeck.client..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "javafx..")
            .because("a client is a face's way to a backend, not a server or a screen");

    @ArchTest
    static final ArchRule demoJobsAreQueueHandlersOnly = noClasses()
            .that().resideInAPackage("org.jobdeck.demo..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jobdeck.api..", "org.jobdeck.client..", "org.jobdeck.server..",
                    "org.jobdeck.ui..", "org.jobdeck.cli..")
            .because("the demo jobs are handlers on the queue, like any user's");
}
