import { pino, type Logger } from 'pino';
import { redactIdentifiersInText } from '../modules/shared/identifiers.ts';

/**
 * Logs carry no personal data: URLs are redacted, bodies and headers are never logged, and any message that
 * might hold an ID number goes through the same redaction.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({
    level,
    base: undefined,
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: redactIdentifiersInText(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? redactIdentifiersInText(a) : a)) as Parameters<typeof method>);
      },
    },
  }, destination as pino.DestinationStream | undefined);
}
