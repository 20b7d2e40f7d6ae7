--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- A stamp of each official's busy time: set to a new random value in the same unit of work as any
-- change to what the official's active reservations hold (booked, moved, ended, displaced). An
-- adapter may keep busy time in memory and learn with one cheap read whether it is still what the
-- database holds. Random rather than a counter, so that a rolled-back unit of work or a database
-- rebuilt under a running adapter can never repeat a stamp. 0 means never stamped: never cached.
-- A tool that writes reservations behind the adapter's back must set a new stamp too.
alter table official add column busy_version bigint not null default 0;
