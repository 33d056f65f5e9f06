import {
  chinaDate,
  type Clock,
  type DB,
  decodeAttachments,
  type DecodedAttachment,
  insertAttachments,
  json,
  type KeyRing,
  newApplicationNo,
  newTrackingSecret,
  unprocessable,
  uuidv7,
  validateCitizenId,
  validateUscc,
  write,
  type Write,
} from '../shared/index.ts';
import type { Kysely } from 'kysely';
import type { CalendarService } from '../catalog/index.ts';
import { newDue } from '../deadlines/index.ts';
import { findSubjectByUscc } from '../subjects/index.ts';
import * as repo from './tipoffs.repository.ts';
import type { PublicTipoffInput } from './tipoffs.schemas.ts';
import { sealAttachment, sealReporter, type Reporter } from './tipoffs.sealing.ts';

export interface FilingDeps {
  db: Kysely<DB>;
  clock: Clock;
  calendar: Pick<CalendarService, 'get'>;
  tipoffKeys: KeyRing;
}

/**
 * A public tip-off (举报), with or without the reporter's name. The reporter and the files are sealed before they
 * reach the database; nothing about the reporter goes into the event or the audit row. The answer is the same
 * whatever the subject: an application number and a tracking secret shown once.
 */
export async function fileTipoff(deps: FilingDeps, input: PublicTipoffInput) {
  const today = chinaDate(deps.clock.now());
  const reporter = checkReporter(input, today);
  const uscc = checkUscc(input.subject.uscc);
  const files = decodeAttachments(input.attachments);
  const tracking = newTrackingSecret();
  const { result } = await write(deps, 'public', async (w) => {
    const department = input.departmentCode
      ? await repo.findDepartmentByCode(w.tx, input.departmentCode)
      : await repo.creditOfficeDepartment(w.tx);
    if (!department)
      throw unprocessable('tipoff.unknown_department', `受理部门「${input.departmentCode}」不存在。`, {
        field: 'departmentCode',
      });
    const id = uuidv7(w.now.getTime());
    const applicationNo = await newApplicationNo(w.tx, 'tipoff', w.now);
    // Linked to a subject already known, never creating one: a tip-off leaves no trace in subjects or checks.
    const subject = uscc ? await findSubjectByUscc(w.tx, uscc) : undefined;
    const sealed = reporter ? sealReporter(deps.tipoffKeys, id, reporter) : null;
    await repo.insertTipoff(w.tx, {
      id,
      application_no: applicationNo,
      subject: json({ name: input.subject.name, uscc }),
      subject_id: subject?.id ?? null,
      department_id: department.id,
      handler_id: null,
      anonymous: reporter === null,
      reporter_sealed: sealed?.sealed ?? null,
      key_id: sealed?.keyId ?? null,
      content: input.content,
      state: 'received',
      result: null,
      tracking_hash: tracking.hash,
      ...(await newDue(w.tx, deps.calendar.get(), 'tipoff', today)),
      closed_at: null,
      created_at: w.now,
      updated_at: w.now,
    });
    await storeSealedFiles(w, deps.tipoffKeys, id, files);
    const payload = { applicationNo, state: 'received', departmentId: department.id, attachments: files.length };
    w.event({ stream: 'tipoff', streamId: id, type: 'tipoff.received', departmentId: department.id, payload });
    w.audit({ action: 'tipoff.received', target: `tipoff:${id}`, details: payload });
    return { applicationNo };
  });
  return { applicationNo: result.applicationNo, trackingSecret: tracking.secret };
}

function checkReporter(input: PublicTipoffInput, today: string): Reporter | null {
  if (input.anonymous) {
    if (input.reporter)
      throw unprocessable(
        'tipoff.reporter_with_anonymous',
        '匿名举报不得填写举报人信息；如需实名举报，请将 anonymous 设为 false。',
        { field: 'reporter' },
      );
    return null;
  }
  if (!input.reporter)
    throw unprocessable('tipoff.reporter_required', '实名举报须填写举报人姓名和联系方式。', { field: 'reporter' });
  let citizenId: string | null = null;
  if (input.reporter.citizenId) {
    const v = validateCitizenId(input.reporter.citizenId, { today });
    // The message never repeats the number.
    if (!v.valid)
      throw unprocessable('tipoff.invalid_citizen_id', '举报人公民身份号码无效，请核对。', {
        field: 'reporter.citizenId',
      });
    citizenId = v.normalized;
  }
  return { name: input.reporter.name, contact: input.reporter.contact, citizenId };
}

function checkUscc(raw: string | undefined): string | null {
  if (!raw) return null;
  const v = validateUscc(raw);
  if (!v.valid)
    throw unprocessable('tipoff.invalid_uscc', `被举报主体的统一社会信用代码无效：${v.problems[0]?.message ?? ''}`, {
      field: 'subject.uscc',
    });
  return v.normalized;
}

/** Files under a neutral name; the real name, the content and its hash only inside the sealed value. */
async function storeSealedFiles(w: Write, ring: KeyRing, tipoffId: string, files: DecodedAttachment[]) {
  const rows = files.map((f, i) => {
    const id = uuidv7(w.now.getTime());
    const sealed = sealAttachment(ring, tipoffId, id, f);
    const extension = f.fileName.slice(f.fileName.lastIndexOf('.'));
    return {
      id,
      owner_stream: 'tipoff' as const,
      owner_id: tipoffId,
      file_name: `附件${i + 1}${extension}`,
      content_type: f.contentType,
      size: f.size,
      sha256: sealed.sha256,
      content: sealed.content,
      sealed: true,
      key_id: sealed.keyId,
      created_at: w.now,
    };
  });
  if (rows.length > 0) await insertAttachments(w.tx, rows);
}
