/**
 * Errors are data: a stable namespaced code, an HTTP status and a Chinese message the user can act on.
 * `details` may name the offending field; it must never carry an ID number in clear.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 400, message, details);
/** Well formed, but breaks a domain rule. Name the field in details.field. */
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 422, message, details);
export const unauthorized = (message = '请先登录，或提供有效的访问令牌。') =>
  new AppError('auth.unauthenticated', 401, message);
export const forbidden = (message = '当前账号无权执行此操作。', code = 'auth.forbidden') =>
  new AppError(code, 403, message);
/** Also the answer for records the caller may not see. */
export const notFound = (what: string, code = 'resource.not_found') =>
  new AppError(code, 404, `${what}不存在或无权查看。`);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 409, message, details);
export const unavailable = (code: string, message: string) => new AppError(code, 503, message);
