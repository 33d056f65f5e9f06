// Requests built from the published API document, one per input string: the way a schema-driven fuzzer sees the
// API. Each probe puts one chosen value into one field (a path parameter, a query parameter or a body string, nested
// ones included) and leaves the rest out, so the answer can be checked to name exactly that field.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};
interface Parameter {
  in: string;
  name: string;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}
export interface ApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Probe {
  label: string;
  method: string;
  url: string;
  payload?: unknown;
  field: string;
  isPublic: boolean;
}

const SAMPLE_ID = '01a2204c-6652-7220-b3ad-733d55995bb3';

/** `pick` chooses the strings to probe (by their schema); `value` is what each probed string is set to. */
export function probesOf(doc: ApiDocument, value: string, pick: (schema: JsonSchema) => boolean = () => true): Probe[] {
  const resolve = (schema: JsonSchema): JsonSchema =>
    schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').at(-1)!]!) : schema;

  function stringsOf(
    schema: JsonSchema,
    path: (string | number)[],
    depth: number,
  ): { path: (string | number)[]; wrap: (leaf: unknown) => unknown }[] {
    const s = resolve(schema);
    if (depth > 8) return [];
    const options = s.anyOf ?? s.oneOf ?? s.allOf;
    if (options) return options.flatMap((option) => stringsOf(option, path, depth + 1));
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const found: { path: (string | number)[]; wrap: (leaf: unknown) => unknown }[] = [];
    if (types.includes('string') && pick(s)) found.push({ path, wrap: (leaf) => leaf });
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      for (const inner of stringsOf(child, [...path, key], depth + 1))
        found.push({ path: inner.path, wrap: (leaf) => ({ [key]: inner.wrap(leaf) }) });
    }
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      for (const inner of stringsOf(s.additionalProperties, [...path, 'k'], depth + 1))
        found.push({ path: inner.path, wrap: (leaf) => ({ k: inner.wrap(leaf) }) });
    }
    if (types.includes('array') && s.items) {
      for (const inner of stringsOf(s.items, [...path, 0], depth + 1))
        found.push({ path: inner.path, wrap: (leaf) => [inner.wrap(leaf)] });
    }
    return found;
  }

  const all: Probe[] = [];
  const encoded = encodeURIComponent(value);
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const parameters = op.parameters ?? [];
      // The other path parameters get a value their own schema accepts, so that only the probed string is wrong.
      const sample = (name: string) => {
        const schema = parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
        if (schema.enum) return schema.enum[0]!;
        if (schema.type === 'integer' || schema.type === 'number') return name === 'year' ? '2026' : '1';
        return schema.format === 'uuid' ? SAMPLE_ID : 'sample_code';
      };
      const url = (probed?: string) =>
        path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === probed ? encoded : sample(name)));
      for (const p of parameters.filter((q) => q.in === 'path' && pick(q.schema ?? {}))) {
        all.push({ label: `${method} ${path} path ${p.name}`, method, url: url(p.name), field: p.name, isPublic });
      }
      for (const p of parameters.filter((q) => q.in === 'query' && pick(q.schema ?? {}))) {
        all.push({
          label: `${method} ${path} query ${p.name}`,
          method,
          url: `${url()}?${p.name}=${encoded}`,
          field: p.name,
          isPublic,
        });
      }
      const body = op.requestBody?.content['application/json']?.schema;
      for (const s of body ? stringsOf(body, [], 0) : []) {
        all.push({
          label: `${method} ${path} body ${s.path.join('.')}`,
          method,
          url: url(),
          payload: s.wrap(value),
          field: s.path.join('.'),
          isPublic,
        });
      }
    }
  }
  return all;
}
