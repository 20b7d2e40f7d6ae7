package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.usecase.BookingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The citizen's way on the in-memory storage, plus what the widget must also get right: a phone's
 * 360 px screen, a time taken by someone else meanwhile, the office's limit for one address, and
 * English.
 */
class CitizenJourneyTest extends CitizenJourney {
  @BeforeAll
  static void start() {
    startWith(TownHallServers.inMemory(folder));
  }

  @Override
  String name() {
    return "memory";
  }

  @Test
  void widgetFitsA360PixelPhoneScreenAtEveryStep() {
    browser.width(360);
    try {
      browser.open(servers.portalUrl());
      WidgetSteps widget = new WidgetSteps(browser);
      browser.find(widget.root(), "input[type=radio]");
      narrow("1-department");
      widget.clickRadio("transport");
      widget.clickContinue("Úředník");
      narrow("2-official");
      widget.clickRadio("*");
      widget.clickContinue("Agenda a téma");
      narrow("3-agenda");
      widget.clickRadio("driving-licence");
      widget.root().findElement(By.cssSelector("textarea")).sendKeys("Výměna řidičského průkazu");
      widget.clickContinue("Den a čas");
      widget.clickDay(null);
      narrow("4-day-and-times");
      browser.assertAccessible("widget at 360 px with free times");
      browser.find(widget.root(), "button.cd-slot").click();
      narrow("5-contact");
      widget.fillContact("Karel Novák", "karel.novak@example.cz");
      narrow("6-summary");
    } finally {
      browser.width(1280);
    }
  }

  private void narrow(String step) {
    browser.screenshot(name() + "-360-widget-" + step);
    assertThat(browser.overflow()).as("sideways scrolling at 360 px, step " + step).isLessThanOrEqualTo(0);
    WebElement host = browser.driver().findElement(By.cssSelector("civic-diary-booking"));
    assertThat(host.getRect().getWidth()).isLessThanOrEqualTo(360);
  }

  @Test
  void aTimeTakenMeanwhileRefreshesTheFreeTimesAndSaysSo() {
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    widget.clickToCalendar("civil-affairs", "lucie-dvorakova", "residence", "Změna trvalého pobytu");
    widget.clickDay(null);
    List<String> before = times(widget);
    browser.find(widget.root(), "button.cd-slot").click();
    Map<String, Object> slot = widget.chosenSlot();
    widget.fillContact("Eva Malá", "eva.mala@example.cz");

    assertThat(servers.bookOverHttp("lucie-dvorakova", "residence", (String) slot.get("start"), "someone@example.cz"))
        .as("another citizen, a little faster").isEqualTo(201);
    browser.find(widget.root(), "button[type=submit]", "Závazně objednat").click();

    WebElement alert = browser.find(widget.root(), ".cd-alert p", "mezitím objednal někdo jiný");
    assertThat(alert.getText()).contains("obnovili");
    widget.expectStep("Den a čas");
    browser.find(widget.root(), "button.cd-slot");
    List<String> after = times(widget);
    assertThat(after).hasSize(before.size() - 1).doesNotContain(before.get(0));
    browser.screenshot(name() + "-1280-widget-slot-taken");
    browser.assertAccessible("widget after a time was taken");
  }

  @Test
  void anAddressOverTheOfficesLimitIsToldWhatToDo() {
    String email = "busy.citizen@example.cz";
    for (int day = 0; day < 3; day++) {
      var free = servers.diary().findingFreeSlots().ofOfficial(OfficialId.of("jiri-vesely"), AgendaId.of("driving-licence"),
          java.time.LocalDate.now(WidgetSteps.PRAGUE).plusDays(7 + day * 7L), java.time.LocalDate.now(WidgetSteps.PRAGUE).plusDays(13 + day * 7L));
      servers.diary().booking().book(new BookingRequest(OfficialId.of("jiri-vesely"), AgendaId.of("driving-licence"),
          free.get(0).start(), new Citizen("Busy Citizen", email, null), "Řidičák", Channel.WEB, Language.CS));
    }
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    widget.clickToCalendar("transport", "*", "parking-permit", "Parkovací karta");
    widget.clickDay(null);
    browser.find(widget.root(), "button.cd-slot").click();
    widget.fillContact("Busy Citizen", email);
    browser.find(widget.root(), "button[type=submit]", "Závazně objednat").click();

    widget.expectStep("Kontaktní údaje");
    WebElement message = browser.find(widget.root(), ".cd-field-error", "Na tuto e-mailovou adresu");
    assertThat(message.getText()).contains("zavolejte");
    WebElement input = widget.root().findElement(By.cssSelector("input[name=email]"));
    assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.focused()).isEqualTo(input);
    assertThat(browser.find(widget.root(), ".cd-alert").getText()).contains("+420 220 189 111");
    assertThat(servers.storage().reservations().openOfEmail(email)).hasSize(3);
  }

  @Test
  void speaksEnglishWhenThePortalSaysSo() {
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    browser.find(widget.root(), "input[type=radio]");
    browser.js("document.querySelector('civic-diary-booking').setAttribute('lang', 'en')");
    browser.find(widget.root(), ".cd-title", "Book an appointment");
    assertThat(browser.find(widget.root(), "legend").getText()).isEqualTo("Which department do you need?");
    widget.clickRadio("civil-affairs");
    browser.find(widget.root(), "button[type=submit]", "Continue").click();
    browser.find(widget.root(), ".cd-step-title", "Official");
    assertThat(browser.find(widget.root(), ".cd-help").getText()).contains("Monday 8:00–18:00", "Call centre");
    browser.screenshot(name() + "-1280-widget-english");
  }

  private List<String> times(WidgetSteps widget) {
    return widget.root().findElements(By.cssSelector("button.cd-slot .cd-slot-time")).stream().map(WebElement::getText).toList();
  }
}
