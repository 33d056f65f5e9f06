// The working-day calendar (docs/domain/rules.md §10): one year of holidays and adjusted working days, and
// deadline arithmetic.
import { z } from 'zod';
import { DateString } from '../shared/index.ts';

const Year = z.coerce.number().int().min(2000).max(2099).describe('年份');

export const YearParams = z.object({ year: Year });

const CalendarDay = z.object({
  date: DateString,
  name: z.string().trim().min(1).max(100).describe('名称，如 春节、国庆节调休上班'),
});

export const CalendarYearBody = z
  .strictObject({
    source: z.string().trim().min(1).max(500).describe('出处，如 国务院办公厅关于2027年部分节假日安排的通知'),
    holidays: z.array(CalendarDay).max(366).describe('放假日（含放假期间的周末）；整年替换'),
    workdays: z.array(CalendarDay).max(366).describe('调休上班日（通常为周末）；整年替换'),
  })
  .describe('一年的工作日历：替换该年全部节假日和调休上班日');

export const CalendarYear = z
  .object({
    year: z.number().int().describe('年份'),
    known: z.boolean().describe('该年工作日历是否已录入；未录入时该年的期限无法计算'),
    source: z.string().nullable().describe('出处；未录入时为 null'),
    holidays: z.array(CalendarDay).describe('放假日'),
    workdays: z.array(CalendarDay).describe('调休上班日'),
  })
  .describe('一年的工作日历');

export const WorkingDaysQuery = z.object({
  from: DateString.describe('起算日（第0日），YYYY-MM-DD'),
  days: z.coerce.number().int().min(0).max(3660).describe('工作日数 N'),
});

export const WorkingDaysResult = z.object({
  from: z.string().describe('起算日（第0日）'),
  days: z.number().int().describe('工作日数'),
  due: z.string().describe('期限届满日：起算日之后第 N 个工作日（当日结束时届满）'),
});

export type CalendarYearInput = z.infer<typeof CalendarYearBody>;
