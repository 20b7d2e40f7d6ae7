/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.Passwords;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrators' console pages in headless Chromium: staff accounts (an account made in the
 * console signs in, and is refused once disabled), the office's settings (a refused value is marked
 * on its field; a saved one is what the API then reports), the audit log (the administrator's
 * changes, with the administrator as actor), the weekly statistics (the figures of bookings made over
 * the API), whether officials' calendar feeds name the citizen (a checkbox, in Czech and English),
 * the menu by role, and axe-core on each new page at 1280 and 360 px (screenshots under
 * target/screenshots/).
 */
class AdminConsoleTest extends StaffConsole {
  private static final String NEW_PASSWORD = "Petra's own long passphrase";
  private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("d. M. yyyy");
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("H:mm:ss");
  private static final Map<String, String> NEW_PAGES = Map.of(
      "statistics", "Statistiky",
      "office", "Nastavení úřadu",
      "accounts", "Účty pracovníků",
      "audit", "Záznam změn");
  private static final Map<String, String> NEW_PAGES_IN_ENGLISH = Map.of(
      "statistics", "Statistics",
      "office", "Office settings",
      "accounts", "Staff accounts",
      "audit", "Audit log");

  @Test
  void anAccountMadeInTheConsoleSignsInAndIsRefusedOnceDisabled() {
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("accounts", "Účty pracovníků");
    assertThat(row("petra.mala")).as("no such account yet").isNull();
    browser.find(browser.driver(), "#app button", "Nový účet").click();
    WebElement heading = browser.find(browser.driver(), "#app section h2", "Nový účet");
    assertThat(browser.focused()).isEqualTo(heading);

    browser.find(browser.driver(), "input[name=username]").sendKeys("petra.mala");
    assertThat(browser.find(browser.driver(), "select[name=role]").getAttribute("value")).isEqualTo("OPERATOR");
    browser.find(browser.driver(), "input[name=password]").sendKeys("too short");
    browser.find(browser.driver(), "input[name=passwordAgain]").sendKeys("too short");
    browser.find(browser.driver(), "#app section button[type=submit]", "Uložit").click();

    WebElement refused = browser.find(browser.driver(), ".cd-alert[role=alert] p", "Heslo musí mít 12 až 256 znaků");
    assertThat(refused.getText()).startsWith("Nové heslo:");
    WebElement password = browser.driver().findElement(By.cssSelector("input[name=password]"));
    assertThat(password.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.focused()).isEqualTo(password);
    assertThat(describedBy(password)).contains("Heslo musí mít 12 až 256 znaků");
    assertThat(servers.storage().staffAccounts().find("petra.mala")).as("nothing saved").isEmpty();
    browser.screenshot("console-1280-accounts-refused");

    password.clear();
    password.sendKeys(NEW_PASSWORD);
    WebElement again = browser.driver().findElement(By.cssSelector("input[name=passwordAgain]"));
    again.clear();
    again.sendKeys(NEW_PASSWORD, Keys.ENTER);
    WebElement done = browser.find(browser.driver(), ".cd-status .cd-success", "Účet petra.mala je uložen.");
    assertThat(browser.focused()).isEqualTo(done);
    assertThat(browser.driver().findElements(By.cssSelector(".cd-alert p"))).isEmpty();
    assertThat(row("petra.mala").getText()).contains("operátor", "aktivní");
    StaffAccount saved = servers.storage().staffAccounts().find("petra.mala").orElseThrow();
    assertThat(saved.role()).isEqualTo(Role.OPERATOR);
    assertThat(saved.active()).isTrue();
    assertThat(Passwords.verify(NEW_PASSWORD, saved.passwordHash())).isTrue();
    assertThat(browser.driver().getPageSource()).doesNotContain(saved.passwordHash()).doesNotContain(NEW_PASSWORD);

    console.logIn("petra.mala", NEW_PASSWORD);
    browser.find(browser.driver(), "h1", "Pracovní seznam");
    assertThat(console.menu()).contains("Pracovní seznam").doesNotContain("Účty pracovníků");

    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("accounts", "Účty pracovníků");
    row("petra.mala").findElement(By.cssSelector("button")).click();
    WebElement editing = browser.find(browser.driver(), "#app section h2", "Účet petra.mala");
    assertThat(browser.focused()).isEqualTo(editing);
    assertThat(browser.driver().findElements(By.cssSelector("#app section input[name=username]"))).as("a name stays").isEmpty();
    WebElement active = browser.find(browser.driver(), "#app section input[name=active]");
    assertThat(active.isSelected()).isTrue();
    active.click();
    browser.find(browser.driver(), "#app section button[type=submit]", "Uložit").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Účet petra.mala je uložen.");
    assertThat(row("petra.mala").getText()).contains("zablokovaný");
    StaffAccount disabled = servers.storage().staffAccounts().find("petra.mala").orElseThrow();
    assertThat(disabled.active()).isFalse();
    assertThat(Passwords.verify(NEW_PASSWORD, disabled.passwordHash())).as("an empty password field keeps the password").isTrue();

    console.signOut();
    console.typeLogin("petra.mala", NEW_PASSWORD);
    browser.find(browser.driver(), ".cd-alert[role=alert] p", "Uživatelské jméno nebo heslo nesouhlasí.");
    assertThat(browser.driver().findElements(By.cssSelector(".cd-user-name"))).isEmpty();
  }

  @Test
  void aRefusedOfficeSettingIsMarkedOnItsFieldAndASavedOneIsWhatTheApiReports() {
    String token = servers.staffToken(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    JsonNode before = office(token).get("policy");
    int retention = before.get("retentionDays").asInt() + 30;
    Duration notice = Duration.parse(before.get("minimumNotice").asText()).plusMinutes(90);

    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("office", "Nastavení úřadu");
    WebElement noticeField = browser.find(browser.driver(), "input[name='policy.minimumNotice']");
    assertThat(noticeField.getAttribute("value")).isEqualTo(czechHours(Duration.parse(before.get("minimumNotice").asText())));
    noticeField.clear();
    noticeField.sendKeys("dvě hodiny");
    browser.find(browser.driver(), "#app button[type=submit]", "Uložit").click();
    browser.find(browser.driver(), ".cd-alert[role=alert] p", "Nejkratší předstih objednání (hodiny): Zadejte počet hodin od 0 do 720");
    assertThat(browser.focused()).isEqualTo(noticeField);
    assertThat(noticeField.getAttribute("aria-invalid")).isEqualTo("true");
    noticeField.clear();
    noticeField.sendKeys(czechHours(notice));

    WebElement retentionField = browser.find(browser.driver(), "input[name='policy.retentionDays']");
    assertThat(retentionField.getAttribute("value")).isEqualTo(before.get("retentionDays").asText());
    retentionField.clear();
    retentionField.sendKeys("0");
    browser.find(browser.driver(), "#app button[type=submit]", "Uložit").click();

    WebElement refused = browser.find(browser.driver(), ".cd-alert[role=alert] p", "Zadejte číslo od 1 do 3650.");
    assertThat(refused.getText()).startsWith("Osobní údaje držet po schůzce (dny):");
    assertThat(retentionField.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.focused()).isEqualTo(retentionField);
    assertThat(describedBy(retentionField)).contains("Zadejte číslo od 1 do 3650.");
    assertThat(noticeField.getAttribute("aria-invalid")).as("the earlier mark is gone").isNull();
    assertThat(office(token).get("policy")).as("a refused value changes nothing").isEqualTo(before);
    browser.screenshot("console-1280-office-refused");

    retentionField.clear();
    retentionField.sendKeys(Integer.toString(retention));
    browser.find(browser.driver(), "#app button[type=submit]", "Uložit").click();
    WebElement done = browser.find(browser.driver(), ".cd-status .cd-success", "Uloženo.");
    assertThat(browser.focused()).isEqualTo(done);

    JsonNode after = office(token).get("policy");
    assertThat(after.get("retentionDays").asInt()).isEqualTo(retention);
    assertThat(Duration.parse(after.get("minimumNotice").asText())).isEqualTo(notice);
    assertThat(after.get("horizonDays")).as("the rest as it was").isEqualTo(before.get("horizonDays"));
    JsonNode published = servers.call(null, "GET", "/api/v1/departments", null).json().get("offices").get(0).get("booking");
    assertThat(Duration.parse(published.get("minimumNotice").asText())).as("what the widget is told").isEqualTo(notice);
    assertThat(browser.find(browser.driver(), "input[name='policy.retentionDays']").getAttribute("value"))
        .isEqualTo(Integer.toString(retention));
  }

  @Test
  void theProposalHoldIsSetInHoursWithWhatItMeansForDisplacedCitizensAndTheHolidayCalendarIsOneTheDeploymentKnows() {
    String token = servers.staffToken(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    JsonNode before = office(token);
    assertThat(before.get("policy").get("proposalHold").asText()).isEqualTo("PT48H");

    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("office", "Nastavení úřadu");
    WebElement hold = browser.find(browser.driver(), "input[name='policy.proposalHold']");
    assertThat(hold.getAttribute("value")).isEqualTo("48");
    assertThat(describedBy(hold)).contains("náhradní termíny", "nikdo jiný neobjedná");
    Select calendar = new Select(browser.find(browser.driver(), "select[name='holidayCalendar']"));
    assertThat(calendar.getOptions()).extracting(WebElement::getText).containsExactly("CZ");
    assertThat(calendar.getFirstSelectedOption().getText()).isEqualTo("CZ");

    hold.clear();
    hold.sendKeys("72,5");
    browser.find(browser.driver(), "#app button[type=submit]", "Uložit").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Uloženo.");
    browser.screenshot("console-1280-office-proposal-hold");
    browser.assertAccessible("console office with its proposal hold and holiday calendar");

    JsonNode after = office(token);
    assertThat(Duration.parse(after.get("policy").get("proposalHold").asText())).isEqualTo(Duration.ofMinutes(72 * 60 + 30));
    assertThat(after.get("holidayCalendar").asText()).isEqualTo("CZ");
    ((ObjectNode) after.get("policy")).put("proposalHold", "PT48H");
    assertThat(after).as("the rest as it was").isEqualTo(before);
    assertThat(browser.find(browser.driver(), "input[name='policy.proposalHold']").getAttribute("value")).isEqualTo("72,5");

    // Back to the default, through the same field.
    WebElement again = browser.find(browser.driver(), "input[name='policy.proposalHold']");
    again.clear();
    again.sendKeys("48");
    browser.find(browser.driver(), "#app button[type=submit]", "Uložit").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Uloženo.");
    assertThat(office(token)).isEqualTo(before);
  }

  @Test
  void theFeedNamesCheckboxIsUntickedByDefaultAndTickedLetsAnOfficialsFeedNameTheCitizenInBothLanguages() throws Exception {
    OfficialId benes = OfficialId.of("josef-benes");
    AgendaId counselling = AgendaId.of("social-counselling");
    servers.storage().transactions().run(() -> servers.storage().staffAccounts().save(
        new StaffAccount("josef.benes", Passwords.hash(TownHallServers.PASSWORD), Role.OFFICIAL, benes, true)));
    LocalDate tomorrow = servers.today().plusDays(1);
    FreeSlot free = servers.diary().findingFreeSlots().ofOfficial(benes, counselling, tomorrow, tomorrow.plusDays(7)).get(0);
    servers.diary().booking().book(new BookingRequest(benes, counselling, free.start(),
        new Citizen("Karel Hynek Mácha", "karel.macha@example.cz", null), "Poradenství", Channel.WEB, Language.CS));
    TownHallServers.Answer made = servers.call(servers.staffToken("josef.benes", TownHallServers.PASSWORD), "POST",
        "/api/v1/staff/officials/josef-benes/feed", null);
    assertThat(made.status()).isEqualTo(201);
    String feed = made.json().get("url").asText();
    assertThat(read(feed)).contains("SUMMARY:Sociální poradenství\r\n").doesNotContain("Mácha");
    String token = servers.staffToken(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    JsonNode before = office(token).get("policy");

    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("office", "Nastavení úřadu");
    WebElement names = browser.find(browser.driver(), "input[name='policy.feedShowsCitizenNames']");
    assertThat(names.isSelected()).as("privacy by default").isFalse();
    assertThat(label(names)).isEqualTo("Uvádět jméno občana v kalendářích úředníků");
    assertThat(describedBy(names)).contains("další kopií osobních údajů");
    browser.find(browser.driver(), "label", "Uvádět jméno občana v kalendářích úředníků").click();
    assertThat(names.isSelected()).as("the label ticks it").isTrue();
    browser.find(browser.driver(), "#app button[type=submit]", "Uložit").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Uloženo.");

    JsonNode allowed = office(token).get("policy");
    assertThat(allowed.get("feedShowsCitizenNames").asBoolean()).isTrue();
    ((ObjectNode) allowed).put("feedShowsCitizenNames", false);
    assertThat(allowed).as("the rest as it was").isEqualTo(before);
    assertThat(read(feed)).as("the official's calendar, at once").contains("SUMMARY:Sociální poradenství – Karel Hynek Mácha");

    browser.find(browser.driver(), "#switch-language").click();
    try {
      console.open("office", "Office settings");
      WebElement english = browser.find(browser.driver(), "input[name='policy.feedShowsCitizenNames']");
      assertThat(english.isSelected()).as("the saved rule shown").isTrue();
      assertThat(label(english)).isEqualTo("Show the citizen's name in officials' calendars");
      assertThat(describedBy(english)).contains("another copy of personal data");
      browser.screenshot("console-1280-office-feed-names-english");
      english.click();
      browser.find(browser.driver(), "#app button[type=submit]", "Save").click();
      browser.find(browser.driver(), ".cd-status .cd-success", "Saved.");
    } finally {
      browser.find(browser.driver(), "#switch-language").click();
      browser.find(browser.driver(), "h1", "Nastavení úřadu");
    }
    assertThat(office(token).get("policy")).isEqualTo(before);
    assertThat(read(feed)).doesNotContain("Mácha");
  }

  @Test
  void theAuditLogListsTheAdministratorsChangesInTheOfficesTime() {
    String token = servers.staffToken(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    TownHallServers.Answer account = servers.call(token, "PUT", "/api/v1/staff/accounts/karel.audit",
        Map.of("role", "OPERATOR", "active", true, "password", "Karel's long passphrase"));
    assertThat(account.status()).isEqualTo(200);
    ObjectNode office = (ObjectNode) office(token);
    String id = office.remove("id").asText();
    int horizon = office.get("policy").get("horizonDays").asInt();
    ((ObjectNode) office.get("policy")).put("horizonDays", horizon + 1);
    assertThat(servers.call(token, "PUT", "/api/v1/staff/offices/" + id, office).status()).isEqualTo(200);

    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("audit", "Záznam změn");
    WebElement accountRow = browser.find(browser.driver(), "#app tr[data-action='staff.account.save'][data-subject='karel.audit']");
    assertThat(cells(accountRow)).startsWith(TownHallServers.ADMIN, "Uložení účtu", "karel.audit");
    assertThat(change(accountRow, "Po")).contains("role=OPERATOR", "active=true", "password set").doesNotContain("pbkdf2");
    assertThat(accountRow.findElements(By.cssSelector("details"))).as("created: nothing before").hasSize(1);
    WebElement when = accountRow.findElement(By.cssSelector("time"));
    ZonedDateTime local = Instant.parse(when.getAttribute("datetime")).atZone(WidgetSteps.PRAGUE);
    assertThat(when.getText().replace('\u00a0', ' ')).contains(LOCAL_DATE.format(local), LOCAL_TIME.format(local));

    WebElement officeRow = browser.find(browser.driver(), "#app tr[data-action='office.save'][data-subject='" + id + "']");
    assertThat(cells(officeRow)).startsWith(TownHallServers.ADMIN, "Změna nastavení úřadu", id);
    assertThat(officeRow.findElement(By.cssSelector(".cd-change-summary")).getText())
        .as("what changed, at a glance").isEqualTo("horizonDays: " + horizon + " → " + (horizon + 1));
    assertThat(change(officeRow, "Před")).contains("horizonDays=" + horizon + ",");
    String after = change(officeRow, "Po");
    assertThat(after).contains("horizonDays=" + (horizon + 1) + ",");
    assertThat(after.lines().count()).as("one field a line").isGreaterThan(3);
    browser.screenshot("console-1280-audit-opened");

    WebElement filter = browser.find(browser.driver(), "input[name=filter]");
    filter.sendKeys("karel");
    browser.find(browser.driver(), "#app caption", "Zobrazené záznamy: 1 z ");
    assertThat(browser.driver().findElements(By.cssSelector("#app tbody tr"))).hasSize(1);
  }

  @Test
  void theStatisticsCountTheBookingsMadeOverTheApiAndPrint() {
    String token = servers.staffToken(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    LocalDate firstMonday = servers.today().plusDays(8).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    OfficialId official = OfficialId.of("vaclav-pokorny");
    AgendaId agenda = AgendaId.of("building-notice");
    Map<String, Map<String, Integer>> expected = new TreeMap<>();
    List<String> phoneBookings = new ArrayList<>();
    int citizen = 0;
    for (int week = 0; week < 2; week++) {
      LocalDate monday = firstMonday.plusWeeks(week);
      List<FreeSlot> free = servers.diary().findingFreeSlots().ofOfficial(official, agenda, monday, monday.plusDays(6));
      int web = 2 + week;
      for (int i = 0; i < web + 1; i++) {
        boolean byPhone = i == web;
        String start = free.get(i).start().toString();
        TownHallServers.Answer booked = byPhone
            ? servers.call(token, "POST", "/api/v1/staff/reservations", Map.of("official", official.value(), "agenda", agenda.value(),
                "start", start, "name", "Volající " + i, "phone", "+420 601 000 00" + i, "topic", "Přístavba garáže", "language", "cs"))
            : servers.call(null, "POST", "/api/v1/reservations", Map.of("official", official.value(), "agenda", agenda.value(),
                "start", start, "name", "Občan " + citizen, "email", "citizen" + citizen++ + "@example.cz", "topic", "Přístavba garáže",
                "language", "cs"), Map.of("Altcha", servers.solvedChallenge()));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        if (byPhone) {
          phoneBookings.add(booked.json().get("reservation").get("id").asText());
        }
        Map<String, Integer> counts = expected.computeIfAbsent(isoWeek(monday), w -> new TreeMap<>());
        counts.merge("bookings", 1, Integer::sum);
        counts.merge(byPhone ? "phone" : "web", 1, Integer::sum);
        counts.merge("active", 1, Integer::sum);
      }
    }
    String cancelled = phoneBookings.get(0);
    assertThat(servers.call(token, "POST", "/api/v1/staff/reservations/" + cancelled + "/cancel", Map.of("note", "Vyřízeno jinak"))
        .status()).isEqualTo(200);
    Map<String, Integer> firstWeek = expected.get(isoWeek(firstMonday));
    firstWeek.merge("active", -1, Integer::sum);
    firstWeek.merge("cancelled", 1, Integer::sum);

    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    console.open("statistics?from=" + firstMonday + "&to=" + firstMonday.plusWeeks(2).minusDays(1) + "&department=building-authority",
        "Statistiky");
    WebElement table = browser.find(browser.driver(), "#app table");
    assertThat(table.findElement(By.tagName("caption")).getText().replace('\u00a0', ' '))
        .contains("Rezervace podle týdnů", LOCAL_DATE.format(firstMonday), "Stavební úřad");
    assertThat(table.findElements(By.cssSelector("tbody tr"))).as("the two weeks with bookings").hasSize(expected.size());
    Map<String, Integer> total = new TreeMap<>();
    expected.forEach((week, counts) -> {
      WebElement row = table.findElement(By.cssSelector("tbody tr[data-department='building-authority'][data-week='" + week + "']"));
      assertThat(row.getText()).contains("Stavební úřad", week);
      for (String figure : List.of("bookings", "web", "phone", "active", "displaced", "cancelled", "completed", "noShows")) {
        assertThat(figure(row, figure)).as(week + " " + figure).isEqualTo(counts.getOrDefault(figure, 0));
        total.merge(figure, counts.getOrDefault(figure, 0), Integer::sum);
      }
    });
    WebElement totals = table.findElement(By.cssSelector("tfoot tr"));
    total.forEach((figure, n) -> assertThat(figure(totals, figure)).as("total " + figure).isEqualTo(n));
    browser.screenshot("console-1280-statistics-figures");

    ChromeDriver chrome = (ChromeDriver) browser.driver();
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertThat(browser.driver().findElement(By.cssSelector(".cd-page-header")).isDisplayed()).as("no menu on paper").isFalse();
      assertThat(browser.driver().findElement(By.cssSelector("#app form")).isDisplayed()).as("no form on paper").isFalse();
      assertThat(table.isDisplayed()).isTrue();
      browser.screenshot("console-print-statistics");
    } finally {
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  @Test
  void theMenuShowsWhatTheRoleMayUseAndAnOfficialsAccountNamesTheirDiary() {
    console.logIn(TownHallServers.OPERATOR, TownHallServers.PASSWORD);
    assertThat(console.menu()).contains("Pracovní seznam", "Statistiky")
        .doesNotContain("Účty pracovníků", "Záznam změn", "Nastavení úřadu", "Odbory");
    browser.open(servers.consoleUrl() + "#accounts");
    browser.find(browser.driver(), "h1", "Pracovní seznam");

    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    assertThat(console.menu()).containsAll(NEW_PAGES.values());
    browser.find(browser.driver(), "#menu a", "Účty pracovníků").click();
    WebElement heading = browser.find(browser.driver(), "h1", "Účty pracovníků");
    browser.until(d -> heading.equals(browser.focused()) ? true : null);
    browser.find(browser.driver(), "#app button", "Nový účet").click();
    browser.find(browser.driver(), "input[name=username]").sendKeys("jana.novakova");
    assertThat(browser.driver().findElement(By.cssSelector("select[name=official]")).isDisplayed()).as("only for officials").isFalse();
    new Select(browser.find(browser.driver(), "select[name=role]")).selectByValue("OFFICIAL");
    new Select(browser.find(browser.driver(), "select[name=official]")).selectByValue("jana-novakova");
    browser.find(browser.driver(), "input[name=password]").sendKeys("Jana's long passphrase");
    browser.find(browser.driver(), "input[name=passwordAgain]").sendKeys("Jana's long passphrase", Keys.ENTER);
    browser.find(browser.driver(), ".cd-status .cd-success", "Účet jana.novakova je uložen.");
    assertThat(row("jana.novakova").getText()).contains("úředník", "Mgr. Jana Nováková");
    StaffAccount official = servers.storage().staffAccounts().find("jana.novakova").orElseThrow();
    assertThat(official.role()).isEqualTo(Role.OFFICIAL);
    assertThat(official.official()).isEqualTo(OfficialId.of("jana-novakova"));

    console.logIn("jana.novakova", "Jana's long passphrase");
    assertThat(console.menu()).contains("Hledat rezervace", "Denní plán")
        .doesNotContain("Statistiky", "Účty pracovníků", "Záznam změn", "Nastavení úřadu", "Pracovní seznam");
  }

  @Test
  void theNewPagesPassAxeAt1280And360PixelsAndSpeakEnglish() {
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    try {
      for (int width : new int[] {1280, 360}) {
        browser.width(width);
        for (Map.Entry<String, String> page : new TreeMap<>(NEW_PAGES).entrySet()) {
          // all weeks, so that the statistics show a table whichever test ran before
          console.open(page.getKey().equals("statistics") ? "statistics?all=1" : page.getKey(), page.getValue());
          browser.find(browser.driver(), "#app table, #app fieldset");
          browser.screenshot("console-" + width + "-" + page.getKey());
          browser.assertAccessible("console " + page.getKey() + " at " + width + " px");
          assertThat(browser.overflow()).as("sideways scrolling at " + width + " px, " + page.getKey()).isLessThanOrEqualTo(0);
        }
      }
    } finally {
      browser.width(1280);
    }
    browser.find(browser.driver(), "#switch-language").click();
    try {
      for (Map.Entry<String, String> page : new TreeMap<>(NEW_PAGES_IN_ENGLISH).entrySet()) {
        console.open(page.getKey(), page.getValue());
      }
      browser.screenshot("console-1280-statistics-english");
    } finally {
      browser.find(browser.driver(), "#switch-language").click();
      browser.find(browser.driver(), "h1", NEW_PAGES.get("statistics"));
    }
  }

  /** The label of a checkbox (the console puts it beside the box, tied by its id). */
  private static String label(WebElement box) {
    return browser.driver().findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).getText();
  }

  /** What a calendar program reads at the feed's address. */
  private static String read(String url) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  /** The office as the staff API reports it. */
  private static JsonNode office(String token) {
    TownHallServers.Answer offices = servers.call(token, "GET", "/api/v1/staff/offices", null);
    assertThat(offices.status()).isEqualTo(200);
    return offices.json().get("offices").get(0);
  }

  /** Hours as the Czech console shows and takes them: "2", "3,5". */
  private static String czechHours(Duration duration) {
    return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private static String isoWeek(LocalDate day) {
    return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The accounts table's row of the user, or null. */
  private static WebElement row(String username) {
    browser.find(browser.driver(), "#app table");
    return browser.driver().findElements(By.cssSelector("#app tr[data-username='" + username + "']")).stream().findFirst().orElse(null);
  }

  private static int figure(WebElement row, String figure) {
    return Integer.parseInt(row.findElement(By.cssSelector("td[data-figure='" + figure + "']")).getText());
  }

  /** The texts of the row's cells after the first (the time). */
  private static List<String> cells(WebElement row) {
    List<String> texts = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    return texts.subList(1, texts.size());
  }

  /** Opens the row's "Před" or "Po" and answers the record's text shown there. */
  private static String change(WebElement row, String label) {
    WebElement details = row.findElements(By.cssSelector("details")).stream()
        .filter(d -> d.findElement(By.tagName("summary")).getText().equals(label)).findFirst().orElseThrow();
    details.findElement(By.tagName("summary")).click();
    return browser.until(d -> {
      String text = details.findElement(By.tagName("pre")).getText();
      return text.isEmpty() ? null : text;
    });
  }

  /** The texts the control's aria-describedby points at. */
  private static String describedBy(WebElement control) {
    StringBuilder text = new StringBuilder();
    for (String id : control.getAttribute("aria-describedby").split(" ")) {
      text.append(browser.driver().findElement(By.id(id)).getText()).append(' ');
    }
    return text.toString();
  }
}
