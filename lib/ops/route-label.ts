// The route a request went to, as a pattern ("/campaigns/[id]"), for metrics and logs: raw paths
// carry ids and would make a metric label of every campaign. The patterns are the build's own
// (.next/routes-manifest.json); anything that matches none is "other", so a scanner probing random
// paths cannot grow the metrics.

export interface RoutesManifest {
  staticRoutes?: { page: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
}

export type RouteLabeler = (pathname: string) => string;

const NEXT_ASSETS: [RegExp, string][] = [
  [/^\/_next\/static\//, "/_next/static"],
  [/^\/_next\/image$/, "/_next/image"],
  [/^\/_next\//, "/_next"],
];

export function routeLabeler(manifest: RoutesManifest): RouteLabeler {
  const exact = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamic = (manifest.dynamicRoutes ?? []).flatMap((r) => {
    try {
      return [{ page: r.page, regex: new RegExp(r.regex) }];
    } catch {
      return [];
    }
  });
  return (pathname) => {
    for (const [pattern, label] of NEXT_ASSETS) if (pattern.test(pathname)) return label;
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    if (exact.has(path)) return path;
    // Static files of public/ are served as they are named: few, and known at build.
    if (/^\/[\w.-]+\.(svg|ico|png|txt|webmanifest)$/.test(path)) return path;
    for (const r of dynamic) if (r.regex.test(path)) return r.page;
    return "other";
  };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request id a trusted proxy sent (nginx's $request_id), when it looks like one; otherwise null. */
export function incomingRequestId(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : null;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function methodLabel(method: string | undefined): string {
  return method && METHODS.has(method) ? method : "OTHER";
}

export interface ServerReferenceManifest {
  node?: Record<string, { exportedName?: string }>;
}

/** Server actions by the id Next sends in the Next-Action header (.next/server/server-reference-manifest.json). */
export function actionNames(manifest: ServerReferenceManifest): (id: string) => string | undefined {
  const names = new Map(Object.entries(manifest.node ?? {}).flatMap(([id, entry]) => (entry.exportedName ? [[id, entry.exportedName] as const] : [])));
  return (id) => names.get(id);
}
