// The API's 400/422 answers name the fields they concern (docs/decisions/0012): a 400 lists
// `details.issues: [{ field: 'party.name', message }]`, a 422 gives `details.field` such as 'attachments[1].content'.
// A form shows each message beside its own field and everything else above the form, without repeating the API's
// rules in the browser.

export interface ErrorEnvelopeLike {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface MappedErrors {
  /** Messages by form field (a dotted path the form declared, e.g. 'party.uscc'). */
  fields: Record<string, string[]>;
  /** What belongs to no field of the form: shown in an alert above it. */
  general: string[];
}

/** 'attachments[1].content' and 'attachments.1.content' alike become ['attachments', '1', 'content']. */
export function apiFieldPath(field: string): string[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '');
}

/**
 * Maps an error answer to the form's fields. `formFields` are the dotted paths the form shows; an API field is given
 * to the longest of them that is a prefix of it (a message about 'attachments[2].content' goes to 'attachments'), and
 * to no field when none is.
 */
export function mapApiError(body: ErrorEnvelopeLike, formFields: readonly string[]): MappedErrors {
  const known = formFields
    .map((f) => ({ name: f, path: apiFieldPath(f) }))
    .sort((a, b) => b.path.length - a.path.length);
  const fieldOf = (apiField: unknown): string | null => {
    if (typeof apiField !== 'string' || apiField === '') return null;
    const path = apiFieldPath(apiField);
    return known.find((k) => k.path.every((part, i) => path[i] === part))?.name ?? null;
  };
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  const add = (apiField: unknown, message: string) => {
    const name = fieldOf(apiField);
    if (name === null) general.push(message);
    else if (!fields[name]?.includes(message)) (fields[name] ??= []).push(message);
  };

  const details = body.error.details ?? {};
  const issues = Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
  if (issues.length > 0) {
    for (const issue of issues) {
      const { field, message } = (issue ?? {}) as { field?: unknown; message?: unknown };
      add(field, typeof message === 'string' && message !== '' ? message : body.error.message);
    }
    // The summary ("请求体不符合要求：字段 … 无效") adds nothing when every issue found its field.
    if (general.length > 0) general.unshift(body.error.message);
  } else {
    add(details.field, body.error.message);
  }
  return { fields, general: [...new Set(general)] };
}
