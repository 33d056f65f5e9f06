-- Which departments may record dishonesty records in a domain (the credit office sets it; a department may hold
-- several domains, e.g. a 综合行政执法 bureau). A department records only in the domains it holds.
create table record_domain_departments (
  domain text not null references record_domains(code),
  department_id uuid not null references departments(id),
  primary key (domain, department_id)
);
create index record_domain_departments_department on record_domain_departments (department_id);

-- An existing database keeps working: each department holds the domains it has already recorded in, and the seed
-- departments (matched by code) hold their seed domains. A fresh database has no departments yet: the catalog seed
-- sets the holders when it creates them.
insert into record_domain_departments (domain, department_id)
select distinct r.domain, r.department_id from records r
union
select v.domain, d.id
from (values
  ('market_regulation', 'amr'), ('food_drug', 'amr'), ('tax', 'tax'), ('ecology_environment', 'eco'),
  ('work_safety', 'emergency'), ('housing_construction', 'housing'), ('human_resources', 'hrss')
) as v(domain, code)
join departments d on d.code = v.code
join record_domains rd on rd.code = v.domain
on conflict do nothing;
