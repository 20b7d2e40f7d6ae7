/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Window;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator booking for a caller sees the phone share of Ondřej Kolář's Friday window among his
 * free times, marked, in Czech and in English: the citizens' widget would not offer those times
 * before the release. axe-core on the page.
 */
class ChannelQuotasConsoleTest extends StaffConsole {
  private static final OfficialId KOLAR = OfficialId.of("ondrej-kolar");

  /** The booking page with Ondřej Kolář chosen for a tree-felling permit; the first day's free times. */
  private static List<String> marksOfTheFirstDay() {
    new Select(browser.find(browser.driver(), "select[name=department]")).selectByValue("environment");
    new Select(browser.find(browser.driver(), "select[name=agenda]")).selectByValue("tree-felling");
    new Select(browser.find(browser.driver(), "select[name=official]")).selectByValue(KOLAR.value());
    browser.find(browser.driver(), "button.cd-day").click();
    List<WebElement> slots = browser.until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector("button.cd-slot"));
      return found.size() == 4 ? found : null;
    });
    return slots.stream().map(s -> s.findElements(By.cssSelector(".cd-slot-extra")).stream()
        .map(WebElement::getText).findFirst().orElse("")).toList();
  }

  @Test
  void anOperatorSeesThePhoneShareMarkedWhenBookingForACallerInCzechAndEnglish() {
    // Friday 16:00-17:00, two of its four times kept for the phone; released 48 hours before.
    servers.diary().changingSchedule().replaceWindows(new StaffMember("quota.admin", Role.ADMIN, null), KOLAR,
        List.of(new Window(DayOfWeek.FRIDAY, LocalTime.of(16, 0), LocalTime.of(17, 0), LocalDate.of(2027, 1, 1), null,
            Set.of(), null, 2, 0)));
    console.logIn(TownHallServers.OPERATOR, TownHallServers.PASSWORD);
    browser.open(servers.consoleUrl() + "#book");
    browser.find(browser.driver(), "h1", "Objednat volajícího");
    assertThat(marksOfTheFirstDay()).containsExactly("", "", "kvóta pro telefon", "kvóta pro telefon");
    browser.assertAccessible("the phone share on the console's booking page");

    browser.find(browser.driver(), "#switch-language").click();
    try {
      browser.find(browser.driver(), "h1", "Book for a caller");
      assertThat(marksOfTheFirstDay()).containsExactly("", "", "phone share", "phone share");
    } finally {
      browser.find(browser.driver(), "#switch-language").click();
      browser.find(browser.driver(), "h1", "Objednat volajícího");
    }
  }
}
