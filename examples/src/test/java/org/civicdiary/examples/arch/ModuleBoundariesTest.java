/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dependencies point inwards (DESIGN.md): adapters depend on the core and on its Guice integration
 * (booking-guice), never on each other; the Guice integration depends on the core only, and the
 * core on none of them. Checked over every production class of every module on this classpath.
 */
class ModuleBoundariesTest {
  private static final List<String> ADAPTERS =
      List.of("org.civicdiary.persistence", "org.civicdiary.notify", "org.civicdiary.web");
  private static JavaClasses classes;

  @BeforeAll
  static void importAllModules() throws IOException {
    // Only our own modules' jars and class folders: scanning every library for the package takes
    // half a minute and finds nothing more.
    Set<Location> ours = new HashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.endsWith(".jar") && isOurs(path)) {
        try (JarFile jar = new JarFile(path.toFile())) {
          ours.add(Location.of(jar));
        }
      } else if (Files.isDirectory(path)) {
        ours.add(Location.of(path));
      }
    }
    // The rules look at our classes' own dependencies; resolving the libraries' classes adds nothing.
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importLocations(ours)
        .that(JavaClass.Predicates.resideInAPackage("org.civicdiary.."));
  }

  /** From the local repository, or (in a reactor build) from a module's own target folder. */
  private static boolean isOurs(Path jar) {
    return jar.toString().replace('\\', '/').contains("/org/civicdiary/")
        || jar.getFileName().toString().startsWith("booking-");
  }

  @AfterAll
  static void restoreConfiguration() {
    ArchConfiguration.get().reset();
  }

  @Test
  void everyModuleIsOnTheClasspath() {
    for (String module : List.of("org.civicdiary.booking", "org.civicdiary.testkit", "org.civicdiary.guice",
        "org.civicdiary.persistence", "org.civicdiary.notify", "org.civicdiary.web", "org.civicdiary.examples")) {
      assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(module))).as(module).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"org.civicdiary.persistence", "org.civicdiary.notify", "org.civicdiary.web"})
  void anAdapterDependsOnTheCore(String adapter) {
    // The control for the rules below: the importer sees dependencies between modules at all.
    assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(adapter))
        .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
        .map(d -> d.getTargetClass().getPackageName()))
        .anyMatch(target -> target.startsWith("org.civicdiary.booking"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"org.civicdiary.persistence", "org.civicdiary.notify", "org.civicdiary.web"})
  void anAdapterDependsOnNoOtherAdapter(String adapter) {
    String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> a + "..").toArray(String[]::new);
    ArchRule rule = noClasses().that().resideInAPackage(adapter + "..")
        .should().dependOnClassesThat().resideInAnyPackage(others)
        .because("adapters are replaced one by one; examples wires them together")
        .allowEmptyShould(true);
    rule.check(classes);
  }

  @Test
  void theCoreDependsOnNoAdapterNorTheExamples() {
    noClasses().that().resideInAPackage("org.civicdiary.booking..")
        .should().dependOnClassesThat().resideInAnyPackage("org.civicdiary.guice..", "org.civicdiary.persistence..",
            "org.civicdiary.notify..", "org.civicdiary.web..", "org.civicdiary.examples..")
        .check(classes);
  }

  @Test
  void theTestKitDependsOnTheCoreOnlyAndNoProductionCodeOnTheTestKit() {
    noClasses().that().resideInAPackage("org.civicdiary.testkit..")
        .should().dependOnClassesThat().resideInAnyPackage("org.civicdiary.guice..", "org.civicdiary.persistence..",
            "org.civicdiary.notify..", "org.civicdiary.web..", "org.civicdiary.examples..")
        .because("an integrator runs the kit against an adapter of their own, without ours")
        .check(classes);
    noClasses().that().resideOutsideOfPackage("org.civicdiary.testkit..")
        .should().dependOnClassesThat().resideInAPackage("org.civicdiary.testkit..")
        .because("the test kit is for tests only")
        .check(classes);
  }

  @Test
  void theGuiceIntegrationDependsOnTheCoreOnly() {
    noClasses().that().resideInAPackage("org.civicdiary.guice..")
        .should().dependOnClassesThat().resideInAnyPackage("org.civicdiary.persistence..", "org.civicdiary.notify..",
            "org.civicdiary.web..", "org.civicdiary.examples..")
        .because("every adapter depends on booking-guice, so it must not depend on any of them")
        .check(classes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"org.civicdiary.persistence", "org.civicdiary.notify", "org.civicdiary.web"})
  void anAdaptersGuiceModuleJoinsTheServiceThroughTheGuiceIntegration(String adapter) {
    // The control that the rule above has something to hold: adapters do use booking-guice.
    assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(adapter))
        .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
        .map(d -> d.getTargetClass().getPackageName()))
        .anyMatch(target -> target.startsWith("org.civicdiary.guice"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"org.civicdiary.persistence", "org.civicdiary.notify", "org.civicdiary.web"})
  void internalPackagesStayInsideTheirModule(String adapter) {
    noClasses().that().resideOutsideOfPackage(adapter + "..")
        .should().dependOnClassesThat().resideInAPackage(adapter + ".internal..")
        .because("a package named internal says so: only its own module may use it")
        .allowEmptyShould(true)
        .check(classes);
  }
}
