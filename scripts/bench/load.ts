// One load phase against one URL: closed loop (N connections, each asking again as soon as it is
// answered) or open loop (requests started at a fixed rate, whatever the answers do), with every
// response's time kept (exact percentiles) and the server's CPU over the phase.
import autocannon from "autocannon";
import { groupCpuMs } from "./cpu";

export interface Phase {
  requests: number;
  seconds: number;
  errors: number;
  non2xx: number;
  cpuMs: number;
  times: number[];
}

export interface LoadTarget {
  url: string;
  headers?: Record<string, string>;
  /** The server's process group, whose CPU is counted. */
  pgid: number;
}

export type Mode = { kind: "closed"; connections: number } | { kind: "open"; rate: number };

export async function loadPhase(target: LoadTarget, mode: Mode, seconds: number): Promise<Phase> {
  const times: number[] = [];
  const cpu0 = groupCpuMs(target.pgid);
  const options: autocannon.Options = {
    url: target.url,
    duration: seconds,
    headers: target.headers ?? {},
    // Open loop: enough connections that a slow answer never holds the next request back.
    connections: mode.kind === "closed" ? mode.connections : Math.max(20, mode.rate * 2),
    ...(mode.kind === "open" ? { overallRate: mode.rate } : {}),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  return {
    requests: result.requests.total,
    seconds,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMs: groupCpuMs(target.pgid) - cpu0,
    times,
  };
}

export interface Summary {
  requests: number;
  throughput: number;
  cpuMsPerRequest: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Phases of one step (several rounds, interleaved with the other steps) as one figure. */
export function summarise(phases: Phase[]): Summary {
  const requests = phases.reduce((s, p) => s + p.requests, 0);
  const seconds = phases.reduce((s, p) => s + p.seconds, 0);
  const cpu = phases.reduce((s, p) => s + p.cpuMs, 0);
  const times = phases.flatMap((p) => p.times).sort((a, b) => a - b);
  return {
    requests,
    throughput: round1(requests / seconds),
    cpuMsPerRequest: requests ? round1(cpu / requests) : 0,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: phases.reduce((s, p) => s + p.errors, 0),
    non2xx: phases.reduce((s, p) => s + p.non2xx, 0),
  };
}
