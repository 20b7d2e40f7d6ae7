--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Officials' busy feeds: the URL of their own calendar (one an official) and how its last poll
-- went. Of the calendar itself only busy intervals are kept (busy_time), never titles, places or
-- attendees.
create table busy_feed (
  official_id    varchar(64)              primary key references official (id),
  url            varchar(2000)            not null,
  etag           varchar(200),
  last_modified  varchar(200),
  polled_at      timestamp with time zone,
  succeeded_at   timestamp with time zone,
  failure        varchar(20)              check (failure in ('UNREACHABLE', 'REFUSED', 'INVALID', 'TOO_LARGE',
                                                             'TOO_MANY_EVENTS')),
  failure_detail varchar(200)
);

-- The last good poll's busy intervals; free time reads them for a range of officials and dates.
create table busy_time (
  official_id varchar(64)              not null references official (id),
  start_at    timestamp with time zone not null,
  end_at      timestamp with time zone not null,
  check (end_at > start_at)
);
create index busy_time_by_official on busy_time (official_id, start_at);

-- Reservations that new busy time came to cover: on the worklist until an operator decides.
create table busy_conflict (
  reservation_id uuid                     primary key references reservation (id),
  official_id    varchar(64)              not null references official (id),
  busy_start     timestamp with time zone not null,
  busy_end       timestamp with time zone not null,
  found_at       timestamp with time zone not null
);
