--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- A migration that only a newer civic-diary has: applied to make a schema "newer than the code".
create table from_a_newer_version (id integer primary key);
