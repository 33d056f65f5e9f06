// Free text: the fields where a person writes prose (reasons, facts, notes, objection content). Only there may a
// string hold line breaks and tabs; everywhere else (names, codes, numbers, identifiers, search keys, anything in a
// query or a path) every control character is refused. The HTTP layer reads the mark on the schema, refuses the
// other control characters, and turns CRLF (and a lone CR) into LF before the schema sees the text: text pasted from
// Excel or Windows carries CRLF, and one spelling of a line break keeps lengths and comparisons honest.
import { z } from 'zod';
import './validation-messages.ts';

/** The OpenAPI extension keyword that marks a free-text field in the published document. */
export const FREE_TEXT = 'x-free-text';

/** Marks a string schema as free text (line breaks and tabs allowed); the mark survives describe() and optional(). */
export function freeText<T extends z.ZodType>(schema: T): T {
  return schema.meta({ [FREE_TEXT]: true }) as T;
}

/** Trimmed, non-empty free text of at most `max` characters. */
export const text = (max: number) => freeText(z.string().trim().min(1).max(max));

export function isFreeText(schema: z.core.$ZodType): boolean {
  return z.globalRegistry.get(schema)?.[FREE_TEXT] === true;
}
