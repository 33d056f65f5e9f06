import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { createInterface } from 'node:readline';

// Child processes of the benchmark: started with node --import tsx, read as JSON lines on stdout, stopped by pid.

export interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout JSON line matching `accept`; rejects when the process exits first. */
  waitFor(accept: (line: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function startTsx(
  script: string,
  options: { args?: string[]; nodeArgs?: string[]; env: NodeJS.ProcessEnv; stderrFile: string },
): Child {
  const log = fs.openSync(options.stderrFile, 'w');
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', script, ...(options.args ?? [])],
    {
      env: options.env,
      stdio: ['ignore', 'pipe', log],
    },
  );
  const lines: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as Record<string, unknown>);
    } catch {
      fs.writeSync(log, `${text}\n`); // not a report line (e.g. --trace-gc output): kept with the log
      return;
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      fs.closeSync(log);
      resolve(code);
      for (const wake of waiters) wake();
    }),
  );

  return {
    process: child,
    exited,
    waitFor(accept, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`${script}: no answer within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          const found = lines.find(accept);
          if (found) finish(null, found);
          else if (child.exitCode !== null || child.signalCode !== null) {
            finish(new Error(`${script} exited (${child.exitCode ?? child.signalCode}); see ${options.stderrFile}`));
          }
        };
        const finish = (error: Error | null, line?: Record<string, unknown>) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A free loopback port (the kernel picks one; the benchmark server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function tail(file: string, lines = 20): string {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
