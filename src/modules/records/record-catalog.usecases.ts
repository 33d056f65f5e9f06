// The catalog of dishonesty records the credit office keeps: severity rules (periods), record domains (sharing,
// 双公示 deadline and the departments that record in them) and the mapping (domain, penalty type) → severity class
// (docs/domain/rules.md §3, §8). Read by everyone signed in; changed by the credit office or an administrator, each
// change an event on its own stream plus an audit row.
import type { Kysely } from 'kysely';
import {
  type Actor,
  chinaDate,
  type Clock,
  conflict,
  type DB,
  type Executor,
  json,
  notFound,
  type Severity,
  unprocessable,
  write,
} from '../shared/index.ts';
import { requireCatalogEditor } from '../catalog/index.ts';
import * as repo from './record-catalog.repository.ts';
import { catalogStreamId } from './record-catalog.streams.ts';
import { findDomain } from './records.repository.ts';
import {
  recordingDepartmentsOf,
  replaceRecordingDepartments,
  resolveDepartments,
} from './record-domain-departments.ts';

interface ReadDeps {
  db: Kysely<DB>;
}
interface WriteDeps {
  db: Kysely<DB>;
  clock: Clock;
  actor: Actor;
}

export async function listSeverityRules(deps: ReadDeps) {
  const rules = await repo.listSeverityRuleRows(deps.db);
  const order: Severity[] = ['minor', 'general', 'serious'];
  return { rules: rules.sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity)) };
}

export async function getSeverityRule(deps: ReadDeps, severity: Severity) {
  const rule = await repo.findSeverityRule(deps.db, severity);
  if (!rule) throw notFound('失信程度规则', 'severity_rule.not_found');
  return { rule };
}

export interface SeverityRuleInput {
  minMonths: number | null;
  maxMonths: number;
  disclosedByDefault: boolean;
  ruleVersion?: string;
  source: string;
}

/**
 * New periods apply to records made from now on: each record keeps the rule it was made under. A change of the
 * periods or of the default disclosure is a new rule version (given, or the China date); the source alone is not.
 */
export async function changeSeverityRule(deps: WriteDeps, severity: Severity, input: SeverityRuleInput) {
  requireCatalogEditor(deps.actor);
  if (input.minMonths !== null && input.minMonths > input.maxMonths) {
    throw unprocessable('severity_rule.min_after_max', '最短公示期不能长于最长公示期。', { field: 'minMonths' });
  }
  await write(deps, deps.actor.ref, async (w) => {
    const current = await repo.findSeverityRuleForUpdate(w.tx, severity);
    if (!current) throw notFound('失信程度规则', 'severity_rule.not_found');
    const rulesChanged =
      current.min_months !== input.minMonths ||
      current.max_months !== input.maxMonths ||
      current.disclosed_by_default !== input.disclosedByDefault;
    if (
      !rulesChanged &&
      current.source === input.source &&
      (input.ruleVersion ?? current.rule_version) === current.rule_version
    )
      return;
    let ruleVersion = current.rule_version;
    if (rulesChanged || (input.ruleVersion !== undefined && input.ruleVersion !== current.rule_version)) {
      if (input.ruleVersion === current.rule_version) {
        throw unprocessable(
          'severity_rule.version_unchanged',
          `期限已修改，规则版本须不同于当前版本「${current.rule_version}」。`,
          { field: 'ruleVersion' },
        );
      }
      ruleVersion = input.ruleVersion ?? nextVersion(current.rule_version, chinaDate(w.now));
    }
    await repo.updateSeverityRule(w.tx, severity, {
      min_months: input.minMonths,
      max_months: input.maxMonths,
      disclosed_by_default: input.disclosedByDefault,
      rule_version: ruleVersion,
      source: input.source,
      updated_at: w.now,
    });
    const payload = {
      severity,
      ruleVersion,
      minMonths: input.minMonths,
      maxMonths: input.maxMonths,
      disclosedByDefault: input.disclosedByDefault,
      previous: {
        ruleVersion: current.rule_version,
        minMonths: current.min_months,
        maxMonths: current.max_months,
        disclosedByDefault: current.disclosed_by_default,
      },
    };
    w.event({
      stream: 'severity_rule',
      streamId: catalogStreamId('severity_rule', severity),
      type: 'severity_rule.changed',
      payload,
    });
    w.audit({
      action: 'severity_rule.changed',
      target: `severity_rule:${severity}`,
      details: { ...payload, source: input.source },
    });
  });
  return getSeverityRule(deps, severity);
}

/** A version named by the day of the change; a second change that day gets a suffix. */
function nextVersion(current: string, today: string): string {
  if (current !== today && !current.startsWith(`${today}.`)) return today;
  const n = current === today ? 1 : Number(current.slice(today.length + 1)) || 1;
  return `${today}.${n + 1}`;
}

/** Every domain with the departments that record in it. */
export async function listRecordDomains(deps: ReadDeps) {
  const domains = await repo.listDomainRows(deps.db);
  return {
    domains,
    recording: await recordingDepartmentsOf(
      deps.db,
      domains.map((d) => d.code),
    ),
  };
}

export async function getRecordDomain(deps: ReadDeps, code: string) {
  const domain = await findDomain(deps.db, code);
  if (!domain) throw notFound('领域', 'record_domain.not_found');
  return { domain, recordingDepartments: (await recordingDepartmentsOf(deps.db, [code])).get(code)! };
}

export interface DomainInput {
  name: string;
  sharing: { departments: 'all' | string[] };
  disclosureWorkingDays: number;
}

export async function createRecordDomain(
  deps: WriteDeps,
  input: DomainInput & { code: string; recordingDepartments?: string[] },
) {
  requireCatalogEditor(deps.actor);
  await write(deps, deps.actor.ref, async (w) => {
    const sharing = await normalizeSharing(w.tx, input.sharing);
    const recorders = await resolveDepartments(w.tx, input.recordingDepartments ?? [], 'recordingDepartments');
    const inserted = await repo.insertDomainUnlessTaken(w.tx, {
      code: input.code,
      name: input.name,
      sharing: json(sharing),
      disclosure_working_days: input.disclosureWorkingDays,
      updated_at: w.now,
    });
    if (!inserted)
      throw conflict('record_domain.duplicate_code', `领域编码「${input.code}」已存在。`, { field: 'code' });
    const { after } = await replaceRecordingDepartments(w.tx, input.code, recorders);
    const payload = {
      code: input.code,
      name: input.name,
      sharing,
      disclosureWorkingDays: input.disclosureWorkingDays,
      recordingDepartments: after,
    };
    w.event({
      stream: 'record_domain',
      streamId: catalogStreamId('record_domain', input.code),
      type: 'record_domain.created',
      payload,
    });
    w.audit({ action: 'record_domain.created', target: `record_domain:${input.code}`, details: payload });
  });
  return getRecordDomain(deps, input.code);
}

/** A changed sharing scope applies at once to every record of the domain (checks follow the event). */
export async function changeRecordDomain(deps: WriteDeps, code: string, input: DomainInput) {
  requireCatalogEditor(deps.actor);
  await write(deps, deps.actor.ref, async (w) => {
    const current = await repo.findDomainForUpdate(w.tx, code);
    if (!current) throw notFound('领域', 'record_domain.not_found');
    const sharing = await normalizeSharing(w.tx, input.sharing);
    if (
      current.name === input.name &&
      json(current.sharing) === json(sharing) &&
      current.disclosure_working_days === input.disclosureWorkingDays
    )
      return;
    await repo.updateDomain(w.tx, code, {
      name: input.name,
      sharing: json(sharing),
      disclosure_working_days: input.disclosureWorkingDays,
      updated_at: w.now,
    });
    const payload = {
      code,
      name: input.name,
      sharing,
      disclosureWorkingDays: input.disclosureWorkingDays,
      previous: {
        name: current.name,
        sharing: current.sharing,
        disclosureWorkingDays: current.disclosure_working_days,
      },
    };
    w.event({
      stream: 'record_domain',
      streamId: catalogStreamId('record_domain', code),
      type: 'record_domain.changed',
      payload,
    });
    w.audit({ action: 'record_domain.changed', target: `record_domain:${code}`, details: payload });
  });
  return getRecordDomain(deps, code);
}

/** Sharing names existing departments, stored by code (as list types do); an id is accepted and stored as its code. */
async function normalizeSharing(db: Executor, sharing: DomainInput['sharing']) {
  if (sharing.departments === 'all') return { departments: 'all' as const };
  const departments = await repo.departmentCodes(db);
  const codes = sharing.departments.map((value, i) => {
    const found = departments.find((d) => d.code === value || d.id === value);
    if (!found)
      throw unprocessable('record_domain.unknown_department', `共享范围中的部门「${value}」不存在。`, {
        field: `sharing.departments[${i}]`,
      });
    return found.code;
  });
  return { departments: [...new Set(codes)] };
}

export async function listPenaltyClasses(deps: ReadDeps, filter: { domain?: string }) {
  return { classes: await repo.listPenaltyClassRows(deps.db, filter) };
}

/** Sets the class of a (domain, penalty type): new records follow it, records already made keep theirs. */
export async function setPenaltyClass(
  deps: WriteDeps,
  domain: string,
  penaltyType: string,
  input: { severity: Severity },
) {
  requireCatalogEditor(deps.actor);
  await write(deps, deps.actor.ref, async (w) => {
    const found = await repo.domainExists(w.tx, domain);
    if (!found) throw notFound('领域', 'record_domain.not_found');
    const current = await repo.findPenaltyClassForUpdate(w.tx, domain, penaltyType);
    if (current?.severity === input.severity) return;
    await repo.upsertPenaltyClass(w.tx, {
      domain,
      penalty_type: penaltyType,
      severity: input.severity,
      updated_by: w.actor,
      updated_at: w.now,
    });
    const payload = { domain, penaltyType, severity: input.severity, previous: current?.severity ?? null };
    w.event({
      stream: 'penalty_class',
      streamId: catalogStreamId('penalty_class', `${domain}/${penaltyType}`),
      type: 'penalty_class.set',
      payload,
    });
    w.audit({ action: 'penalty_class.set', target: `penalty_class:${domain}/${penaltyType}`, details: payload });
  });
  const { classes } = await listPenaltyClasses(deps, { domain });
  return { penaltyClass: classes.find((c) => c.penalty_type === penaltyType)! };
}
