/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.usecase.Passwords;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Several town halls in one console (issue 17): the deployment's administrator adds a second
 * office, the console turns to it and shows its departments only, and the switcher in the header
 * goes back; an administrator of that office sees no switcher and nothing of Prague 6. In Czech and
 * English, with axe-core on each new view.
 */
class OfficesConsoleTest extends StaffConsole {
  private static final OfficeId HOROMERICE = OfficeId.of("horomerice");
  private static final String PRAGUE_DEPARTMENT = "Odbor občanskosprávní";

  private Select switcher() {
    return new Select(browser.find(browser.driver(), "#user select[name=office]"));
  }

  private String content() {
    return browser.find(browser.driver(), "#app").getText();
  }

  @Test
  void theDeploymentsAdministratorAddsAnOfficeSwitchesToItAndSeesOnlyItsDepartments() {
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("office", "Nastavení úřadu");
    assertThat(switcher().getFirstSelectedOption().getText()).isEqualTo("Úřad městské části Praha 6");
    assertThat(browser.find(browser.driver(), "#user label", "Úřad").getAttribute("for"))
        .isEqualTo(browser.find(browser.driver(), "#user select[name=office]").getAttribute("id"));
    browser.assertAccessible("console office page with the new office's form");

    WebElement fresh = browser.find(browser.driver(), "#app section", "Nový úřad");
    fresh.findElement(By.cssSelector("input[name=id]")).sendKeys("horomerice");
    fresh.findElement(By.cssSelector("input[name='name.cs']")).sendKeys("Obecní úřad Horoměřice");
    fresh.findElement(By.cssSelector("input[name='name.en']")).sendKeys("Horoměřice Municipal Office");
    fresh.findElement(By.cssSelector("input[name='place.name']")).sendKeys("Obecní úřad Horoměřice");
    fresh.findElement(By.cssSelector("input[name='place.address']")).sendKeys("Velvarská 1, 252 62 Horoměřice");
    fresh.findElement(By.cssSelector("button[type=submit]")).click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Uloženo.");
    browser.until(d -> switcher().getFirstSelectedOption().getText().equals("Obecní úřad Horoměřice") ? true : null);
    assertThat(servers.storage().directory().office(HOROMERICE)).isPresent();

    console.open("departments", "Odbory");
    assertThat(content()).as("a new office has no departments yet").doesNotContain(PRAGUE_DEPARTMENT);
    WebElement department = browser.find(browser.driver(), "#app section", "Nový odbor");
    department.findElement(By.cssSelector("input[name=id]")).sendKeys("horomerice-registry");
    department.findElement(By.cssSelector("input[name=nameCs]")).sendKeys("Matrika");
    department.findElement(By.cssSelector("input[name=nameEn]")).sendKeys("Registry");
    department.findElement(By.cssSelector("input[name=placeName]")).sendKeys("Obecní úřad Horoměřice");
    department.findElement(By.cssSelector("input[name=placeAddress]")).sendKeys("Velvarská 1, přízemí");
    department.findElement(By.cssSelector("button[type=submit]")).click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Uloženo.");
    browser.find(browser.driver(), "#app section h2", "Matrika");
    assertThat(content()).contains("Matrika").doesNotContain(PRAGUE_DEPARTMENT);
    assertThat(servers.storage().directory().department(DepartmentId.of("horomerice-registry")).orElseThrow().office())
        .as("made in the office the console shows").isEqualTo(HOROMERICE);
    browser.assertAccessible("console departments of the second office");

    switcher().selectByVisibleText("Úřad městské části Praha 6");
    browser.find(browser.driver(), "#app", PRAGUE_DEPARTMENT);
    assertThat(content()).doesNotContain("Matrika");

    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Departments");
    assertThat(browser.find(browser.driver(), "#user label", "Office").isDisplayed()).isTrue();
    switcher().selectByVisibleText("Horoměřice Municipal Office");
    browser.find(browser.driver(), "#app", "Registry");
    assertThat(content()).doesNotContain("Civil Affairs");
    browser.assertAccessible("console departments of the second office in English");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Odbory");
  }

  @Test
  void anAdministratorOfTheSecondOfficeSeesNoSwitcherAndNothingOfTheFirst() {
    OfficeId office = OfficeId.of("roztoky");
    servers.storage().transactions().run(() -> {
      var prague = servers.storage().directory().offices().get(servers.storage().directory().offices().size() - 1);
      servers.storage().directory().save(new org.civicdiary.booking.model.Office(office,
          LocalizedText.of("Město Roztoky", "Roztoky Town Office"), prague.zone(), prague.slotLength(),
          new Place("Městský úřad Roztoky", "Nám. 5. května 2, Roztoky"), List.of(), prague.policy()));
      servers.storage().directory().save(new Department(DepartmentId.of("roztoky-building"), office,
          LocalizedText.of("Stavební úřad Roztoky", "Roztoky Building Authority"),
          new Place("Městský úřad Roztoky", "Nám. 5. května 2")));
      servers.storage().staffAccounts().save(new StaffAccount("admin.roztoky", Passwords.hash(TownHallServers.PASSWORD),
          Role.ADMIN, null, true, false, office));
    });
    console.logIn("admin.roztoky", TownHallServers.PASSWORD);
    console.open("departments", "Odbory");
    browser.find(browser.driver(), "#app", "Stavební úřad Roztoky");
    assertThat(browser.driver().findElements(By.cssSelector("#user select[name=office]"))).as("no switcher").isEmpty();
    assertThat(content()).doesNotContain(PRAGUE_DEPARTMENT).doesNotContain("Matrika");
    assertThat(console.menu()).contains("Odbory", "Účty pracovníků").doesNotContain("Import a export", "Klíče API", "Webhooky");
    assertThat(browser.find(browser.driver(), "#office").getText()).startsWith("Město Roztoky");
    browser.assertAccessible("console of an office's administrator");

    console.open("office", "Nastavení úřadu");
    assertThat(content()).contains("Město Roztoky").doesNotContain("Praha 6").doesNotContain("Nový úřad");

    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Office settings");
    assertThat(content()).contains("Roztoky Town Office").doesNotContain("Prague 6").doesNotContain("New office");
    browser.assertAccessible("office settings of an office's administrator in English");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Nastavení úřadu");
  }
}
