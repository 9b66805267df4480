// Which message namespaces the client components under a file use: its imports followed (through
// server and client components alike), and the useTranslations("…") of every client file reached.
// Used by lib/i18n/client-namespaces.test.ts to hold each page's <ClientMessages> list true.
import fs from "node:fs";
import path from "node:path";

const EXTENSIONS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolve(root: string, from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

const isClient = (source: string) => /^\s*["']use client["']/.test(source);

interface FileFacts {
  /** The namespaces this file asks for, when it is a client file. */
  namespaces: string[];
  /** The app's own files it imports. */
  imports: string[];
}

// Read once per file: every page walks much of the same graph (the layouts, the UI kit, lib/).
const facts = new Map<string, FileFacts>();

function factsOf(root: string, f: string): FileFacts {
  const kept = facts.get(f);
  if (kept) return kept;
  const source = fs.readFileSync(f, "utf8");
  const namespaces: string[] = [];
  if (isClient(source)) {
    for (const m of source.matchAll(/useTranslations\(\s*["']([a-zA-Z]+)/g)) namespaces.push(m[1] ?? "");
    if (/useTranslations\(\s*\)/.test(source)) namespaces.push("validation");
    // A namespace chosen at run time cannot be read off the call: the file names its choices in a
    // "// client namespaces: a b" comment, and a file that does not is an error, not a guess.
    if (/useTranslations\(\s*[a-zA-Z_$]/.test(source)) {
      const named = source.match(/\/\/ client namespaces: ([a-zA-Z ]+)/)?.[1];
      if (!named) throw new Error(`${path.relative(root, f)} picks its namespace at run time: name the choices in a "// client namespaces: …" comment`);
      namespaces.push(...named.trim().split(/\s+/));
    }
  }
  const imports: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const target = resolve(root, f, m[1] ?? m[2] ?? "");
    if (target && /\.tsx?$/.test(target) && !target.endsWith(".test.ts")) imports.push(target);
  }
  const read = { namespaces, imports };
  facts.set(f, read);
  return read;
}

/** Namespaces the client components reachable from `file` ask for (the root translator counts as "validation"). */
export function clientNamespacesUnder(root: string, file: string): Set<string> {
  const seen = new Set<string>();
  const namespaces = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const { namespaces: own, imports } = factsOf(root, f);
    for (const n of own) namespaces.add(n);
    for (const target of imports) visit(target);
  };
  visit(file);
  return namespaces;
}

/** The namespaces a file gives its client components: the string literals of its <ClientMessages namespaces={[…]}>. */
export function declaredNamespaces(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g))
    for (const s of (m[1] ?? "").matchAll(/["']([a-zA-Z]+)["']/g)) out.add(s[1] ?? "");
  return out;
}
