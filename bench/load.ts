import { pathToFileURL } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { cpuSnapshot, cpuSpent, type CpuSpent } from './proc-cpu.ts';
import {
  citizenIdFor,
  isIndividualBusiness,
  isNamed,
  isPersonSubject,
  MISS_BASE,
  organizationName,
  personName,
  seededRandom,
  usccFor,
} from './synthetic.ts';

// The load generator, a process apart from the server: autocannon over loopback, driving the check route and the
// baseline route with the same rotating request bodies. Reads its settings as JSON from BENCH_LOAD and prints its
// results as one JSON line on stdout.

export interface LoadSettings {
  baseUrl: string;
  apiKey: string;
  entries: number;
  namedShare: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Each round measures both targets, in this order; later rounds alternate it. */
  rounds: number;
  bodies: number;
  serverPid: number;
}

export type Target = 'baseline' | 'check';
export const PATHS: Record<Target, string> = { baseline: '/bench/baseline', check: '/api/v1/checks' };

export interface Measured {
  target: Target;
  round: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Mean response size on the wire, headers included. */
  responseBytes: number;
  /** CPU seconds each process group spent during the measured run (Linux only). */
  cpu: CpuSpent | null;
  /** Monotonic clock (µs, shared by every process on the machine) at the start and end of the measured run. */
  startUs: number;
  endUs: number;
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

type Subject = { uscc?: string; citizenId?: string; name: string };

/** Half hits (codes of loaded subjects, named legal representatives among them), half valid codes never loaded. */
export function requestBodies(settings: Pick<LoadSettings, 'entries' | 'namedShare' | 'bodies'>): string[] {
  const random = seededRandom(20260601);
  const bodies: string[] = [];
  for (let k = 0; k < settings.bodies; k++) {
    let subject: Subject;
    if (random() < 0.5) {
      const i = Math.floor(random() * settings.entries);
      if (isPersonSubject(i)) subject = { citizenId: citizenIdFor(i), name: personName(i) };
      else if (isNamed(i, settings.namedShare) && random() < 0.1)
        subject = { citizenId: citizenIdFor(i), name: personName(i) };
      else subject = { uscc: usccFor(i, isIndividualBusiness(i)), name: organizationName(i) };
    } else {
      const m = MISS_BASE + k;
      subject =
        random() < 0.1
          ? { citizenId: citizenIdFor(m), name: personName(m) }
          : { uscc: usccFor(m), name: organizationName(m) };
    }
    const scenario = random() < 1 / 3 ? { scenario: 'administrative_licensing' } : {};
    bodies.push(JSON.stringify({ subjects: [subject], ...scenario }));
  }
  return bodies;
}

function run(settings: LoadSettings, target: Target, bodies: string[], seconds: number): Promise<Result> {
  let cursor = 0;
  const path = PATHS[target];
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${settings.apiKey}` };
  return autocannon({
    url: settings.baseUrl + path,
    connections: settings.connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path,
        headers,
        setupRequest: (req) => {
          req.body = bodies[cursor]!;
          cursor = (cursor + 1) % bodies.length;
          return req;
        },
      },
    ],
  });
}

export async function measure(settings: LoadSettings): Promise<Measured[]> {
  const bodies = requestBodies(settings);
  const measured: Measured[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const order: Target[] = round % 2 === 1 ? ['baseline', 'check'] : ['check', 'baseline'];
    for (const target of order) {
      if (settings.warmupSeconds > 0) await run(settings, target, bodies, settings.warmupSeconds);
      const startUs = monotonicUs();
      const cpuBefore = cpuSnapshot(settings.serverPid);
      const r = await run(settings, target, bodies, settings.durationSeconds);
      const cpu = cpuSpent(cpuBefore, cpuSnapshot(settings.serverPid));
      measured.push({
        target,
        round,
        rps: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
        responseBytes: Math.round(r.throughput.total / Math.max(1, r.requests.total)),
        cpu,
        startUs,
        endUs: monotonicUs(),
      });
    }
  }
  return measured;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const settings = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadSettings;
  measure(settings).then(
    (results) => process.stdout.write(`${JSON.stringify({ results })}\n`),
    (error) => {
      process.stderr.write(`load generator failed: ${error?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
