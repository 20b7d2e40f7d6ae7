/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.OfficialId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The console sends an absence's dates and times as typed and the server reads them in the
 * office's zone (Prague), so the stored instants follow the server's rules at the daylight-saving
 * changes, not the browser's.
 */
class ConsoleLocalTimeTest extends StaffConsole {
  private static final OfficialId JANA = OfficialId.of("jana-novakova");

  @Test
  void anAbsenceTypedAcrossTheAutumnOverlapCoversBothPassesAndOneInsideTheSpringGapIsRefused() {
    console.logIn(TownHallServers.OPERATOR, TownHallServers.PASSWORD);
    console.open("absences", "Nepřítomnosti");
    new Select(browser.find(browser.driver(), "select[name=official]")).selectByValue(JANA.value());

    // 2027-10-31: the clocks go back from 03:00 to 02:00; 02:00 is the first pass, 03:00 comes after the second
    type("2027-10-31", "02:00", "2027-10-31", "03:00");
    browser.find(browser.driver(), "button[type=submit]", "Zapsat nepřítomnost").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Nepřítomnost je zapsána");
    assertThat(absences()).singleElement().satisfies(a -> {
      assertThat(a.start()).isEqualTo(Instant.parse("2027-10-31T00:00:00Z"));
      assertThat(a.end()).isEqualTo(Instant.parse("2027-10-31T02:00:00Z"));
    });

    // 2027-03-28: 02:15 to 02:45 never shows on a clock, so the absence would be empty
    type("2027-03-28", "02:15", "2027-03-28", "02:45");
    browser.find(browser.driver(), "button[type=submit]", "Zapsat nepřítomnost").click();
    browser.until(d -> "true".equals(browser.find(d, "input[name=endDate]").getAttribute("aria-invalid")) ? true : null);
    assertThat(browser.find(browser.driver(), ".cd-alert").getText()).contains("after start");
    assertThat(absences()).hasSize(1);
  }

  private void type(String startDate, String startTime, String endDate, String endTime) {
    browser.js("const f = (n, v) => { document.querySelector(`input[name=${n}]`).value = v; };"
        + "f('startDate', arguments[0]); f('startTime', arguments[1]); f('endDate', arguments[2]); f('endTime', arguments[3]);",
        startDate, startTime, endDate, endTime);
  }

  private List<Absence> absences() {
    return servers.storage().diaries().absences(List.of(JANA), Instant.parse("2027-01-01T00:00:00Z"),
        Instant.parse("2028-01-01T00:00:00Z"));
  }
}
