/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicdiary.booking.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class StorageBuilderTest {
  @Test
  void aMissingPortIsRefusedByName() {
    Storage memory = InMemoryStorage.create();
    Storage.Builder withoutStaff = Storage.builder().directory(memory.directory()).diaries(memory.diaries())
        .reservations(memory.reservations()).outbox(memory.outbox()).auditLog(memory.auditLog())
        .idempotencyKeys(memory.idempotencyKeys()).challenges(memory.challenges()).apiKeys(memory.apiKeys())
        .transactions(memory.transactions()).webhooks(memory.webhooks())
        .officialFeeds(memory.officialFeeds())
        .waitingList(memory.waitingList()).busyFeeds(memory.busyFeeds()).checkIns(memory.checkIns());

    assertThatThrownBy(withoutStaff::build).isInstanceOf(NullPointerException.class).hasMessage("staffAccounts");
    assertThat(withoutStaff.staffAccounts(memory.staffAccounts()).build().staffAccounts())
        .isSameAs(memory.staffAccounts());
  }

  @Test
  void toBuilderReplacesOnePortAndKeepsTheOthers() {
    Storage memory = InMemoryStorage.create();
    Outbox other = InMemoryStorage.create().outbox();

    Storage changed = memory.toBuilder().outbox(other).build();

    assertThat(changed.outbox()).isSameAs(other);
    assertThat(changed.directory()).isSameAs(memory.directory());
    assertThat(changed.diaries()).isSameAs(memory.diaries());
    assertThat(changed.reservations()).isSameAs(memory.reservations());
    assertThat(changed.auditLog()).isSameAs(memory.auditLog());
    assertThat(changed.idempotencyKeys()).isSameAs(memory.idempotencyKeys());
    assertThat(changed.staffAccounts()).isSameAs(memory.staffAccounts());
    assertThat(changed.challenges()).isSameAs(memory.challenges());
    assertThat(changed.apiKeys()).isSameAs(memory.apiKeys());
    assertThat(changed.transactions()).isSameAs(memory.transactions());
    assertThat(changed.officialFeeds()).isSameAs(memory.officialFeeds());
    assertThat(changed.waitingList()).isSameAs(memory.waitingList());
    assertThat(changed.busyFeeds()).isSameAs(memory.busyFeeds());
    assertThat(changed.checkIns()).isSameAs(memory.checkIns());
  }
}
