import type { Kysely } from 'kysely';
import { type Clock, type Config, type DB, uuidv7, write } from '../shared/index.ts';
import { addDepartment, findCreditOffice } from '../departments/index.ts';
import { generatePassword, hashPassword, isStrongEnough } from './passwords.ts';
import { countUsers, insertUser } from './users.repository.ts';

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

const ACTOR = 'system:bootstrap';
class AlreadyCreated extends Error {}

/**
 * First start with no users: creates `admin` in the credit office. Its password comes from
 * CREDLINK_ADMIN_PASSWORD, or is generated, printed once and must be changed at first login.
 */
export async function ensureAdmin(deps: {
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'adminPassword'>;
  log: Logger;
}): Promise<void> {
  if ((await countUsers(deps.db)) > 0) return;
  const given = deps.config.adminPassword;
  const password = given ?? generatePassword();
  if (given && !isStrongEnough(given))
    deps.log.warn({}, 'CREDLINK_ADMIN_PASSWORD is weaker than the password rule (10+ characters, letters and digits)');
  const passwordHash = await hashPassword(password);
  try {
    await write(deps, ACTOR, async (w) => {
      const office =
        (await findCreditOffice(w.tx)) ??
        (await addDepartment(w, { code: 'credit_office', name: '信用办', kind: 'credit_office' }));
      const id = uuidv7(w.now.getTime());
      const inserted = await insertUser(w.tx, {
        id,
        username: 'admin',
        displayName: '系统管理员',
        departmentId: office.id,
        roles: ['admin'],
        passwordHash,
        mustChangePassword: given === null,
        now: w.now,
      });
      // Another process starting on the same database got there first: roll back, print nothing.
      if (!inserted) throw new AlreadyCreated();
      w.audit({
        action: 'user.created',
        target: `user:${id}`,
        details: {
          username: 'admin',
          displayName: '系统管理员',
          departmentId: office.id,
          roles: ['admin'],
          passwordSource: given ? 'environment' : 'generated',
        },
      });
    });
  } catch (error) {
    if (error instanceof AlreadyCreated) return;
    throw error;
  }
  deps.log.info({ username: 'admin' }, 'created the initial administrator');
  if (given === null) {
    console.log(`初始管理员密码 / initial admin password: ${password}`);
    console.log(
      '首次登录后须修改此密码；它不会再次显示。 / You must change it at first login; it will not be shown again.',
    );
  }
}
