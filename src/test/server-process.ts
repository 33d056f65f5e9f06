import type { ChildProcess } from 'node:child_process';

/** Waits until a server process answers /readyz with 200; fails when it exits first or takes longer than the limit. */
export async function waitUntilReady(proc: ChildProcess, base: string, limitMs = 180_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('the server did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
}
