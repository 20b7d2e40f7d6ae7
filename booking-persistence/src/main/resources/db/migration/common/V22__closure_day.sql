--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Dates an office, or one department (department_id set), is closed beyond the public holidays.
create table closure_day (
  id            uuid         primary key,
  office_id     varchar(64)  not null references office (id),
  department_id varchar(64)  references department (id),
  closed_on     date         not null,
  reason        varchar(500) not null
);

create index closure_day_of_office on closure_day (office_id, closed_on);
