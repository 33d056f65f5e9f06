import type { Kysely } from 'kysely';
import {
  type Actor,
  type Clock,
  conflict,
  type DB,
  forbidden,
  hasRole,
  json,
  notFound,
  unprocessable,
  uuidv7,
  write,
  type Write,
} from '../shared/index.ts';
import * as repo from './eligibility.repository.ts';
import type { RuleInput } from './eligibility.schemas.ts';

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  actor: Actor;
}

/** Only the credit office (and administrators) configure who qualifies for green-channel handling and 容缺受理. */
function requireConfigurer(actor: Actor) {
  if (actor.kind !== 'user' || !hasRole(actor, 'credit_office', 'admin')) {
    throw forbidden('资格规则只能由信用办或系统管理员配置。', 'eligibility_rule.forbidden');
  }
}

/**
 * A red-list rule may name the red list types it covers (params.listTypeCodes; none: every red list). Checked here
 * so that a typo is refused instead of silently granting nothing.
 */
async function checkParams(w: Write, input: RuleInput) {
  if (input.kind !== 'red_list' || input.params.listTypeCodes === undefined) return;
  const codes = input.params.listTypeCodes;
  if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string')) {
    throw unprocessable('eligibility_rule.invalid_params', 'params.listTypeCodes 应为红名单类型代码的数组。', {
      field: 'params.listTypeCodes',
    });
  }
  const found = codes.length === 0 ? [] : await repo.redListTypeCodes(w.tx, codes);
  const unknown = codes.filter((c) => !found.some((f) => f.code === c));
  if (unknown.length > 0) {
    throw unprocessable('eligibility_rule.unknown_list_type', `以下代码不是红名单类型：${unknown.join('、')}。`, {
      field: 'params.listTypeCodes',
    });
  }
}

/** The rules are configuration, not personal data: every signed-in caller may read them. */
export async function listEligibilityRules(deps: { db: Kysely<DB> }) {
  return { rules: await repo.listRules(deps.db) };
}

export async function createEligibilityRule(deps: Deps, input: RuleInput & { code: string }) {
  requireConfigurer(deps.actor);
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    await checkParams(w, input);
    const row = await repo.insertRule(w.tx, {
      id: uuidv7(w.now.getTime()),
      code: input.code,
      name: input.name,
      kind: input.kind,
      params: json(input.params),
      grants: json(input.grants),
      active: input.active,
      updated_by: deps.actor.ref,
      updated_at: w.now,
    });
    if (!row)
      throw conflict('eligibility_rule.duplicate_code', `资格规则代码「${input.code}」已存在。`, { field: 'code' });
    recordChange(w, row, 'eligibility_rule.created', input);
    return row;
  });
  return { rule: result };
}

/** Replaces a rule's definition; the code stays. The check index reloads its rules on the event. */
export async function updateEligibilityRule(deps: Deps, code: string, input: RuleInput) {
  requireConfigurer(deps.actor);
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const existing = await repo.findRuleByCodeForUpdate(w.tx, code);
    if (!existing) throw notFound('资格规则', 'eligibility_rule.not_found');
    await checkParams(w, input);
    const row = await repo.updateRule(w.tx, existing.id, {
      name: input.name,
      kind: input.kind,
      params: json(input.params),
      grants: json(input.grants),
      active: input.active,
      updated_by: deps.actor.ref,
      updated_at: w.now,
    });
    recordChange(w, row, 'eligibility_rule.updated', {
      ...input,
      previous: {
        name: existing.name,
        kind: existing.kind,
        params: existing.params,
        grants: existing.grants,
        active: existing.active,
      },
    });
    return row;
  });
  return { rule: result };
}

function recordChange(w: Write, row: repo.EligibilityRuleRow, type: string, payload: Record<string, unknown>) {
  const body = { code: row.code, ...payload };
  w.event({ stream: 'eligibility_rule', streamId: row.id, type, payload: body });
  w.audit({ action: type, target: `eligibility_rule:${row.id}`, details: body });
}
