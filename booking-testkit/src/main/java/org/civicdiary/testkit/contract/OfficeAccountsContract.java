/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.OFFICE;

import java.security.SecureRandom;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.AccountChange;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff accounts in a deployment of several offices: each account belongs to one office (an
 * administrator without one administers the deployment), the storage keeps the office, and an
 * office's administrator sees and keeps only their office's accounts. An adapter's test extends
 * this class and returns a new, empty storage from {@link #emptyStorage()}.
 */
public abstract class OfficeAccountsContract {
  /** The neighbouring municipality, beside the fixtures' Prague 6. */
  protected static final OfficeId HOROMERICE = OfficeId.of("horomerice");
  private static final DepartmentId REGISTRY = DepartmentId.of("horomerice-registry");
  private static final OfficialId KRAL = OfficialId.of("horomerice-kral");
  private static final String PASSWORD = "correct horse battery staple";
  private static final StaffMember DEPLOYMENT = new StaffMember("dana.deployment", Role.ADMIN, null, false, null);
  private static final StaffMember ADMIN_B = new StaffMember("hana.horomerice", Role.ADMIN, null, false, HOROMERICE);
  protected Storage storage;
  private CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    diary = CivicDiary.builder().storage(storage).clock(new MutableClock(NOW)).random(new SecureRandom()).build();
  }

  private void addSecondOffice() {
    Office prague = Fixtures.office();
    storage.transactions().run(() -> {
      storage.directory().save(new Office(HOROMERICE, LocalizedText.of("Obec Horoměřice", "Horoměřice"), prague.zone(),
          prague.slotLength(), new Place("Obecní úřad Horoměřice", "Velvarská 1, 252 62 Horoměřice"), prague.phones(),
          prague.policy()));
      storage.directory().save(new Department(REGISTRY, HOROMERICE, LocalizedText.of("Matrika", "Registry"),
          new Place("Obecní úřad Horoměřice", "Velvarská 1, přízemí")));
      storage.directory().save(new Official(KRAL, REGISTRY, "Josef Král", "kancelář 1", null, true));
    });
  }

  @Test
  void theStorageKeepsAnAccountsOfficeAndNoneForTheDeploymentsAdministrator() {
    addSecondOffice();
    StaffAccount operator = new StaffAccount("olga.operator", "hash", Role.OPERATOR, null, true, false, HOROMERICE);
    StaffAccount deployment = new StaffAccount("dana.deployment", "hash", Role.ADMIN, null, true, false, null);
    storage.transactions().run(() -> {
      storage.staffAccounts().save(operator);
      storage.staffAccounts().save(deployment);
    });

    assertThat(storage.staffAccounts().find("olga.operator")).contains(operator);
    assertThat(storage.staffAccounts().find("dana.deployment")).contains(deployment);
    assertThat(storage.staffAccounts().find("olga.operator").orElseThrow().member().office()).isEqualTo(HOROMERICE);

    StaffAccount moved = new StaffAccount("olga.operator", "hash", Role.OPERATOR, null, true, false, OFFICE);
    storage.transactions().run(() -> storage.staffAccounts().save(moved));
    assertThat(storage.staffAccounts().find("olga.operator")).contains(moved);
  }

  @Test
  void withOneOfficeANewOperatorAndAnOfficialBelongToItAndAnAdministratorToTheDeployment() {
    StaffAccount operator = diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("olga.operator", Role.OPERATOR, null, true, PASSWORD));
    StaffAccount official = diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("jan.novak", Role.OFFICIAL, NOVAK, true, PASSWORD));
    StaffAccount admin = diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("alena.admin", Role.ADMIN, null, true, PASSWORD));

    assertThat(operator.office()).isEqualTo(OFFICE);
    assertThat(official.office()).isEqualTo(OFFICE);
    assertThat(admin.office()).isNull();
    assertThat(storage.staffAccounts().find("olga.operator").orElseThrow().office()).isEqualTo(OFFICE);
  }

  @Test
  void withSeveralOfficesANewOperatorGetsTheNamedOfficeOrElseTheFirstAndKeepsIt() {
    addSecondOffice();
    assertThat(diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("eva.operator", Role.OPERATOR, null, true, PASSWORD)).office())
        .as("the first office by id, as the console showed before").isEqualTo(HOROMERICE);
    assertThatThrownBy(() -> diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("olga.operator", Role.OPERATOR, null, true, PASSWORD, OfficeId.of("nowhere"))))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("office"));
    assertThat(storage.staffAccounts().find("olga.operator")).isEmpty();

    StaffAccount named = diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("olga.operator", Role.OPERATOR, null, true, PASSWORD, OFFICE));
    assertThat(named.office()).isEqualTo(OFFICE);
    StaffAccount kept = diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("olga.operator", Role.OPERATOR, null, false, null));
    assertThat(kept.office()).as("left out, the office stays").isEqualTo(OFFICE);
  }

  @Test
  void anOfficialsAccountBelongsToTheOfficialsOfficeWhateverElseIsNamed() {
    addSecondOffice();
    StaffAccount kral = diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("josef.kral", Role.OFFICIAL, KRAL, true, PASSWORD));
    assertThat(kral.office()).isEqualTo(HOROMERICE);

    assertThatThrownBy(() -> diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("jan.novak", Role.OFFICIAL, NOVAK, true, PASSWORD, HOROMERICE)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("office"));
    assertThat(storage.staffAccounts().find("jan.novak")).isEmpty();
  }

  @Test
  void anOfficesAdministratorSeesAndKeepsOnlyTheirOfficesAccounts() {
    addSecondOffice();
    diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("olga.operator", Role.OPERATOR, null, true, PASSWORD, OFFICE));
    diary.keepingStaffAccounts().save(DEPLOYMENT,
        new AccountChange("hana.horomerice", Role.ADMIN, null, true, PASSWORD, HOROMERICE));

    StaffAccount theirs = diary.keepingStaffAccounts().save(ADMIN_B,
        new AccountChange("petra.operator", Role.OPERATOR, null, true, PASSWORD));
    assertThat(theirs.office()).as("an office's administrator adds to their own office").isEqualTo(HOROMERICE);
    StaffAccount theirAdmin = diary.keepingStaffAccounts().save(ADMIN_B,
        new AccountChange("ivan.admin", Role.ADMIN, null, true, PASSWORD));
    assertThat(theirAdmin.office()).as("never a deployment administrator").isEqualTo(HOROMERICE);

    assertThat(diary.keepingStaffAccounts().accounts(ADMIN_B)).extracting(StaffAccount::username)
        .containsExactly("hana.horomerice", "ivan.admin", "petra.operator");
    assertThat(diary.keepingStaffAccounts().accounts(DEPLOYMENT)).extracting(StaffAccount::username)
        .containsExactly("hana.horomerice", "ivan.admin", "olga.operator", "petra.operator");

    StaffAccount before = storage.staffAccounts().find("olga.operator").orElseThrow();
    assertThatThrownBy(() -> diary.keepingStaffAccounts().save(ADMIN_B,
        new AccountChange("olga.operator", Role.OPERATOR, null, false, PASSWORD)))
        .as("another office's account is refused as if it did not exist").isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> diary.keepingStaffAccounts().save(ADMIN_B,
        new AccountChange("jan.novak", Role.OFFICIAL, NOVAK, true, PASSWORD)))
        .as("another office's official").isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> diary.keepingStaffAccounts().save(ADMIN_B,
        new AccountChange("eva.operator", Role.OPERATOR, null, true, PASSWORD, OFFICE)))
        .as("another office").isInstanceOf(NotFound.class);
    assertThat(storage.staffAccounts().find("olga.operator")).contains(before);
    assertThat(storage.staffAccounts().find("jan.novak")).isEmpty();
    assertThat(storage.staffAccounts().find("eva.operator")).isEmpty();
  }
}
