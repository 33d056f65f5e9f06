// The one date schema every route takes a date with. The range is the domain's, decided once: nothing in a credit
// record predates the People's Republic (1949-10-01), and 2099-12-31 is the date the 双公示 standard writes for
// 长期 (no end). Bounded dates also keep the working-day and period arithmetic on four-digit years.
import { z } from 'zod';
import './validation-messages.ts';

export const EARLIEST_DATE = '1949-10-01';
export const LATEST_DATE = '2099-12-31';

const FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date 'YYYY-MM-DD' (China Standard Time) between EARLIEST_DATE and LATEST_DATE. */
export const DateString = z.iso
  .date({ error: '日期应为 YYYY-MM-DD 格式的有效日期' })
  // A malformed value already has its message from the format check; the range speaks only of real dates.
  .refine((value) => !FORMAT.test(value) || (value >= EARLIEST_DATE && value <= LATEST_DATE), {
    message: `日期应在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间`,
  })
  .describe(`日期 YYYY-MM-DD（中国标准时间），${EARLIEST_DATE} 至 ${LATEST_DATE}`);
