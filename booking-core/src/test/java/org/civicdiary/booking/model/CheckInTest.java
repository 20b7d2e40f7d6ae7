/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;
import org.junit.jupiter.api.Test;

class CheckInTest {
  private static final ReservationId ID = ReservationId.random();
  private static final Instant ARRIVED = Instant.parse("2027-03-01T09:00:00Z");

  @Test
  void aVisitGoesFromWaitingToInTheMeetingToDone() {
    CheckIn arrived = CheckIn.arrived(ID, ARRIVED, "rita");
    assertThat(arrived.waiting()).isTrue();
    assertThat(arrived.inMeeting()).isFalse();
    assertThat(arrived.waited()).isNull();

    CheckIn started = arrived.started(ARRIVED.plusSeconds(420));
    assertThat(started.waiting()).isFalse();
    assertThat(started.inMeeting()).isTrue();
    assertThat(started.waited()).isEqualTo(Duration.ofMinutes(7));

    CheckIn ended = started.ended(ARRIVED.plusSeconds(1200));
    assertThat(ended.inMeeting()).isFalse();
    assertThat(ended.waited()).isEqualTo(Duration.ofMinutes(7));
    assertThat(ended.checkedInBy()).isEqualTo("rita");
  }

  @Test
  void timesOutOfOrderAreRefusedByField() {
    assertThatThrownBy(() -> CheckIn.arrived(ID, ARRIVED, "rita").started(ARRIVED.minusSeconds(1)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("startedAt"));
    assertThatThrownBy(() -> new CheckIn(ID, ARRIVED, "rita", null, ARRIVED.plusSeconds(5)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("endedAt"));
    assertThatThrownBy(() -> CheckIn.arrived(ID, ARRIVED, "rita").started(ARRIVED.plusSeconds(60))
        .ended(ARRIVED.plusSeconds(59))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("endedAt"));
    assertThatThrownBy(() -> CheckIn.arrived(null, ARRIVED, "rita")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> CheckIn.arrived(ID, null, "rita")).isInstanceOf(InvalidInput.class);
  }

  @Test
  void theReceptionRoleManagesNoDiary() {
    StaffMember reception = new StaffMember("rita", Role.RECEPTION, null);
    assertThat(reception.mayManage(OfficialId.of("novak"))).isFalse();
    assertThat(Role.RECEPTION.worksEveryDiary()).isFalse();
    assertThat(Role.OPERATOR.worksEveryDiary()).isTrue();
    assertThat(Role.ADMIN.worksEveryDiary()).isTrue();
    assertThat(Role.OFFICIAL.worksEveryDiary()).isFalse();
    assertThat(new StaffMember("novak", Role.OFFICIAL, OfficialId.of("novak")).mayManage(OfficialId.of("novak"))).isTrue();
  }
}
