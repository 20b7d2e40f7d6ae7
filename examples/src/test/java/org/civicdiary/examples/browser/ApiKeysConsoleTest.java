/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.civicdiary.booking.model.ApiKey;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The administrators' API keys page in headless Chromium: a key without a name is refused on its
 * field; a created key shows once and only its hash is stored; revoking marks it in the list.
 * axe-core checks the page with the new key shown and after the revocation.
 */
class ApiKeysConsoleTest extends StaffConsole {
  private static final String NAME = "Portál městské části";

  @Test
  void anAdministratorCreatesSeesOnceAndRevokesAKey() throws Exception {
    Storage storage = servers.storage();
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    assertThat(console.menu()).contains("Klíče API");
    openPage();

    browser.find(browser.driver(), "#app button[type=submit]", "Vytvořit klíč").click();
    WebElement name = browser.find(browser.driver(), "input[name=name]");
    browser.until(d -> "true".equals(name.getAttribute("aria-invalid")) ? true : null);
    assertThat(storage.apiKeys().all()).as("nothing stored").isEmpty();

    name.sendKeys(NAME);
    browser.find(browser.driver(), "#app button[type=submit]", "Vytvořit klíč").click();
    browser.find(browser.driver(), "#app section h2", "Klíč " + NAME + " je vytvořen.");
    String secret = browser.find(browser.driver(), "#app section input[readonly]").getAttribute("value");
    assertThat(secret).startsWith("cdk_");
    ApiKey stored = storage.apiKeys().all().get(0);
    assertThat(stored.name()).isEqualTo(NAME);
    assertThat(stored.hash()).as("only the hash is kept").isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .doesNotContain(secret);
    assertThat(row(NAME).getText()).contains(stored.prefix(), "aktivní");
    browser.assertAccessible("console API keys with a new key");

    browser.open(servers.consoleUrl() + "#audit");
    browser.find(browser.driver(), "h1", "Záznam změn");
    openPage();
    assertThat(browser.driver().getPageSource()).as("the key shows once").doesNotContain(secret);

    row(NAME).findElement(By.cssSelector("button")).click();
    browser.find(browser.driver(), ".cd-status", "Klíč " + NAME + " je zneplatněn.");
    assertThat(storage.apiKeys().all().get(0).revokedAt()).isNotNull();
    browser.until(d -> row(NAME) != null && row(NAME).getText().contains("zneplatněn") ? true : null);
    assertThat(row(NAME).findElements(By.cssSelector("button"))).as("a revoked key has no action").isEmpty();
    browser.assertAccessible("console API keys with a revoked key");
  }

  private static void openPage() {
    browser.open(servers.consoleUrl() + "#api-keys");
    browser.find(browser.driver(), "h1", "Klíče API");
    browser.find(browser.driver(), "input[name=name]");
  }

  private static WebElement row(String name) {
    return browser.driver().findElements(By.cssSelector("#app tr[data-key]")).stream()
        .filter(r -> r.getText().contains(name)).findFirst().orElse(null);
  }
}
