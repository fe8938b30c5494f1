package com.voxanne.ops;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** House rules the compiler cannot hold (../shared/HOUSE_STYLE.md). */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.voxanne.ops");

    @Test
    void viewModelsDoNotKnowTheScene() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    /** The MVVM helpers (background work, forms, field checks) hold state and threads, never controls. */
    @Test
    void mvvmKnowsNoScene() {
        noClasses().that().resideInAPackage("com.voxanne.ops.mvvm..")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void viewsAndViewModelsReachTheDatabaseOnlyThroughServices() {
        noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Dao")
                .orShould().dependOnClassesThat().resideInAPackage("org.jdbi..")
                .check(classes);
    }

    /**
     * A feature reaches another only through its services and rows, never its DAOs. The rows
     * several features read (a call's contact, tracking and appointments, the signed-in profile)
     * live in records/, below every feature, with their DAOs.
     */
    @Test
    void featuresUseOnlyTheirOwnDaos() {
        for (String feature : java.util.List.of("calls", "appointments", "sentiment", "contacts", "profiles", "alerts", "audit", "leads",
                "setup", "tracking", "organizations", "signin", "shell", "quality")) {
            noClasses().that().resideInAPackage("com.voxanne.ops." + feature + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("DAOs of another feature",
                            c -> c.getSimpleName().endsWith("Dao") && !c.getPackageName().startsWith("com.voxanne.ops." + feature)
                                    && !c.getPackageName().equals("com.voxanne.ops.records")))
                    .check(classes);
        }
    }

    /**
     * A feature that shows another's rows is handed that feature's service by the composition root;
     * it never makes one itself, so what a feature needs is in its constructor, not in its body.
     */
    @Test
    void noFeatureCreatesAnotherFeaturesService() {
        for (String feature : java.util.List.of("calls", "appointments", "sentiment", "contacts", "profiles", "alerts", "audit", "leads",
                "setup", "tracking", "organizations", "signin", "shell", "admin", "export", "offline", "quality")) {
            String pkg = "com.voxanne.ops." + feature;
            noClasses().that().resideInAPackage(pkg + "..")
                    .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe("another feature's service",
                            call -> call.getTargetOwner().getSimpleName().endsWith("Service")
                                    && !call.getTargetOwner().getPackageName().startsWith(pkg)))
                    .check(classes);
        }
    }

    /** One-way dependencies: a newcomer can read the packages bottom up (docs/ARCHITECTURE.md). */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("com.voxanne.ops.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The shared types use nothing of ours, and the shared rows only them and the database helpers. */
    @Test
    void theSharedTypesAndRowsBuildOnNoFeature() {
        classes().that().resideInAPackage("com.voxanne.ops.base..")
                .should().onlyDependOnClassesThat(resideInAPackage("com.voxanne.ops.base..").or(resideOutsideOfPackage("com.voxanne.ops..")))
                .check(classes);
        classes().that().resideInAPackage("com.voxanne.ops.records..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("com.voxanne.ops.records..", "com.voxanne.ops.base..", "com.voxanne.ops.db..")
                        .or(resideOutsideOfPackage("com.voxanne.ops..")))
                .check(classes);
    }

    /**
     * The composition root (the launcher, the application, the signed-in console that wires the
     * features together) is on top: no feature, widget or database class reaches up into it, so
     * the features do not sit in one dependency cycle through it.
     */
    @Test
    void theCompositionRootIsOnTop() {
        noClasses().that().resideOutsideOfPackage("com.voxanne.ops.app..")
                .should().dependOnClassesThat().resideInAPackage("com.voxanne.ops.app..")
                .check(classes);
    }

    @Test
    void dataServicesAndCommandLineDoNotDependOnJavaFx() {
        noClasses().that().haveSimpleNameEndingWith("Dao").or().haveSimpleNameEndingWith("Service")
                .or().resideInAnyPackage("..db..", "..cli..", "..demo..", "..logins..", "..embedded..", "..prefs..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
