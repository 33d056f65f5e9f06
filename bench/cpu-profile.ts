import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

// Summarizes a V8 .cpuprofile (node --cpu-prof) per time window: the functions with the most self time and the most
// inclusive time. Profile timestamps are the machine's monotonic clock in µs, the same as process.hrtime(), so the
// windows the server and the load generator report can be cut out exactly.
// CLI: node --import tsx bench/cpu-profile.ts <file.cpuprofile> [fromSeconds toSeconds]

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A labelled set of time ranges [startUs, endUs] on the monotonic clock. */
export interface Window {
  label: string;
  ranges: [number, number][];
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/(src|bench)\//, '$1/')
    .replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

export function summarizeProfile(file: string, windows: Window[], top = { self: 25, total: 40 }): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The frames on each node's stack, once per distinct name (recursion counted once).
  const stacks = new Map<number, string[]>();
  const stackOf = (id: number): string[] => {
    let names = stacks.get(id);
    if (names) return names;
    const up = parent.get(id);
    names = [...new Set([frameName(byId.get(id)!), ...(up === undefined ? [] : stackOf(up))])];
    stacks.set(id, names);
    return names;
  };

  const out: string[] = [];
  for (const w of windows) {
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    let sum = 0;
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i]!;
      if (!w.ranges.some(([start, end]) => t >= start && t <= end)) continue;
      const dt = profile.timeDeltas[i + 1] ?? 0;
      sum += dt;
      const id = profile.samples[i]!;
      const name = frameName(byId.get(id)!);
      self.set(name, (self.get(name) ?? 0) + dt);
      for (const frame of stackOf(id)) if (frame !== '(root)') total.set(frame, (total.get(frame) ?? 0) + dt);
    }
    const list = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(
          ([k, v]) =>
            `  ${((100 * v) / (sum || 1)).toFixed(1).padStart(5)}% ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`,
        )
        .join('\n');
    const project = new Map([...total].filter(([k]) => / (src|bench)\//.test(k) || /serializ|stringify/i.test(k)));
    out.push(
      `== ${w.label}: ${(sum / 1e6).toFixed(1)} s sampled`,
      '-- self time',
      list(self, top.self),
      '-- inclusive time',
      list(total, top.total),
      '-- inclusive time, project code and serialization',
      list(project, top.total),
      '',
    );
  }
  return out.join('\n');
}

/** The main-thread profile node --cpu-prof wrote for a process (thread 0; tsx's loader thread writes another). */
export function mainThreadProfile(dir: string, pid: number): string | null {
  const name = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && f.includes(`.${pid}.0.`))
    .sort()
    .at(-1);
  return name ? `${dir}/${name}` : null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, from, to] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx bench/cpu-profile.ts <file.cpuprofile> [fromSeconds toSeconds]');
    process.exit(2);
  }
  const { startTime, endTime } = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const startUs = from ? startTime + Number(from) * 1e6 : startTime;
  const endUs = to ? startTime + Number(to) * 1e6 : endTime;
  console.log(summarizeProfile(file, [{ label: `${from ?? 0}–${to ?? 'end'} s`, ranges: [[startUs, endUs]] }]));
}
