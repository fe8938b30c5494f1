package com.voxanne.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** House rules the compiler cannot hold. */
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

    @Test
    void dataAndCommandLineCodeDoNotDependOnTheUi() {
        noClasses().that().resideInAnyPackage("..db..", "..cli..", "..demo..", "..calls..", "..appointments..", "..contacts..", "..logins..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.voxanne.ops.ui..")
                .check(classes);
    }
}
