/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The classes that handle API requests (the {@code *Endpoints} classes of the web module, in
 * {@code web.internal.api} and {@code web.internal.staff}, and what they nest) hold no rule the core
 * owns: they reach the core only through the {@code CivicDiary} facade, its use cases' commands and
 * results and the model, never a port, the storage, or a helper of the use cases such as
 * {@code Passwords}. A portal calling {@code CivicDiary} in its own JVM then gets every rule this
 * HTTP layer gets.
 */
@AnalyzeClasses(packages = "org.civicdiary.web", importOptions = ImportOption.DoNotIncludeTests.class)
class EndpointsArchitectureTest {
  private static final String ENDPOINTS = ".*Endpoints(\\$.*)?";

  @ArchTest
  static final ArchRule endpointsReachTheCoreOnlyThroughTheFacade = classes()
      .that().haveNameMatching("org\\.civicdiary\\.web\\..*" + ENDPOINTS)
      .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "io.undertow..", "org.slf4j..", "com.fasterxml.jackson..",
          "org.civicdiary.web..", "org.civicdiary.booking.usecase..", "org.civicdiary.booking.model..",
          "org.civicdiary.booking.error..").and(not(simpleName("Passwords"))))
      .because("the web module keeps only HTTP: parsing, mapping to commands, headers and cookies");

  @ArchTest
  static final ArchRule endpointsUseNoPort = noClasses()
      .that().haveNameMatching("org\\.civicdiary\\.web\\..*" + ENDPOINTS)
      .should().dependOnClassesThat().resideInAnyPackage("org.civicdiary.booking.port..", "org.civicdiary.booking.memory..")
      .because("ports and the storage are the core's to use: reads and their authorisation are use cases too");

  @ArchTest
  static final ArchRule endpointsLiveInTheApiAndStaffPackages = classes()
      .that().haveNameMatching("org\\.civicdiary\\.web\\..*Endpoints")
      .should().resideInAnyPackage("org.civicdiary.web.internal.api", "org.civicdiary.web.internal.staff")
      .because("the web module's internals are split by concern: endpoints apart from the HTTP plumbing they use");

  @ArchTest
  static final ArchRule theEndpointsExist = classes()
      .that().haveNameMatching("org\\.civicdiary\\.web\\..*Endpoints")
      .should().haveSimpleNameEndingWith("Endpoints")
      .allowEmptyShould(false)
      .because("the rules above must not pass by matching nothing after a rename");
}
