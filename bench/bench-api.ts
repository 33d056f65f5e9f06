import { setTimeout as sleep } from 'node:timers/promises';

// What the benchmark asks the server through its public API before the load: a login, an API key, and a probe that
// the check answers hits for loaded subjects and nothing for codes never loaded.

/** The fields the benchmark reads from the API's answers: any may be missing (an error, a text body, or `null`). */
interface ApiAnswer {
  token?: string;
  key?: string;
  results?: { hits?: unknown }[];
  dataVersion?: unknown;
  stale?: unknown;
}

async function call(
  baseUrl: string,
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; json: ApiAnswer | null }> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json: json as ApiAnswer | null };
}

/** Logs in as admin and creates an API key for the department; the key is shown only in this answer. */
export async function createApiKey(baseUrl: string, adminPassword: string, departmentId: string): Promise<string> {
  const login = await call(baseUrl, '/api/v1/auth/login', { username: 'admin', password: adminPassword });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.json)}`);
  const created = await call(
    baseUrl,
    '/api/v1/api-keys',
    { name: '基准测试业务系统', departmentId, expiresInDays: 1 },
    login.json?.token,
  );
  if (created.status !== 201)
    throw new Error(`API key creation failed: ${created.status} ${JSON.stringify(created.json)}`);
  return created.json?.key as string;
}

type ProbeSubject = { uscc?: string; citizenId?: string; name: string };

export interface ProbeResult {
  hits: number;
  dataVersion: unknown;
  stale: unknown;
}

/**
 * Checks one subject with the key. A new key reaches the in-memory key cache through the sync loop, so a 401 is
 * retried for a while before it counts as a failure.
 */
export async function probeCheck(
  baseUrl: string,
  apiKey: string,
  subject: ProbeSubject,
  waitMs = 15_000,
): Promise<ProbeResult> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const answer = await call(baseUrl, '/api/v1/checks', { subjects: [subject] }, apiKey);
    if (answer.status === 200) {
      const result = answer.json?.results?.[0];
      if (!result || !Array.isArray(result.hits))
        throw new Error(`unexpected check answer: ${JSON.stringify(answer.json).slice(0, 500)}`);
      return { hits: result.hits.length, dataVersion: answer.json?.dataVersion, stale: answer.json?.stale };
    }
    if (answer.status !== 401 || Date.now() > deadline) {
      throw new Error(`check failed: ${answer.status} ${JSON.stringify(answer.json).slice(0, 500)}`);
    }
    await sleep(200);
  }
}
