--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- A window may serve only some agendas (a Saturday service for ID cards and passports): their ids,
-- comma-separated; null serves every agenda the official handles.
alter table diary_window add column agendas varchar(6500);

-- A window opens on a public holiday only on the dates it names (ISO dates, comma-separated).
-- The former flag "also on public holidays" (on_holidays) maps to no date: a window that had it
-- is closed on holidays from now on, because the flag opened weekend services on every holiday
-- (26 December, 1 and 8 May) where offices meant none; an office opens the holidays it wants by
-- date. Reservations already booked on such a day stay as they are.
alter table diary_window add column holiday_openings varchar(1100);
alter table diary_window drop column on_holidays;

-- Each office names its public-holiday calendar; the built-in one is the Czech Republic's.
alter table office add column holiday_calendar varchar(16) not null default 'CZ';
