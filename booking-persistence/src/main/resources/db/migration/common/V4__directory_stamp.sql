--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- A stamp of the directory and the diaries' windows and walk-in hours: set to a new random value in
-- the same unit of work as any change to them, so that an adapter may keep them in memory and learn
-- with one read of one row whether they are still what the database holds. 0: not stamped yet.
-- A tool that writes those tables behind the adapter's back must set a new stamp too.
create table directory_stamp (
  id    integer primary key check (id = 1),
  stamp bigint  not null
);
insert into directory_stamp (id, stamp) values (1, 0);
