/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.Passwords;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * My account in headless Chromium: a staff member sees where they are signed in, this session
 * marked, and ends another; changes their password (a guessable one is refused on its field), which
 * ends the other sessions and keeps this one; and a session left unused for half an hour (the
 * servers' clock moved on) ends. An administrator ends all sessions of the account from the
 * accounts page. axe-core checks the page.
 */
class OwnAccountConsoleTest extends StaffConsole {
  private static final String USER = "pavla.operator";
  private static final String NEW_PASSWORD = "violet tractor hums quietly at dawn";

  @Test
  void aStaffMemberEndsAnotherSessionChangesTheirPasswordAndAnIdleSessionEnds() {
    Storage storage = servers.storage();
    storage.transactions().run(() -> storage.staffAccounts().save(
        new StaffAccount(USER, Passwords.hash(TownHallServers.PASSWORD), Role.OPERATOR, null, true)));
    String laptop = otherSession("Firefox on the other laptop");
    String phone = otherSession("Safari on the phone");
    console.logIn(USER, TownHallServers.PASSWORD);
    assertThat(console.menu()).contains("Můj účet");
    console.open("account", "Můj účet");

    assertThat(rows()).hasSize(3);
    assertThat(row("Firefox on the other laptop").getText()).contains("127.0.0.x");
    assertThat(browser.driver().findElements(By.cssSelector("#app tr[data-session] .cd-this-session")))
        .singleElement().satisfies(marker -> assertThat(marker.getText()).contains("toto přihlášení"));
    browser.assertAccessible("console my account");

    row("Firefox on the other laptop").findElement(By.cssSelector("button")).click();
    browser.find(browser.driver(), ".cd-status", "Přihlášení je ukončené.");
    browser.until(d -> rows().size() == 2 ? true : null);
    assertThat(servers.call(laptop, "GET", "/api/v1/staff/me", null).status()).isEqualTo(401);
    assertThat(servers.call(phone, "GET", "/api/v1/staff/me", null).status()).isEqualTo(200);

    WebElement current = browser.find(browser.driver(), "input[name=currentPassword]");
    WebElement wanted = browser.find(browser.driver(), "input[name=newPassword]");
    WebElement again = browser.find(browser.driver(), "input[name=newPasswordAgain]");
    current.sendKeys(TownHallServers.PASSWORD);
    wanted.sendKeys("pavla.operator1");
    again.sendKeys("pavla.operator1", Keys.ENTER);
    browser.until(d -> "true".equals(wanted.getAttribute("aria-invalid")) ? true : null);
    assertThat(browser.find(browser.driver(), ".cd-alert").getText()).contains("Nové heslo", "snadno uhodnout");
    assertThat(servers.call(phone, "GET", "/api/v1/staff/me", null).status()).as("nothing changed").isEqualTo(200);

    browser.find(browser.driver(), "input[name=currentPassword]").sendKeys(TownHallServers.PASSWORD);
    WebElement wantedAgain = browser.find(browser.driver(), "input[name=newPassword]");
    wantedAgain.clear();
    wantedAgain.sendKeys(NEW_PASSWORD);
    WebElement repeat = browser.find(browser.driver(), "input[name=newPasswordAgain]");
    repeat.clear();
    repeat.sendKeys(NEW_PASSWORD, Keys.ENTER);
    browser.find(browser.driver(), ".cd-status", "Heslo je změněné.");
    browser.until(d -> rows().size() == 1 ? true : null);
    assertThat(servers.call(phone, "GET", "/api/v1/staff/me", null).status()).as("the other sessions end").isEqualTo(401);
    assertThat(servers.staffToken(USER, NEW_PASSWORD)).isNotBlank();
    browser.assertAccessible("console my account after the password change");

    // Half an hour unused: the next request finds the session over and the console asks to sign in.
    servers.clock().advance(Duration.ofMinutes(31));
    try {
      browser.open(servers.consoleUrl() + "#worklist");
      browser.find(browser.driver(), ".cd-alert", "Přihlášení vypršelo");
      browser.find(browser.driver(), "input[name=username]");
      assertThat(browser.driver().findElements(By.cssSelector(".cd-user-name"))).isEmpty();
    } finally {
      servers.clock().set(TownHallServers.NOW);
    }

    // A lost laptop: an administrator ends every session of the account from the accounts page.
    String lost = servers.staffToken(USER, NEW_PASSWORD);
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("accounts", "Účty pracovníků");
    browser.find(browser.driver(), "#app tr[data-username='" + USER + "'] button[aria-label='Ukončit všechna přihlášení účtu "
        + USER + "']").click();
    browser.find(browser.driver(), ".cd-status", "Přihlášení účtu " + USER + " ukončena:");
    assertThat(servers.call(lost, "GET", "/api/v1/staff/me", null).status()).isEqualTo(401);
    assertThat(storage.staffAccounts().sessions(USER, servers.clock().instant())).isEmpty();
  }

  private static String otherSession(String userAgent) {
    TownHallServers.Answer login = servers.call(null, "POST", "/api/v1/staff/login",
        Map.of("username", USER, "password", TownHallServers.PASSWORD, "bearer", true), Map.of("User-Agent", userAgent));
    assertThat(login.status()).isEqualTo(200);
    return login.json().get("token").asText();
  }

  private static List<WebElement> rows() {
    return browser.driver().findElements(By.cssSelector("#app tr[data-session]"));
  }

  private static WebElement row(String text) {
    return rows().stream().filter(r -> r.getText().contains(text)).findFirst().orElseThrow();
  }
}
