/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 14 item 6: every spelling of one mailbox has one key; different mailboxes keep theirs. */
class EmailKeyTest {

  @ParameterizedTest
  @CsvSource({
      "Eva.Nova@Example.CZ, eva.nova@example.cz",
      "eva.nova+1@example.cz, eva.nova@example.cz",
      "eva.nova+a+b@example.cz, eva.nova@example.cz",
      "Eva.Nova+x@GMAIL.com, evanova@gmail.com",
      "e.v.a.n.o.v.a@googlemail.com, evanova@gmail.com",
      "evanova@gmail.com., evanova@gmail.com",
      "+only@example.cz, +only@example.cz",
  })
  void oneMailboxHasOneNormalForm(String typed, String mailbox) {
    assertThat(EmailKey.mailbox(typed)).isEqualTo(mailbox);
    assertThat(EmailKey.of(typed)).isEqualTo(EmailKey.of(mailbox));
  }

  @ParameterizedTest
  @CsvSource({
      "eva.nova@example.cz, evanova@example.cz",
      "eva@example.cz, eva@example.com",
      "eva-1@example.cz, eva@example.cz",
  })
  void dotsCountWhereTheProviderReadsThem(String one, String other) {
    assertThat(EmailKey.of(one)).isNotEqualTo(EmailKey.of(other));
  }

  @ParameterizedTest
  @CsvSource({"a+1@x.cz", "A.B@GMail.com"})
  void onlyTheHashIsKept(String typed) {
    assertThat(EmailKey.of(typed)).matches("[0-9a-f]{64}");
  }
}
