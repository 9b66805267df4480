// The .tar.gz itself. The manifest and the table files are written to a staging folder; each stored
// file is read from its local source (a folder store's own file: no second copy of a large evidence
// folder; a bucket's object: its copy in the staging folder) and renamed to files/<path> in the
// archive as its entry is written. A hard-linked stored file is archived with its content, never as a link.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import { fileEntry } from "./manifest";

/** `files`: each stored file's path in the store, and the local file that holds its content. */
export async function writeArchive(out: string, staging: string, stagedEntries: string[], files: Map<string, string>): Promise<void> {
  await mkdir(path.dirname(out), { recursive: true });
  const renamed = new Map([...files].map(([rel, local]) => [path.resolve(local), fileEntry(rel)]));
  const warnings: string[] = [];
  await tar.c(
    {
      file: out,
      gzip: true,
      cwd: staging,
      portable: true,
      // Stripping the root from a stored file's absolute path is expected: the entry is renamed anyway.
      onwarn: (code, message) => {
        if (code !== "TAR_ENTRY_INFO") warnings.push(`${code}: ${String(message)}`);
      },
      onWriteEntry(entry) {
        const name = renamed.get(path.resolve(entry.absolute));
        if (name) entry.path = name;
      },
    },
    [...stagedEntries, ...renamed.keys()],
  );
  if (warnings.length) throw new Error(`Writing ${out} failed:\n${warnings.join("\n")}`);
}

/** Unpacks into dir; tar itself refuses absolute paths, ".." and links leading out of dir. */
export async function extractArchive(file: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await tar.x({ file, cwd: dir, strict: true, preservePaths: false });
}
