import { unprocessable } from '../shared/index.ts';

export const dateOutsideYear = (field: string, year: number) =>
  unprocessable('calendar.date_outside_year', `日期必须在 ${year} 年内。`, { field, year });

export const dateDuplicate = (field: string, date: string) =>
  unprocessable('calendar.date_duplicate', `日期 ${date} 重复录入。`, { field, date });

export const dateConflict = (field: string, date: string) =>
  unprocessable('calendar.date_conflict', `日期 ${date} 不能同时是放假日和调休上班日。`, { field, date });
