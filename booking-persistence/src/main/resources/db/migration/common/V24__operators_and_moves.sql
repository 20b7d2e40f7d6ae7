--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- How many meetings one e-mail address may hold with one official on one day (the office's rule,
-- one unless it says otherwise).
alter table office add column max_daily_per_email integer not null default 1;
alter table office add constraint office_max_daily_per_email check (max_daily_per_email between 1 and 100);

-- The operators' own notes and contact attempts on a reservation ("called, no answer"): never sent
-- to the citizen, unlike the reservation's note. Removed with the citizen's data at anonymisation,
-- since they may name the caller.
create table work_note (
  id             bigint generated always as identity primary key,
  reservation_id uuid                     not null references reservation (id),
  kind           varchar(16)              not null check (kind in ('NOTE', 'CONTACT_ATTEMPT')),
  written_at     timestamp with time zone not null,
  written_by     varchar(100)             not null,
  body           varchar(1000)            not null
);
create index work_note_of_reservation on work_note (reservation_id, id);

-- A move's message keeps the official and the time before it, so that it says whether the time
-- moved or only the official changed.
alter table outbox_message add column previous_official_id varchar(64);
alter table outbox_message add column previous_start_at timestamp with time zone;
