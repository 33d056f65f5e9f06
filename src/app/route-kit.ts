// What every route gets without writing it: the control-character screen before its schemas, a query that refuses
// unknown parameters, `security: []` when it is public, and its error answers in the API document.
//
// The rule for error answers, applied by `completeRoute` (a route adds more with `config.errorAnswers`):
//   400  every operation (every one has at least a query, and unknown parameters are refused);
//   401, 403  every operation that needs a token or key (403 also when the password must be changed first);
//   404  every operation with a path parameter (the resource may not exist, or may not be visible to the caller);
//   409, 422  every operation that writes (POST, PUT, PATCH, DELETE): a state conflict, a transaction that lost to a
//        concurrent one, a broken domain rule;
//   413, 415  every operation that takes a body;
//   500  every operation.
// 429 (throttled), 503 (unavailable) and 404/422 on reads are declared by the routes that answer them.
import type { RouteOptions } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { screenInput } from './request-strings.ts';

/** The one error envelope, as published. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().describe('稳定的错误代码，如 request.invalid、entry.invalid_transition'),
      message: z.string().describe('中文说明，可直接展示给用户'),
      details: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('补充信息：field 指明字段；请求不符合接口定义时 issues 逐项列出 { field, message }'),
    }),
  })
  .meta({ id: 'ErrorEnvelope' })
  .describe('错误答复');

const ANSWERS: Record<number, string> = {
  400: '请求不符合接口定义：request.invalid（details.issues 逐项列出字段和原因，包括未知的查询参数或字段、控制字符），request.malformed_json（请求体不是 JSON）',
  401: 'auth.unauthenticated：未登录，或令牌、密钥无效、过期',
  403: 'auth.forbidden 等：当前账号无权执行；auth.password_change_required：须先修改初始密码',
  404: '*.not_found：所指对象不存在，或当前账号无权查看',
  409: '与当前状态冲突（如重复提交、已被处理）；request.concurrent_conflict：与同时进行的操作冲突，未作任何更改，可重试',
  413: 'request.too_large：请求体过大',
  415: 'request.unsupported_media_type：请求体须为 application/json',
  422: '格式正确但违反业务规则：code 指明规则，details.field 指明字段',
  429: '*.too_many_attempts / request.rate_limited：尝试过于频繁，请稍后再试',
  500: 'server.internal：服务器内部错误（不含内部细节）',
  503: '暂时无法处理，请稍后重试',
};

const envelopeFor = new Map(
  Object.entries(ANSWERS).map(([status, text]) => [Number(status), ErrorEnvelope.describe(text)]),
);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The error statuses an operation declares, by the rule above. */
export function errorStatuses(route: {
  method: string;
  url: string;
  public: boolean;
  hasBody: boolean;
  extra?: number[];
}): number[] {
  const statuses = new Set<number>([400, 500, ...(route.extra ?? [])]);
  if (!route.public) {
    statuses.add(401);
    statuses.add(403);
  }
  if (/[:{]/.test(route.url)) statuses.add(404);
  if (WRITES.has(route.method)) {
    statuses.add(409);
    statuses.add(422);
  }
  if (route.hasBody) {
    statuses.add(413);
    statuses.add(415);
  }
  return [...statuses].sort((a, b) => a - b);
}

const completed = new WeakSet<object>();

/** The onRoute hook: fills in what the rule gives each API route (fastify's HEAD twin of a GET shares the schema). */
export function completeRoute(route: RouteOptions): void {
  if (route.url.startsWith('/docs') || route.url === '/openapi.json') return;
  const schema = (route.schema ??= {}) as Record<string, unknown> & { response?: Record<string | number, unknown> };
  if (completed.has(schema)) return;
  completed.add(schema);
  const isPublic = route.config?.public === true;
  if (isPublic && schema.security === undefined) schema.security = [];
  schema.querystring = strictQuery(schema.querystring as z.ZodType | undefined);
  const names = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  if (names.length > 0 && !schema.params)
    schema.params = z.object(Object.fromEntries(names.map((n) => [n, z.string()])));
  if (schema.hide) return;
  const method = (Array.isArray(route.method) ? route.method[0] : route.method)!.toUpperCase();
  const response = (schema.response ??= {});
  const statuses = errorStatuses({
    method,
    url: route.url,
    public: isPublic,
    hasBody: schema.body !== undefined,
    extra: route.config?.errorAnswers,
  });
  for (const status of statuses) response[status] ??= envelopeFor.get(status) ?? ErrorEnvelope;
}

// Unknown query parameters are refused like unknown body fields: a typo in a filter must not silently list everything.
function strictQuery(query: z.ZodType | undefined): z.ZodType {
  if (!query) return z.strictObject({});
  if (query instanceof z.ZodObject && query._zod.def.catchall === undefined) return query.strict();
  return query;
}

/** zod's validator, behind the screen for control characters and unknown body fields (request-strings.ts). */
export const validatorCompiler: typeof zodValidatorCompiler = (route) => {
  const validate = zodValidatorCompiler(route);
  const schema = route.schema as unknown as z.core.$ZodType;
  return (data) => {
    const { value, issues } = screenInput(schema, data, route.httpPart ?? 'body');
    if (issues.length > 0) return { error: screenError(issues) };
    return validate(value);
  };
};

function screenError(issues: { path: (string | number)[]; message: string }[]) {
  // The same shape fastify-type-provider-zod gives a schema failure, so the error handler reports both alike.
  return issues.map((issue) =>
    Object.assign(
      {
        keyword: 'screen',
        instancePath: `/${issue.path.join('/')}`,
        schemaPath: '#',
        message: issue.message,
        params: { issue },
      },
      { [Symbol.for('ZodFastifySchemaValidationError')]: true },
    ),
  );
}
