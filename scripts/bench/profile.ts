// A CPU profile of the server under load (node --cpu-prof), summarised: self time grouped by where
// the code lives, and the functions that cost most. The server bundle is minified, so groups follow
// files (Next's rendering runtime, the app's own bundle, the database driver, Node itself, GC).
import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const GROUPS: [string, (url: string, fn: string) => boolean][] = [
  ["idle", (_u, fn) => fn === "(idle)"],
  ["garbage collection", (_u, fn) => fn === "(garbage collector)"],
  ["database (pg, Prisma)", (u) => /node_modules\/(pg|pg-[a-z]+|@prisma|postgres-[a-z]+)\/|generated\/prisma|query_compiler/.test(u)],
  ["React rendering and RSC (Next's page runtime)", (u) => /next\/dist\/compiled\/next-server\/app-page/.test(u) || /react-dom|react-server-dom/.test(u)],
  ["i18n (next-intl, ICU messages)", (u) => /next-intl|use-intl|intl-messageformat|@formatjs/.test(u)],
  ["sessions and JWT (next-auth, jose)", (u) => /next-auth|jose|oauth|openid/.test(u)],
  ["Next server (routing, proxy, caching)", (u) => /node_modules\/next\//.test(u)],
  ["the app's server bundle (pages, lib)", (u) => /\.next\/server\//.test(u)],
  ["Node (HTTP, streams, crypto, zlib)", (u) => u.startsWith("node:") || u === ""],
];

export interface ProfileSummary {
  sampledMs: number;
  groups: { group: string; ms: number; share: number }[];
  top: { fn: string; where: string; ms: number }[];
}

export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, { fn: string; where: string; ms: number }>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    const group = GROUPS.find(([, test]) => test(url, functionName))?.[0] ?? "other";
    byGroup.set(group, (byGroup.get(group) ?? 0) + ms);
    if (group === "idle") continue;
    const where = url ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\.next\//, ".next/")}:${lineNumber + 1}` : "(native)";
    const key = `${functionName}@${where}`;
    const entry = byFunction.get(key) ?? { fn: functionName || "(anonymous)", where, ms: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
  }
  const busy = [...byGroup].filter(([g]) => g !== "idle").reduce((s, [, ms]) => s + ms, 0);
  const round = (n: number) => Math.round(n);
  return {
    sampledMs: round(busy),
    groups: [...byGroup]
      .filter(([g]) => g !== "idle")
      .sort((a, b) => b[1] - a[1])
      .map(([group, ms]) => ({ group, ms: round(ms), share: Math.round((ms / busy) * 1000) / 10 })),
    top: [...byFunction.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12)
      .map((f) => ({ ...f, ms: round(f.ms) })),
  };
}

/** The newest .cpuprofile in a folder (the server writes one when it exits). */
export function newestProfile(dir: string): string | null {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : [];
  const newest = files.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  return newest ?? null;
}
