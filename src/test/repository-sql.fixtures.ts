// The fixed dummy arguments of the SQL snapshot cases: bound parameters, so they never reach the snapshot text.
import * as catalog from '../modules/catalog/catalog.repository.ts';

export const id = '01900000-0000-7000-8000-000000000001';
export const otherId = '01900000-0000-7000-8000-000000000002';
export const now = new Date('2026-06-01T02:00:00Z');
export const later = new Date('2026-06-02T02:00:00Z');
export const earlier = new Date('2026-05-31T02:00:00Z');

export const listTypeContent: catalog.ListTypeContent = {
  code: 'tax_black',
  kind: 'black',
  name: '重大税收违法失信主体',
  legalBasis: '《重大税收违法失信主体信息公布管理办法》',
  basisLevel: 'regulation',
  identifyingDepartmentId: id,
  criteria: '认定标准',
  periodMonths: 36,
  earlyRemovalMonths: 24,
  removalConditions: '移出条件',
  removalProcedure: '移出程序',
  remedies: '救济途径',
  statementPeriodWorkingDays: 5,
  disclosure: { public: true, fields: ['name', 'uscc'], personIdentifiers: 'masked' },
  sharing: { departments: 'all' },
  sourceNote: '来源说明',
  exposed: false,
};
export const measureContent: catalog.MeasureContent = {
  code: 'restrict_bidding',
  kind: 'sanction',
  title: '限制参与招标投标',
  content: '措施内容',
  legalBasis: '法律依据',
  implementingDepartmentId: id,
  listTypeIds: [id],
  subjectRoles: ['subject'],
  scenarios: ['bidding'],
  seedItem: null,
  active: true,
};
export const dueFilter = { departmentId: id, today: '2026-06-01', before: '2026-06-03' };
export const period = {
  fromInstant: earlier,
  toInstant: now,
  from: '2026-05-01',
  to: '2026-05-31',
  today: '2026-06-01',
  departmentId: id,
};
