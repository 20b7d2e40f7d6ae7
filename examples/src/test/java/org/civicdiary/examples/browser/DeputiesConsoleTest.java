/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.OfficialId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator keeps Pavel Němec's deputies on the officials page: adds two, moves one, saves,
 * and what the storage holds is that order; then in English removes one. axe-core on the open list.
 */
class DeputiesConsoleTest extends StaffConsole {
  private static final OfficialId NEMEC = OfficialId.of("pavel-nemec");
  private static final AgendaId TRADE_CHANGE = AgendaId.of("trade-change");

  /** Opens Pavel Němec's deputies; the form of the agenda with this name, once loaded. */
  private static WebElement tradeChangeForm(String summary, String agenda) {
    WebElement opener = browser.find(browser.driver(), "details.cd-deputies summary", summary);
    opener.click();
    WebElement details = opener.findElement(By.xpath("./.."));
    return browser.until(d -> details.findElements(By.cssSelector("form")).stream()
        .filter(f -> f.findElement(By.cssSelector("h3")).getText().equals(agenda)).findFirst().orElse(null));
  }

  private static void add(WebElement form, String official, String label) {
    new Select(form.findElement(By.cssSelector("select[name=deputy-trade-change]"))).selectByValue(official);
    browser.find(form, "button", label).click();
  }

  private static java.util.List<String> listed(WebElement form) {
    return form.findElements(By.cssSelector("ol.cd-deputy-list li span")).stream().map(WebElement::getText).toList();
  }

  @Test
  void anAdministratorOrdersTheDeputiesAndTheStorageKeepsTheOrderInCzechAndEnglish() {
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("officials", "Úředníci");
    WebElement form = tradeChangeForm("Zástupci: Pavel Němec", "Změna živnostenského oprávnění");
    browser.find(form, "ol.cd-deputy-list li", "Zatím nikdo");
    add(form, "alena-markova", "Přidat zástupce");
    add(form, "katerina-horakova", "Přidat zástupce");
    assertThat(listed(form)).containsExactly("Alena Marková", "Mgr. Kateřina Horáková");
    browser.find(form, "button", "Níž: Alena Marková").click();
    assertThat(listed(form)).containsExactly("Mgr. Kateřina Horáková", "Alena Marková");
    assertThat(browser.focused().getText()).as("the focus stays with the moved name").isEqualTo("Výš: Alena Marková");
    browser.screenshot("console-deputies-cs");
    browser.assertAccessible("the deputies of an official");
    browser.find(form, "button[type=submit]", "Uložit zástupce").click();
    browser.find(browser.driver(), ".cd-success", "Uloženo");
    assertThat(servers.storage().directory().deputies(NEMEC, TRADE_CHANGE).deputies())
        .containsExactly(OfficialId.of("katerina-horakova"), OfficialId.of("alena-markova"));

    browser.find(browser.driver(), "#switch-language").click();
    try {
      console.open("officials", "Officials");
      WebElement english = tradeChangeForm("Deputies of Pavel Němec", "Change of a trade licence");
      browser.find(english, "ol.cd-deputy-list li", "Alena Marková");
      assertThat(listed(english)).containsExactly("Mgr. Kateřina Horáková", "Alena Marková");
      browser.find(english, "button", "Remove: Mgr. Kateřina Horáková").click();
      browser.find(english, "button[type=submit]", "Save the deputies").click();
      browser.find(browser.driver(), ".cd-success", "Saved");
      assertThat(servers.storage().directory().deputies(NEMEC, TRADE_CHANGE).deputies())
          .containsExactly(OfficialId.of("alena-markova"));
    } finally {
      browser.find(browser.driver(), "#switch-language").click();
      browser.find(browser.driver(), "h1", "Úředníci");
    }
  }
}
