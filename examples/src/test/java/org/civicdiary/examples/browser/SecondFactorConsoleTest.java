/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.Passwords;
import org.civicdiary.testkit.AuthenticatorApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Two-step verification in headless Chromium: a staff member sets up an authenticator app from My
 * account (the key shown as text, the app's code confirms it), sees the ten recovery codes once,
 * and from then on the login asks for a code after the password: a wrong one is refused in words,
 * a recovery code lets them in. axe-core checks the pages.
 */
class SecondFactorConsoleTest extends StaffConsole {
  private static final String USER = "tereza.operator";

  @Test
  void aStaffMemberSetsUpAnAuthenticatorAppAndSignsInWithARecoveryCode() {
    Storage storage = servers.storage();
    storage.transactions().run(() -> storage.staffAccounts().save(
        new StaffAccount(USER, Passwords.hash(TownHallServers.PASSWORD), Role.OPERATOR, null, true)));
    console.logIn(USER, TownHallServers.PASSWORD);
    console.open("account", "Můj účet");

    browser.find(browser.driver(), "[data-second-factor=off] button", "Nastavit ověřovací aplikaci").click();
    String secret = browser.find(browser.driver(), "code[data-secret]").getText().replace(" ", "");
    assertThat(browser.find(browser.driver(), "code[data-otpauth]").getText()).startsWith("otpauth://totp/")
        .contains("secret=" + secret);
    String code = new AuthenticatorApp(secret).codeAt(servers.clock().instant());
    browser.find(browser.driver(), "input[name=code]").sendKeys(code, Keys.ENTER);

    browser.find(browser.driver(), "[data-second-factor=codes] h3", "Záložní kódy");
    List<WebElement> codes = browser.driver().findElements(By.cssSelector(".cd-recovery-codes li"));
    assertThat(codes).hasSize(10);
    String recovery = codes.get(0).getText();
    browser.assertAccessible("console recovery codes");
    browser.find(browser.driver(), "[data-second-factor=codes] button", "Kódy mám uschované").click();
    browser.find(browser.driver(), ".cd-status", "Dvoufázové ověření je zapnuté.");
    browser.find(browser.driver(), "[data-second-factor=on]", "Zbývajících záložních kódů: 10");

    console.signOut();
    console.typeLogin(USER, TownHallServers.PASSWORD);
    WebElement second = browser.find(browser.driver(), "form[data-form=second-step] input[name=code]");
    assertThat(browser.driver().findElements(By.cssSelector(".cd-user-name"))).as("not signed in yet").isEmpty();
    browser.assertAccessible("console login second step");
    second.sendKeys("12345x", Keys.ENTER);
    browser.find(browser.driver(), ".cd-alert", "Kód nesouhlasí");
    browser.find(browser.driver(), "form[data-form=second-step] input[name=code]").sendKeys(recovery, Keys.ENTER);
    browser.find(browser.driver(), ".cd-user-name", USER);
    assertThat(storage.staffAccounts().recoveryCodesLeft(USER)).isEqualTo(9);
  }
}
