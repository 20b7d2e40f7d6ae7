--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- A place's description in Czech and English (how to find it); none on places written before.
alter table office add column place_description_cs varchar(200);
alter table office add column place_description_en varchar(200);
alter table department add column place_description_cs varchar(200);
alter table department add column place_description_en varchar(200);
alter table diary_window add column place_description_cs varchar(200);
alter table diary_window add column place_description_en varchar(200);
