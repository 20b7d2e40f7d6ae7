/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookAttempt;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookDeliveryState;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEvent;
import org.civicdiary.booking.model.WebhookEventType;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The administrators' webhooks page in headless Chromium: a refused address is marked on its
 * field and nothing is stored; an added endpoint shows its secret once; rotating shows a new one;
 * the delivery log lists a given-up delivery that is sent again from there; deleting asks first.
 * axe-core checks the page with its cards open.
 */
class WebhooksConsoleTest extends StaffConsole {
  private static final String URL = "http://127.0.0.1:9/hooks";

  @Test
  void anAdministratorAddsRotatesReadsTheLogOfAndDeletesAnEndpoint() {
    Storage storage = servers.storage();
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    assertThat(console.menu()).contains("Webhooky");
    openPage();
    browser.find(browser.driver(), "#app p.cd-note", "Zatím žádné adresy.");

    browser.find(browser.driver(), "#app button", "Přidat adresu").click();
    WebElement heading = browser.find(browser.driver(), "#app section h2", "Přidat adresu");
    assertThat(browser.focused()).isEqualTo(heading);
    WebElement url = browser.find(browser.driver(), "input[name=url]");
    url.sendKeys("http://crm.example.cz/hooks");
    browser.find(browser.driver(), "#app section button[type=submit]", "Uložit").click();
    browser.until(d -> "true".equals(url.getAttribute("aria-invalid")) ? true : null);
    assertThat(browser.focused()).isEqualTo(url);
    assertThat(browser.find(browser.driver(), ".cd-alert[role=alert] p").getText()).contains("https");
    assertThat(storage.webhooks().endpoints()).as("nothing stored").isEmpty();
    browser.assertAccessible("console webhooks with a refused address");

    url.clear();
    url.sendKeys(URL);
    browser.find(browser.driver(), "input[name='event-reservation.no_show']").click();
    browser.find(browser.driver(), "#app section button[type=submit]", "Uložit").click();
    WebElement secret = browser.find(browser.driver(), "#app section input[name=secret]");
    String shown = secret.getAttribute("value");
    assertThat(shown).startsWith("whsec_");
    WebhookEndpoint saved = storage.webhooks().endpoints().get(0);
    assertThat(saved.secret().text()).isEqualTo(shown);
    assertThat(saved.url().toString()).isEqualTo(URL);
    assertThat(saved.events()).hasSize(5).doesNotContain(WebhookEventType.NO_SHOW);
    assertThat(row(URL).getText()).contains("Nová rezervace", "zapnuto");
    browser.assertAccessible("console webhooks with a new secret");
    browser.screenshot("console-1280-webhooks-secret");

    openPage();
    assertThat(browser.driver().getPageSource()).as("the secret shows once").doesNotContain(shown);

    button(URL, "Vyměnit klíč").click();
    browser.find(browser.driver(), "#app section h2", "Vyměnit podpisový klíč pro " + URL);
    browser.find(browser.driver(), "#app section button[type=submit]", "Vyměnit klíč").click();
    WebElement rotated = browser.find(browser.driver(), "#app section input[name=secret]");
    assertThat(rotated.getAttribute("value")).startsWith("whsec_").isNotEqualTo(shown);
    WebhookEndpoint afterRotation = storage.webhooks().endpoint(saved.id()).orElseThrow();
    assertThat(afterRotation.previousSecret()).isEqualTo(saved.secret());
    assertThat(afterRotation.secret().text()).isEqualTo(rotated.getAttribute("value"));

    WebhookDelivery delivery = givenUp(storage);
    openPage();
    button(URL, "Doručení").click();
    browser.find(browser.driver(), "#app section h2", "Záznam doručení pro " + URL);
    WebElement line = browser.find(browser.driver(), "tr[data-delivery='" + delivery.number() + "']");
    assertThat(line.getText()).contains("Nová rezervace", "vzdáno", "HTTP 503");
    browser.assertAccessible("console webhooks delivery log");
    line.findElement(By.cssSelector("button")).click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Doručení " + delivery.number() + " je znovu ve frontě.");
    assertThat(storage.webhooks().delivery(delivery.number()).orElseThrow().state())
        .isEqualTo(WebhookDeliveryState.PENDING);

    button(URL, "Smazat").click();
    browser.find(browser.driver(), "#app section button", "Opravdu smazat").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Adresa " + URL + " je smazána.");
    assertThat(storage.webhooks().endpoints()).isEmpty();
    browser.find(browser.driver(), "#app p.cd-note", "Zatím žádné adresy.");
  }

  /** Opens the page; unlike the other pages it may hold no form, section or table (no endpoints yet). */
  private static void openPage() {
    browser.open(servers.consoleUrl() + "#webhooks");
    browser.find(browser.driver(), "h1", "Webhooky");
    browser.find(browser.driver(), "#app button", "Přidat adresu");
  }

  private static WebhookDelivery givenUp(Storage storage) {
    Instant now = servers.clock().instant();
    WebhookEvent event = new WebhookEvent("msg_console", WebhookEventType.CREATED, ReservationId.random(),
        DepartmentId.of("civil"), OfficialId.of("someone"), AgendaId.of("residence"), now.plus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(15)), ZoneId.of("Europe/Prague"), Status.ACTIVE,
        Channel.WEB, now);
    return storage.transactions().inTransaction(() -> {
      storage.webhooks().publish(event);
      WebhookDelivery claimed = storage.webhooks().claim(1, now, Duration.ofMinutes(1)).get(0);
      storage.webhooks().giveUp(claimed.number(), new WebhookAttempt(now, 503, "HTTP 503", Duration.ofMillis(12)));
      return claimed;
    });
  }

  private static WebElement row(String url) {
    return browser.driver().findElements(By.cssSelector("#app tr[data-webhook]")).stream()
        .filter(r -> r.getText().contains(url)).findFirst().orElse(null);
  }

  private static WebElement button(String url, String text) {
    return row(url).findElements(By.cssSelector("button")).stream().filter(b -> b.getText().equals(text))
        .findFirst().orElseThrow();
  }
}
