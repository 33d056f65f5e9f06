import { test } from 'node:test';
import assert from 'node:assert/strict';
import { departments, listTypes, measures, scenarios } from './catalog.seed.ts';

const departmentCodes = new Set(departments.map((d) => d.code));
const listTypeByCode = new Map(listTypes.map((l) => [l.code, l]));
const scenarioCodes = new Set(scenarios.map((s) => s.code));

function duplicates(codes: string[]): string[] {
  return codes.filter((code, i) => codes.indexOf(code) !== i);
}

/** Seed items a list type traces to, read from its sourceNote (e.g. '三.(一)9'). */
function listSeedItems(sourceNote: string): string[] {
  return sourceNote.match(/[二三]\.\(一\)\d+/g) ?? [];
}

test('codes are unique within departments, scenarios, list types and measures, and across list types and measures', () => {
  assert.deepEqual(duplicates(departments.map((d) => d.code)), []);
  assert.deepEqual(duplicates(scenarios.map((s) => s.code)), []);
  assert.deepEqual(duplicates([...listTypes.map((l) => l.code), ...measures.map((m) => m.code)]), []);
});

test('codes are short lower-case identifiers', () => {
  for (const code of [...departmentCodes, ...scenarioCodes, ...listTypeByCode.keys(), ...measures.map((m) => m.code)]) {
    assert.match(code, /^[a-z][a-z0-9_]{1,40}$/, code);
  }
});

test('there is exactly one credit office and it is the one named in the brief', () => {
  const offices = departments.filter((d) => d.kind === 'credit_office');
  assert.deepEqual(
    offices.map((d) => d.code),
    ['credit_office'],
  );
  assert.equal(offices[0]?.name, '示例区社会信用体系建设工作领导小组办公室');
});

test('the required scenarios exist', () => {
  for (const code of [
    'administrative_licensing',
    'fiscal_funds',
    'public_resource_trading',
    'commendation',
    'routine_inspection',
    'public_services',
    'financing',
    'market_access',
    'honours',
    'consumption',
  ]) {
    assert.ok(scenarioCodes.has(code), code);
  }
});

test('every department a list type or measure names exists', () => {
  for (const l of listTypes) {
    assert.ok(departmentCodes.has(l.identifyingDepartmentCode), `${l.code} → ${l.identifyingDepartmentCode}`);
    if (l.sharing.departments !== 'all') {
      assert.ok(l.sharing.departments.length > 0, `${l.code} shares with nobody`);
      for (const code of l.sharing.departments) assert.ok(departmentCodes.has(code), `${l.code} shares with ${code}`);
    }
  }
  for (const m of measures) {
    assert.ok(departmentCodes.has(m.implementingDepartmentCode), `${m.code} → ${m.implementingDepartmentCode}`);
  }
});

test('every department identifies a list type or implements a measure', () => {
  const used = new Set([
    ...listTypes.map((l) => l.identifyingDepartmentCode),
    ...measures.map((m) => m.implementingDepartmentCode),
  ]);
  for (const code of departmentCodes) assert.ok(used.has(code), code);
});

test('every measure names existing list types of its own kind, existing scenarios and at least one role', () => {
  for (const m of measures) {
    assert.ok(m.listTypeCodes.length > 0, `${m.code} has no list type`);
    assert.deepEqual(duplicates(m.listTypeCodes), [], m.code);
    for (const code of m.listTypeCodes) {
      const listType = listTypeByCode.get(code);
      assert.ok(listType, `${m.code} → ${code}`);
      assert.equal(listType.kind, m.kind === 'incentive' ? 'red' : 'black', `${m.code} → ${code}`);
    }
    assert.ok(m.scenarios.length > 0, `${m.code} has no scenario`);
    for (const code of m.scenarios) assert.ok(scenarioCodes.has(code), `${m.code} → ${code}`);
    assert.ok(m.subjectRoles.length > 0, `${m.code} has no role`);
    assert.deepEqual(duplicates(m.subjectRoles), [], m.code);
    assert.ok(m.legalBasis.trim().length > 0 && m.title.trim().length > 0 && m.content.trim().length > 0, m.code);
  }
});

test('every list type is used by at least one measure', () => {
  const used = new Set(measures.flatMap((m) => m.listTypeCodes));
  for (const code of listTypeByCode.keys()) assert.ok(used.has(code), code);
});

test('every black list type has a legal basis, a statement period and the full set of rules', () => {
  for (const l of listTypes.filter((x) => x.kind === 'black')) {
    assert.ok(l.legalBasis.trim().length > 0, l.code);
    assert.ok(l.statementPeriodWorkingDays > 0, l.code);
    for (const text of [l.criteria, l.removalConditions, l.removalProcedure, l.remedies, l.sourceNote]) {
      assert.ok(text.trim().length > 0, l.code);
    }
    assert.ok(Number.isInteger(l.periodMonths) && l.periodMonths > 0, l.code);
    if (l.earlyRemovalMonths !== null) {
      assert.ok(Number.isInteger(l.earlyRemovalMonths) && l.earlyRemovalMonths >= 0, l.code);
      assert.ok(l.earlyRemovalMonths < l.periodMonths, l.code);
    }
  }
});

test('administrative black lists name both remedies with their deadlines', () => {
  for (const l of listTypes.filter((x) => x.kind === 'black' && x.identifyingDepartmentCode !== 'court')) {
    assert.match(l.remedies, /行政复议/, l.code);
    assert.match(l.remedies, /60日/, l.code);
    assert.match(l.remedies, /行政诉讼/, l.code);
    assert.match(l.remedies, /6个月/, l.code);
  }
});

test('every red list type has a validity period, no early removal, no statement period and leaves on serious dishonesty', () => {
  for (const l of listTypes.filter((x) => x.kind === 'red')) {
    assert.ok(l.periodMonths >= 12 && l.periodMonths <= 36, l.code);
    assert.equal(l.earlyRemovalMonths, null, l.code);
    assert.equal(l.statementPeriodWorkingDays, 0, l.code);
    assert.match(l.removalConditions, /严重失信/, l.code);
  }
});

test('a list type that is not public discloses no fields, and identifiers are never public in full', () => {
  for (const l of listTypes) {
    if (!l.disclosure.public) assert.deepEqual(l.disclosure.fields, [], l.code);
    if (l.disclosure.fields.includes('citizenId')) assert.equal(l.disclosure.personIdentifiers, 'masked', l.code);
  }
});

test('measures for publicity only apply to list types that are publicly disclosed', () => {
  for (const m of measures.filter((x) => x.scenarios.includes('publicity'))) {
    for (const code of m.listTypeCodes) assert.ok(listTypeByCode.get(code)?.disclosure.public, `${m.code} → ${code}`);
  }
});

test('every incentive item 二.(二)1–7 and sanction item 三.(二)14–18 is covered by a measure of the right kind', () => {
  for (const m of measures) {
    assert.match(m.seedItem, m.kind === 'incentive' ? /^二\.\(二\)[1-7]$/ : /^三\.\(二\)1[4-8]$/, m.code);
  }
  const covered = new Set(measures.map((m) => m.seedItem));
  for (let i = 1; i <= 7; i++) assert.ok(covered.has(`二.(二)${i}`), `二.(二)${i}`);
  for (let i = 14; i <= 18; i++) assert.ok(covered.has(`三.(二)${i}`), `三.(二)${i}`);
});

test('every red category 1–6 and black domain 9–13 is covered by a list type of the right kind', () => {
  const covered = new Set<string>();
  for (const l of listTypes) {
    const items = listSeedItems(l.sourceNote);
    assert.ok(items.length > 0, `${l.code} names no seed item`);
    for (const item of items) {
      assert.match(item, l.kind === 'red' ? /^二\.\(一\)[1-6]$/ : /^三\.\(一\)(9|1[0-3])$/, `${l.code}: ${item}`);
      covered.add(item);
    }
  }
  for (let i = 1; i <= 6; i++) assert.ok(covered.has(`二.(一)${i}`), `二.(一)${i}`);
  for (let i = 9; i <= 13; i++) assert.ok(covered.has(`三.(一)${i}`), `三.(一)${i}`);
});

test('the measure catalog has between 25 and 35 measures', () => {
  assert.ok(measures.length >= 25 && measures.length <= 35, String(measures.length));
});
