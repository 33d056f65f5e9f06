import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, redactIdentifiersInText } from '../modules/shared/index.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** One envelope for every error. 4xx say what is wrong and where; 5xx never show internals. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.code(error.status).send(envelope(error.code, error.message, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.flatMap((issue) => {
      const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const keys = (issue.params as { keys?: unknown })?.keys;
      // An unknown field or query parameter is named itself, not the object that holds it.
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        return keys.map((key) => ({
          field: field ? `${field}.${String(key)}` : String(key),
          message: error.validationContext === 'querystring' ? '不允许的查询参数' : '不允许的字段',
        }));
      }
      return [{ field, message: issue.message ?? '' }];
    });
    const where =
      error.validationContext === 'querystring'
        ? '查询参数'
        : error.validationContext === 'params'
          ? '路径参数'
          : error.validationContext === 'headers'
            ? '请求头'
            : '请求体';
    const fields = issues.map((i) => i.field).filter(Boolean);
    const message =
      fields.length > 0 ? `${where}不符合要求：字段 ${[...new Set(fields)].join('、')} 无效。` : `${where}不符合要求。`;
    return reply.code(400).send(envelope('request.invalid', message, { location: error.validationContext, issues }));
  }
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (error as { type?: string }).type === 'entity.parse.failed'
  ) {
    return reply.code(400).send(envelope('request.malformed_json', '请求体不是合法的 JSON。'));
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply
      .code(415)
      .send(envelope('request.unsupported_media_type', '不支持的请求内容类型，请使用 application/json。'));
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // Name the limit, so a party sending attachments knows what to cut (each file's own limit is named by the route).
    const limit = request.routeOptions.bodyLimit;
    const mib = limit ? ` ${Math.round((limit / 1048576) * 10) / 10} MiB` : '';
    return reply
      .code(413)
      .send(
        envelope(
          'request.too_large',
          `请求体过大：超过本接口${mib} 的上限，请减少或压缩附件后重新提交。`,
          limit ? { limitBytes: limit } : undefined,
        ),
      );
  }
  if (error.statusCode === 429) {
    return reply.code(429).send(envelope('request.rate_limited', '请求过于频繁，请稍后再试。'));
  }
  // PostgreSQL gave up one of two transactions that waited on each other (or could not be serialized): it was
  // rolled back whole, so the caller may simply try again.
  const sqlState = (error as { code?: unknown }).code;
  if (sqlState === '40P01' || sqlState === '40001') {
    request.log.warn({ sqlState }, 'transaction rolled back by a concurrent one');
    return reply
      .code(409)
      .send(envelope('request.concurrent_conflict', '与同时进行的另一项操作冲突，本次请求未作任何更改，请重试。'));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: redactError(error) }, 'response did not match its schema');
  } else if (error.statusCode && error.statusCode < 500) {
    return reply.code(error.statusCode).send(envelope('request.invalid', '请求无效。'));
  } else {
    request.log.error({ err: redactError(error) }, 'unhandled error');
  }
  return reply.code(500).send(envelope('server.internal', '服务器内部错误，请稍后重试；如持续出现请联系系统管理员。'));
}

export function envelope(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

function redactError(error: Error) {
  return {
    type: error.name,
    message: redactIdentifiersInText(error.message),
    stack: redactIdentifiersInText(error.stack ?? ''),
  };
}
