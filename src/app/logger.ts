import { pino, type Logger } from 'pino';
import { maskCitizenId, redactIdentifiersInText } from '../modules/shared/index.ts';

/**
 * Logs carry no personal data: URLs are redacted, bodies and headers are never logged, and any message that
 * might hold an ID number goes through the same redaction, whether it is the message itself or a string inside
 * the logged object (an error's message from the database driver, say).
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      formatters: { log: (object) => redactStrings(object, 0) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? redactIdentifiersInText(a) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}

// An ID number typed with full-width digits or spaces reaches the URL percent-encoded (%EF%BC%91, %20), where the
// plain text pattern does not see it: decode first, then mask digit runs broken by separators as well.
const SEPARATED_DIGITS =
  /(?<![0-9A-Za-z\uFF10-\uFF19])[0-9\uFF10-\uFF19](?:[\s\u3000+\-.,_]*[0-9\uFF10-\uFF19XxＸｘ]){13,17}(?![0-9A-Za-z\uFF10-\uFF19])/g;

export function redactUrl(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A malformed escape: redact the text as it came.
  }
  const separated = decoded.replace(SEPARATED_DIGITS, (run) => {
    const compact = run.replace(/[^0-9\uFF10-\uFF19XxＸｘ]/g, '');
    return compact.length === 15 || compact.length === 18 ? maskCitizenId(compact) : run;
  });
  return redactIdentifiersInText(separated);
}

const MAX_DEPTH = 4;

/**
 * Strings in plain objects, arrays and errors, redacted. Other instances (requests, replies) are left to their
 * serializers, which keep only what is safe.
 */
function redactStrings(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactIdentifiersInText(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    // Same prototype, so the error serializer still names its type; its own fields (code, detail …) redacted too.
    const copy = Object.create(Object.getPrototypeOf(value)) as Error & Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = redactStrings(v, depth + 1);
    copy.message = redactIdentifiersInText(value.message);
    copy.stack = redactIdentifiersInText(value.stack ?? '');
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactStrings(v, depth + 1);
  return out;
}
