/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.examples.server.StandaloneServer;
import org.civicdiary.testkit.NeedsBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A portal whose origin the office has not put on the CORS allow-list: its developer finds the
 * reason and the key in the browser console, and citizens see a neutral text instead of being told
 * to check their internet connection.
 */
@NeedsBrowser
class RefusedPortalTest {
  @TempDir Path data;

  @Test
  void aRefusedPortalTellsItsDeveloperAndNotTheCitizen() throws Exception {
    Settings settings = Settings.of(Map.of(
        "civicdiary.db.url", "jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
        "civicdiary.mail.drop.folder", data.resolve("mail").toString(),
        "civicdiary.web.port", "0",
        "civicdiary.demo.portal-port", "0",
        "civicdiary.web.cors-origins", "https://www.praha6.example"));
    try (StandaloneServer server = StandaloneServer.start(settings, true); Browser browser = Browser.start(java.time.Clock.systemUTC())) {
      String portal = server.portalUri().orElseThrow().toString();
      String origin = portal.substring(0, portal.length() - 1);
      browser.open(portal);
      SearchContext widget = browser.widget();
      WebElement text = browser.find(widget, ".cd-error-text", "Objednávání teď na této stránce není k dispozici");
      assertThat(text.getText()).doesNotContain("internet");

      List<String> console = new ArrayList<>();
      String message = browser.until(d -> {
        d.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).forEach(console::add);
        return console.stream().filter(m -> m.contains("civicdiary.web.cors-origins")).findFirst().orElse(null);
      });
      assertThat(message).contains(origin).contains(server.apiUri().getPort() + "");
      browser.screenshot("refused-portal");
    }
  }
}
