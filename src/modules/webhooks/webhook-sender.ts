import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { EgressTarget } from './egress.ts';

export const DELIVERY_TIMEOUT_MS = 10_000;

export interface SendOutcome {
  /** The HTTP status, or null when no answer came (refused, timed out, reset). */
  status: number | null;
  /** Why it failed, in Chinese, for the delivery log; never the body or the secret. */
  error: string | null;
  durationMs: number;
}

/**
 * POSTs to the address that was checked: the request's `lookup` returns that address whatever the name resolves to
 * now, so a DNS answer changed after the check (rebinding) cannot redirect the request. TLS still verifies the
 * certificate against the host name. No connection is reused; the answer's body is read and discarded.
 */
export function postSigned(
  target: EgressTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else {
      callback(null, target.address, target.family);
    }
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const request = client.request(
      target.url,
      {
        method: 'POST',
        agent: false,
        lookup,
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body).toString() },
      },
      (response) => {
        const status = response.statusCode ?? null;
        response.on('error', () => {});
        response.resume();
        response.on('end', () =>
          done({
            status,
            error: status !== null && status >= 200 && status < 300 ? null : `接收方答复 HTTP ${status}。`,
          }),
        );
      },
    );
    const timer = setTimeout(() => {
      done({ status: null, error: `${timeoutMs / 1000} 秒内未收到答复。` });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => done({ status: null, error: describe(error) }));
    request.end(body);
  });
}

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return '连接被拒绝（ECONNREFUSED）。';
    case 'ECONNRESET':
      return '连接被重置（ECONNRESET）。';
    case 'ETIMEDOUT':
      return '连接超时（ETIMEDOUT）。';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `网络不可达（${error.code}）。`;
    default:
      return error.code ? `投递失败（${error.code}）。` : '投递失败。';
  }
}
