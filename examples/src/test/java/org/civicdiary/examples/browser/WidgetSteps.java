/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * Walks the booking widget as a keyboard user does: Tab into a group, arrows to choose, Enter to
 * go on. Each step checks that the focus landed where a screen-reader user expects it (the new
 * step's heading).
 */
final class WidgetSteps {
  static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private final Browser browser;
  private final SearchContext widget;

  WidgetSteps(Browser browser) {
    this.browser = browser;
    this.widget = browser.widget();
  }

  /**
   * Opens the portal with the widget set to the language, a department and an agenda, then chooses
   * the official and the topic: the day-and-time step, whose title in that language is {@code time}.
   */
  static WidgetSteps toTimeOf(Browser browser, String url, String lang, String department, String agenda,
      String official, String next, String time, String topic) {
    browser.open(url);
    new WidgetSteps(browser);
    browser.js("const w = document.createElement('civic-diary-booking'); w.setAttribute('lang', arguments[0]);"
        + "w.setAttribute('department', arguments[1]); w.setAttribute('agenda', arguments[2]);"
        + "document.querySelector('civic-diary-booking').replaceWith(w);", lang, department, agenda);
    WidgetSteps widget = new WidgetSteps(browser);
    widget.clickRadio(official);
    widget.clickContinue(next);
    widget.widget.findElement(By.cssSelector("textarea")).sendKeys(topic);
    widget.clickContinue(time);
    return widget;
  }

  SearchContext root() {
    return widget;
  }

  /** Waits until the step with this title is shown. */
  void expectStep(String title) {
    browser.find(widget, ".cd-step-title", title);
  }

  /** After moving on, the focus is on the new step's heading. */
  void expectFocusOnStep(String title) {
    expectStep(title);
    browser.until(d -> browser.focused().getText().contains(title) ? true : null);
  }

  /** Tabs into the radio group and arrows down until the wanted value is chosen, then Enter. */
  void chooseRadio(String value) {
    browser.until(d -> widget.findElement(By.cssSelector("input[type=radio]")));
    WebElement first = widget.findElements(By.cssSelector("input[type=radio]")).get(0);
    // past the language switch, when the widget is entered from the page
    for (int i = 0; i < 4 && !first.equals(browser.focused()); i++) {
      browser.tab();
    }
    for (int i = 0; i < 30 && !value.equals(browser.focused().getAttribute("value")); i++) {
      browser.keys(Keys.ARROW_DOWN);
    }
    assertThat(browser.focused().getAttribute("value")).isEqualTo(value);
    if (!browser.focused().isSelected()) {
      browser.keys(Keys.SPACE);
    }
    assertThat(browser.focused().isSelected()).isTrue();
  }

  void department(String id) {
    expectStep("Odbor");
    chooseRadio(id);
    browser.keys(Keys.ENTER);
  }

  void firstAvailable() {
    expectFocusOnStep("Úředník");
    browser.tab();
    assertThat(browser.focused().getAttribute("value")).as("first available is preselected").isEqualTo("*");
    browser.keys(Keys.ENTER);
  }

  void agenda(String id, String topic) {
    expectFocusOnStep("Agenda a téma");
    chooseRadio(id);
    browser.tab();
    assertThat(browser.focused().getTagName()).isEqualTo("textarea");
    browser.keys(topic);
    browser.tab();
    browser.tab();
    assertThat(browser.focused().getText()).isEqualTo("Pokračovat");
    browser.keys(Keys.ENTER);
  }

  /** Enters the calendar on its tabbable day, moves right by the given number of free days, picks the first time. */
  Map<String, Object> dayAndTime(int daysLater) {
    expectFocusOnStep("Den a čas");
    browser.until(d -> widget.findElement(By.cssSelector("button.cd-day[tabindex='0']")));
    for (int i = 0; i < 4 && !browser.focused().getAttribute("class").contains("cd-day"); i++) {
      browser.tab();
    }
    for (int i = 0; i < daysLater; i++) {
      browser.keys(Keys.ARROW_RIGHT);
    }
    assertThat(browser.focused().getAttribute("class")).contains("cd-day");
    String date = browser.focused().getAttribute("data-date");
    browser.keys(Keys.ENTER);
    browser.until(d -> browser.focused().getAttribute("class").contains("cd-slots-title") ? true : null);
    assertThat(browser.js("return document.querySelector('civic-diary-booking').state.day")).isEqualTo(date);
    browser.tab();
    assertThat(browser.focused().getAttribute("class")).contains("cd-slot");
    browser.keys(Keys.ENTER);
    Map<String, Object> slot = chosenSlot();
    assertThat(LocalDate.ofInstant(Instant.parse((String) slot.get("start")), PRAGUE)).as("the day pressed")
        .hasToString(date);
    return slot;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> chosenSlot() {
    return (Map<String, Object>) browser.js("return document.querySelector('civic-diary-booking').state.slot");
  }

  void contact(String name, String email, String phone) {
    expectFocusOnStep("Kontaktní údaje");
    browser.tab();
    assertThat(browser.focused().getAttribute("autocomplete")).isEqualTo("name");
    browser.keys(name, Keys.TAB, email, Keys.TAB, phone, Keys.ENTER);
  }

  // -- the same way by pointer, quicker, for tests about other things

  /** Chooses by clicking: department, official ("*" for first available), agenda and topic; stops at the calendar. */
  void clickToCalendar(String department, String official, String agenda, String topic) {
    clickRadio(department);
    clickContinue("Úředník");
    clickRadio(official);
    clickContinue("Agenda a téma");
    clickRadio(agenda);
    widget.findElement(By.cssSelector("textarea")).sendKeys(topic);
    clickContinue("Den a čas");
    browser.find(widget, "button.cd-day");
  }

  /** Clicks the day (yyyy-mm-dd, or null for the first with free time) and waits for its times. */
  void clickDay(String date) {
    browser.find(widget, date == null ? "button.cd-day" : "button.cd-day[data-date='" + date + "']").click();
    browser.find(widget, "button.cd-slot");
  }

  void clickRadio(String value) {
    browser.find(widget, "input[type=radio][value='" + value + "']").click();
  }

  void clickContinue(String nextStep) {
    browser.find(widget, "button[type=submit]").click();
    expectStep(nextStep);
  }

  void fillContact(String name, String email) {
    expectStep("Kontaktní údaje");
    browser.find(widget, "input[name=name]").sendKeys(name);
    browser.find(widget, "input[name=email]").sendKeys(email);
    clickContinue("Shrnutí");
  }

  void confirm() {
    expectFocusOnStep("Shrnutí");
    browser.tab();
    browser.tab();
    assertThat(browser.focused().getText()).isEqualTo("Závazně objednat");
    browser.keys(Keys.ENTER);
  }
}
