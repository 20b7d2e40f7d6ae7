--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Proposals held for displaced citizens. Each proposed time is a reservation of status HELD (as a
-- waiting-list offer is), so the held_slot key keeps everyone else off it on any engine; this table
-- says whose displaced reservation it is kept for and until when.
create table proposal_hold (
  hold_id      uuid                     primary key references reservation (id),
  displaced_id uuid                     not null references reservation (id),
  hold_until   timestamp with time zone not null
);
create index proposal_hold_of_displaced on proposal_hold (displaced_id);
create index proposal_hold_by_end on proposal_hold (hold_until);

-- "Please call me": the citizen of a displaced reservation asked the operators to call.
create table call_request (
  reservation_id uuid                     primary key references reservation (id),
  requested_at   timestamp with time zone not null
);

-- How long an office holds proposals (two days unless it says otherwise).
alter table office add column proposal_hold_seconds bigint not null default 172800;
alter table office add constraint office_proposal_hold check (proposal_hold_seconds >= 60);

-- A new message kind: the absence was undone and the meeting stands as booked.
alter table outbox_message drop constraint outbox_message_kind_check;
alter table outbox_message add constraint outbox_message_kind_check
  check (kind in ('CONFIRMATION', 'REMINDER', 'CANCELLED_BY_CITIZEN', 'CANCELLED_BY_OFFICE', 'DISPLACED',
                  'RESCHEDULED', 'WAITING_LIST_CONFIRMATION', 'WAITING_LIST_OFFER', 'RESTORED'));
