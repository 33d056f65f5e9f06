// Control characters in requests, refused in one place every route passes through (the validator compiler).
// PostgreSQL cannot store NUL in text or jsonb, and the other C0 characters have no business in names, codes or
// search keys, so every string of every body, query and path (object keys included) is walked before its schema
// runs: a control character answers 400 naming the field instead of escaping as a 500 from the database. Tab, LF
// and CR are allowed only in body fields whose schema is marked free text (modules/shared/free-text.ts), where CRLF
// and a lone CR become LF. The same walk refuses body fields the schema does not name (see knownKeys).
import type { z } from 'zod';
import { isFreeText } from '../modules/shared/index.ts';

const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface InputIssue {
  code: 'custom';
  path: (string | number)[];
  message: string;
}

type Part = 'body' | 'querystring' | 'params' | 'headers' | string;

/** Walks `data` along `schema`; returns the data with free text normalized, or the issues found. */
export function screenInput(
  schema: z.core.$ZodType | undefined,
  data: unknown,
  part: Part,
): { value: unknown; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const value = walk(schema, data, [], part === 'body', issues);
  return { value, issues };
}

function walk(
  schema: z.core.$ZodType | undefined,
  data: unknown,
  path: (string | number)[],
  body: boolean,
  issues: InputIssue[],
): unknown {
  const at = unwrap(schema, data);
  if (typeof data === 'string') {
    const free = body && at?.free === true;
    if ((free ? CONTROL_EXCEPT_LINES : ANY_CONTROL).test(data)) {
      issues.push({
        code: 'custom',
        path,
        message: free ? '不得包含控制字符（换行和制表符除外）' : '不得包含控制字符（如 NUL、换行、制表符）',
      });
      return data;
    }
    return free ? data.replace(/\r\n?/g, '\n') : data;
  }
  if (Array.isArray(data)) {
    const element = at && defOf(at.schema).type === 'array' ? (defOf(at.schema).element as z.core.$ZodType) : undefined;
    return data.map((item, i) => walk(element, item, [...path, i], body, issues));
  }
  if (data !== null && typeof data === 'object') {
    const out: Record<string, unknown> = {};
    const known = body && at ? knownKeys(at.schema) : undefined;
    for (const [key, item] of Object.entries(data)) {
      if (ANY_CONTROL.test(key)) {
        issues.push({
          code: 'custom',
          path: [...path, key.replace(/[\u0000-\u001f\u007f]/g, '?')],
          message: '字段名不得包含控制字符',
        });
        continue;
      }
      if (known && !known.has(key)) {
        issues.push({ code: 'custom', path: [...path, key], message: '不允许的字段：接口未定义此字段，请检查拼写' });
        continue;
      }
      out[key] = walk(childOf(at?.schema, key), item, [...path, key], body, issues);
    }
    return out;
  }
  return data;
}

// zod 4 keeps a schema's shape in `_zod.def`; wrappers (optional, default, pipe …) are looked through, and the text is
// free when any schema on the way carries the mark (it may sit on the string or on its optional wrapper).
function defOf(schema: z.core.$ZodType): Record<string, unknown> & { type: string } {
  return schema._zod.def as unknown as Record<string, unknown> & { type: string };
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

// Unwrapping is the same for every request but through a union, so its result is kept per schema.
const unwrapped = new WeakMap<z.core.$ZodType, { schema: z.core.$ZodType; free: boolean } | undefined>();

function unwrap(
  schema: z.core.$ZodType | undefined,
  data: unknown,
): { schema: z.core.$ZodType; free: boolean } | undefined {
  if (!schema) return undefined;
  if (unwrapped.has(schema)) return unwrapped.get(schema);
  let hasUnion = false;
  const result = unwrapUncached(schema, data, () => {
    hasUnion = true;
  });
  if (!hasUnion) unwrapped.set(schema, result);
  return result;
}

function unwrapUncached(
  schema: z.core.$ZodType,
  data: unknown,
  sawUnion: () => void,
): { schema: z.core.$ZodType; free: boolean } | undefined {
  let current: z.core.$ZodType | undefined = schema;
  let free = false;
  for (let depth = 0; current && depth < 32; depth++) {
    free ||= isFreeText(current);
    const def = defOf(current);
    if (WRAPPERS.has(def.type)) current = def.innerType as z.core.$ZodType;
    else if (def.type === 'pipe') current = def.in as z.core.$ZodType;
    else if (def.type === 'lazy') current = (def.getter as () => z.core.$ZodType)();
    else if (def.type === 'union') {
      sawUnion();
      current = pickOption(def.options as z.core.$ZodType[], data);
    } else break;
  }
  return current ? { schema: current, free } : undefined;
}

// The option the data matches decides; when none does, the schema's own error will say so, and the strings are held
// to the strict rule meanwhile.
function pickOption(options: z.core.$ZodType[], data: unknown): z.core.$ZodType | undefined {
  return options.find((option) => (option as z.ZodType).safeParse(data).success);
}

// A body object refuses fields its schema does not name, at every depth, as a query refuses unknown parameters: zod
// would drop them silently, and a misspelt optional field (validfrom) would then change nothing without a word.
// Objects that take any key (records, a catchall) are left alone.
const keysOf = new WeakMap<z.core.$ZodType, Set<string> | undefined>();

function knownKeys(schema: z.core.$ZodType): Set<string> | undefined {
  if (keysOf.has(schema)) return keysOf.get(schema);
  const def = defOf(schema);
  const keys =
    def.type !== 'object' || def.catchall !== undefined ? undefined : new Set(Object.keys(def.shape as object));
  keysOf.set(schema, keys);
  return keys;
}

function childOf(schema: z.core.$ZodType | undefined, key: string): z.core.$ZodType | undefined {
  if (!schema) return undefined;
  const def = defOf(schema);
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.core.$ZodType>;
    return Object.hasOwn(shape, key) ? shape[key] : (def.catchall as z.core.$ZodType | undefined);
  }
  if (def.type === 'record') return def.valueType as z.core.$ZodType;
  if (def.type === 'intersection')
    return childOf(def.left as z.core.$ZodType, key) ?? childOf(def.right as z.core.$ZodType, key);
  return undefined;
}
