-- Subjects keep their names over time (曾用名) and a registration status (存续/注销), and are found by any fragment
-- of a current or former name (issue 10, docs/subjects-and-search.md).

-- 存续 'active' or 注销 'deregistered', with the day the status took effect (null: not recorded).
alter table subjects add column status text not null default 'active' check (status in ('active', 'deregistered'));
alter table subjects add column status_date date;

-- Every name a subject has borne. The current one has valid_to null; a former one ends the day before its successor
-- began. subjects.name stays the current name (every other module reads it there).
-- search_key: the name as search compares it (subjects/name-grams.ts): normalizeSubjectName without brackets and
-- with 有限责任 read as 有限.
create table subject_names (
  id uuid primary key,
  subject_id uuid not null references subjects(id),
  name text not null,
  search_key text not null,
  valid_from date,
  valid_to date,
  created_at timestamptz not null,
  check (valid_from is null or valid_to is null or valid_from <= valid_to)
);
create unique index subject_names_current on subject_names (subject_id) where valid_to is null;
create index subject_names_subject on subject_names (subject_id, valid_to);

-- Postings of the name-fragment search: one row per distinct pair of adjacent characters (bigram) of each name's
-- search key. A btree holds on every PostgreSQL: pg_trgm cannot index 2-character patterns and extracts no
-- trigrams from Chinese under LC_CTYPE=C. The search scans one gram's postings in name-length order and checks the
-- key carried in the index (an index-only scan), so the key, the subject and whether it is a person are included.
-- Derived data, rebuilt from subject_names: no foreign key, so a backfill is not slowed by a check per posting.
create table subject_name_grams (
  gram text not null,
  name_length integer not null,
  name_id uuid not null,
  subject_id uuid not null,
  search_key text not null,
  person boolean not null
);

-- Existing subjects: their recorded name is their current name, since a day not recorded. The first name of a
-- subject has the subject's id.
insert into subject_names (id, subject_id, name, search_key, valid_from, valid_to, created_at)
select id, id, name, replace(replace(replace(name_key, '(', ''), ')', ''), '有限责任', '有限'), null, null, created_at
from subjects;

insert into subject_name_grams (gram, name_length, name_id, subject_id, search_key, person)
select distinct substr(n.search_key, i, 2), char_length(n.search_key), n.id, n.subject_id, n.search_key,
  s.kind = 'person'
from subject_names n
join subjects s on s.id = n.subject_id
cross join lateral generate_series(1, char_length(n.search_key) - 1) as i;

create unique index subject_name_grams_scan on subject_name_grams (gram, name_length, name_id)
  include (subject_id, search_key, person);
