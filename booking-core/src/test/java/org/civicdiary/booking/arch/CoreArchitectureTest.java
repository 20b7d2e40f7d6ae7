/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core stays a JDK-only library with an acyclic package structure and a small public surface. */
@AnalyzeClasses(packages = "org.civicdiary.booking", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnTheJdkOnly = classes()
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.civicdiary.booking..")
      .because("booking-core has no dependency beyond the JDK (javax.crypto is java.base's, for passwords)");

  @ArchTest
  static final ArchRule knowsNothingOfInjection = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..",
          "org.civicdiary.guice..")
      .because("the Guice integration (booking-guice) depends on the core, never the other way round");

  @ArchTest
  static final ArchRule packagesFormNoCycles = slices().matching("org.civicdiary.booking.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule inMemoryImplementationsArePackagePrivate = classes()
      .that().resideInAPackage("org.civicdiary.booking.memory")
      .and().doNotHaveSimpleName("InMemoryStorage")
      .and().doNotHaveSimpleName("package-info")
      .should().notBePublic()
      .because("embedders reach the in-memory storage through InMemoryStorage.create() only");

  @ArchTest
  static final ArchRule inMemoryImplementationsAreFinal = classes()
      .that().resideInAPackage("org.civicdiary.booking.memory")
      .and().areNotInterfaces().and().areNotRecords().and().areNotEnums()
      .and().doNotHaveSimpleName("package-info")
      .and().areTopLevelClasses()
      .should().haveModifier(JavaModifier.FINAL);
}
