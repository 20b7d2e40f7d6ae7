--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Several offices in one deployment: a staff account belongs to one office, and sees only its
-- data. An administrator without an office administers the whole deployment.
alter table staff_account add column office_id varchar(64) references office (id);

-- Existing accounts keep working: an official's account gets the official's office, the other
-- staff the first office (the one the console used until now); administrators become the
-- deployment's, who may act in any office.
update staff_account set office_id = (
  select d.office_id from official o join department d on d.id = o.department_id
  where o.id = staff_account.official_id)
where official_id is not null;
update staff_account set office_id = (select min(id) from office)
where official_id is null and staff_role <> 'ADMIN';

create index staff_account_of_office on staff_account (office_id);
