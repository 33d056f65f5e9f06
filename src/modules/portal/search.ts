import { parseSearchQuery, type ParsedQuery } from '../subjects/index.ts';
import { AppError } from '../shared/index.ts';

export type { SubjectHit, SubjectSearch } from '../subjects/index.ts';

/** Why a query is not searched, as the subjects module said it (an ID number is never echoed). */
export interface Refusal {
  code: string;
  message: string;
  problems?: string[];
}

/**
 * What the search page does with a query: search it (a name fragment), go to a subject (a valid code), or say why
 * not — the subjects module's own screening, so the page and GET /api/v1/public/subjects refuse alike.
 */
export function screenQuery(q: string): { parsed: ParsedQuery } | { refusal: Refusal } {
  try {
    return { parsed: parseSearchQuery(q) };
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 422) throw error;
    const problems = (error.details?.problems as { message: string }[] | undefined)?.map((p) => p.message);
    // A malformed code: the page lists what is wrong under one lead line, instead of the API's one-sentence message.
    if (problems?.length)
      return { refusal: { code: error.code, message: '输入的统一社会信用代码有误，请核对：', problems } };
    return { refusal: { code: error.code, message: error.message } };
  }
}
