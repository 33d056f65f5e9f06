import { chinaDate, type Executor, nextSerial } from '../shared/index.ts';

/**
 * A commitment code (docs/domain/rules.md §7): the 6-digit administrative division of the accepting place, the China
 * date as YYYYMMDD and a 6-digit serial per division and day — 20 characters.
 */
export async function newCommitmentCode(db: Executor, divisionCode: string, now: Date): Promise<string> {
  if (!/^\d{6}$/.test(divisionCode)) throw new Error(`行政区划代码无效：${divisionCode}`);
  const day = chinaDate(now).replaceAll('-', '');
  const serial = await nextSerial(db, `commitment:${divisionCode}${day}`);
  if (serial > 999_999n) throw new Error('当日信用承诺编号已用尽。');
  return `${divisionCode}${day}${serial.toString().padStart(6, '0')}`;
}

export const COMMITMENT_CODE = /^\d{6}\d{8}\d{6}$/;
