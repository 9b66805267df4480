// What a page sends: the HTML's bytes, the RSC payload inlined in it (self.__next_f.push), the
// first-load JavaScript (gzip), and how many database transactions one request runs.
import { gzipSync } from "node:zlib";
import pg from "pg";

export interface PageWeight {
  htmlKb: number;
  rscKb: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function pageWeight(html: string): PageWeight {
  let rsc = 0;
  for (const m of html.matchAll(/self\.__next_f\.push\(\[\d+,("(?:[^"\\]|\\.)*")\]\)/g)) rsc += Buffer.byteLength(JSON.parse(m[1] ?? '""') as string);
  return { htmlKb: kb(Buffer.byteLength(html)), rscKb: kb(rsc) };
}

export async function firstLoadJs(base: string, html: string): Promise<{ files: number; gzipKb: number }> {
  // A noModule script (Next's legacy polyfills) is never loaded by a browser that runs modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"[^>]*>/g)].filter((m) => !/\snoModule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1] ?? ""))];
  let bytes = 0;
  for (const src of srcs) bytes += gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length;
  return { files: srcs.length, gzipKb: kb(bytes) };
}

/**
 * Database transactions per request, from PostgreSQL's own count (pg_stat_database): a statement
 * outside a transaction counts as one. Asked one at a time, with a pause for the statistics to be
 * flushed (a backend reports at most once a second).
 */
export async function transactionsPerRequest(databaseUrl: string, url: string, headers: Record<string, string>, times = 10): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const count = async () => {
    await new Promise((r) => setTimeout(r, 1500));
    await client.query("SELECT pg_stat_clear_snapshot()");
    const row = (await client.query<{ n: string }>("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()")).rows[0];
    return Number(row?.n ?? 0);
  };
  try {
    const before = await count();
    for (let i = 0; i < times; i++) await (await fetch(url, { headers })).arrayBuffer();
    const after = await count();
    // This client's own two statements between the readings.
    return Math.round(((after - before - 2) / times) * 10) / 10;
  } finally {
    await client.end();
  }
}
