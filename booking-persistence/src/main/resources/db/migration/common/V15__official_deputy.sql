--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Who stands in for an official for one agenda, in order (ordinal 0 first). Saving an agenda
-- deletes the rows of officials who no longer handle it, so no row names someone who cannot stand in.
create table official_deputy (
  official_id varchar(64) not null references official (id),
  agenda_id   varchar(64) not null references agenda (id) on delete cascade,
  ordinal     integer     not null,
  deputy_id   varchar(64) not null references official (id),
  primary key (official_id, agenda_id, deputy_id),
  constraint official_deputy_order unique (official_id, agenda_id, ordinal),
  constraint official_deputy_not_self check (deputy_id <> official_id)
);
create index official_deputy_of_deputy on official_deputy (deputy_id);
create index official_deputy_of_agenda on official_deputy (agenda_id);
