import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitUntilReady } from '../server-process.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** A server process on a demo data set of its own, as a user runs it after `npm run demo` and `npm start`. */
export interface PortalServer {
  base: string;
  siteName: string;
  /** The API as a demo user: a login token for `username`. */
  login(username: string): Promise<string>;
  stop(): Promise<void>;
}

export const DEMO_PASSWORD = 'Demo-2026-credlink';

/**
 * Loads the demo into a fresh data directory and starts the server on a free loopback port. The web app must have
 * been built (npm test and npm run screenshots build it first).
 */
export async function startPortalServer(options: { env?: Record<string, string> } = {}): Promise<PortalServer> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-portal-'));
  const siteName = '信用历城';
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('CREDLINK_') && k !== 'DATABASE_URL') env[k] = v;
  Object.assign(env, {
    CREDLINK_DATA_DIR: path.join(parent, 'data'),
    CREDLINK_SECRET_KEY: randomBytes(32).toString('hex'),
    CREDLINK_SITE_NAME: siteName,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  const demo = spawnSync(process.execPath, ['bin/credlink.mjs', 'demo'], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 280_000,
  });
  if (demo.status !== 0) throw new Error(`npm run demo failed: ${demo.stdout}${demo.stderr}`);

  const port = 20000 + Math.floor(Math.random() * 20000);
  const proc: ChildProcess = spawn(process.execPath, ['bin/credlink.mjs', 'start'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(proc, base);

  return {
    base,
    siteName,
    async login(username) {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    async stop() {
      proc.kill('SIGTERM');
      await exited;
      fs.rmSync(parent, { recursive: true, force: true });
    },
  };
}
