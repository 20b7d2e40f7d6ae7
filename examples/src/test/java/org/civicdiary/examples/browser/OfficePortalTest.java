/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.examples.demo.SampleNeighbour;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A portal of one town hall in a deployment of several (issue 17): its widget names the office, so
 * the citizen sees that office's departments only and its officials' free time, and books there.
 */
class OfficePortalTest extends StaffConsole {
  @Test
  void theWidgetOfOneOfficeOffersOnlyItsDepartmentsAndBooksWithItsOfficials() {
    new SampleNeighbour(servers.storage(), servers.clock()).loadIfAbsent();

    browser.open(servers.portalUrl(SampleNeighbour.OFFICE));
    WidgetSteps widget = new WidgetSteps(browser);
    browser.find(widget.root(), "input[type=radio]");
    List<String> departments = widget.root().findElements(By.cssSelector("input[type=radio]")).stream()
        .map(r -> r.getAttribute("value")).toList();
    assertThat(departments).as("Prague 6's departments are not this portal's").containsExactly("horomerice-registry");
    browser.assertAccessible("widget of one office");

    widget.department("horomerice-registry");
    widget.firstAvailable();
    widget.agenda("horomerice-czech-point", "Výpis z rejstříku trestů");
    browser.find(widget.root(), "button.cd-day");
    Map<String, Object> slot = widget.dayAndTime(0);
    widget.contact("Karel Novotný", "karel.novotny@example.cz", "+420 777 000 111");
    widget.confirm();
    browser.find(widget.root(), ".cd-success", "Jste objednáni");
    WebElement code = browser.find(widget.root(), ".cd-code strong");
    assertThat(servers.storage().reservations().search(new ReservationSearch(
        code.getText().replaceAll("[^0-9A-Z]", ""), null, null, null, null, null, 10)))
        .singleElement()
        .satisfies(r -> assertThat(r.official().value()).startsWith("horomerice-").isEqualTo(slot.get("official")))
        .satisfies(r -> assertThat(r.department().value()).isEqualTo("horomerice-registry"));
  }
}
