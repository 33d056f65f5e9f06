// The one typed client of the web app: every call names a path of the API document, and its body and answer are
// checked against the types generated from it (schema.d.ts, `npm run openapi`).
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type Schemas = components['schemas'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];

export const api = createClient<paths>({ baseUrl: '/' });

/** An answer that was not a success: its status and the API's error envelope (or a stand-in when there was none). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorEnvelope,
  ) {
    super(body.error.message);
  }
}

/**
 * The data of a call that succeeded, or an ApiError: TanStack Query's mutations and queries then see failures as
 * thrown errors. A network failure (no answer) becomes status 0 with a Chinese message.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, {
      error: { code: 'network.unreachable', message: '无法连接服务器，请检查网络后重试。' },
    });
  }
  if (result.response.ok && result.data !== undefined) return result.data as NonNullable<T>;
  throw new ApiError(result.response.status, asEnvelope(result.error, result.response.status));
}

function asEnvelope(body: unknown, status: number): ErrorEnvelope {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') return body as ErrorEnvelope;
  return { error: { code: `http.${status}`, message: `服务器暂时无法处理（状态码 ${status}），请稍后重试。` } };
}
