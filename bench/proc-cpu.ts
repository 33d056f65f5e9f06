import fs from 'node:fs';

// CPU time per process group from /proc (Linux), so a result says where the machine's CPU went during a measured
// run: the server, the load generator, PostgreSQL, and everything else on the machine. Elsewhere it reports nothing.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return 0; // the process has ended
  }
}

function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const idle = (n[3] ?? 0) + (n[4] ?? 0); // idle + iowait
  return (n.slice(0, 8).reduce((a, b) => a + b, 0) - idle) / TICKS_PER_SECOND;
}

export interface CpuSnapshot {
  server: number;
  loadGenerator: number;
  postgres: Map<number, number>;
  machine: number;
}
export interface CpuSpent {
  server: number;
  loadGenerator: number;
  postgres: number;
  other: number;
}

export function cpuSnapshot(serverPid: number): CpuSnapshot | null {
  if (!fs.existsSync('/proc/stat')) return null;
  const usage = process.cpuUsage();
  return {
    server: processSeconds(serverPid),
    loadGenerator: (usage.user + usage.system) / 1e6,
    postgres: new Map(postgresPids().map((pid) => [pid, processSeconds(pid)])),
    machine: machineBusySeconds(),
  };
}

/** CPU seconds spent between two snapshots; PostgreSQL backends that started meanwhile count from zero. */
export function cpuSpent(before: CpuSnapshot | null, after: CpuSnapshot | null): CpuSpent | null {
  if (!before || !after) return null;
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  const server = after.server - before.server;
  const loadGenerator = after.loadGenerator - before.loadGenerator;
  const other = Math.max(0, after.machine - before.machine - server - loadGenerator - postgres);
  const round = (x: number) => Number(x.toFixed(2));
  return { server: round(server), loadGenerator: round(loadGenerator), postgres: round(postgres), other: round(other) };
}
