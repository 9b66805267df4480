// The folder backend: one server, or a folder every instance mounts (NFS). An object is written to
// <root>/.incoming first, flushed, then renamed into place, so a reader never sees half a file and
// a crash leaves at most a stray file in .incoming (which list() does not report).
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { access, constants, lstat, mkdir, open, readdir, rename, rm, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertSafeObjectPath } from "./keys";
import type { ObjectStore, StoredObject } from "./object-store";

const INCOMING = ".incoming";

export function createDiskStore(root: string): ObjectStore {
  const resolved = path.resolve(/* turbopackIgnore: true */ root);

  function fileOf(p: string): string {
    assertSafeObjectPath(p);
    if (p.split("/")[0] === INCOMING) throw new Error(`Invalid storage key ${JSON.stringify(p)}`);
    return path.join(/* turbopackIgnore: true */ resolved, ...p.split("/"));
  }

  return {
    backend: "disk",
    location: resolved,

    async put(p, body: Readable) {
      const target = fileOf(p);
      const incoming = path.join(/* turbopackIgnore: true */ resolved, INCOMING);
      await mkdir(incoming, { recursive: true, mode: 0o750 });
      await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
      const temp = path.join(incoming, `${randomBytes(12).toString("hex")}.tmp`);
      try {
        await pipeline(body, createWriteStream(/* turbopackIgnore: true */ temp, { flags: "wx", mode: 0o640 }));
        // On disk before it gets its name: a crash must not leave a named file with missing content.
        const handle = await open(/* turbopackIgnore: true */ temp, "r");
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(p) {
      const stream = createReadStream(/* turbopackIgnore: true */ fileOf(p));
      try {
        await new Promise((resolve, reject) => stream.once("open", resolve).once("error", reject));
      } catch (error) {
        stream.destroy();
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      return stream;
    },

    async remove(p) {
      try {
        await unlink(/* turbopackIgnore: true */ fileOf(p));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },

    async *list(): AsyncIterable<StoredObject> {
      let entries;
      try {
        entries = await readdir(resolved, { recursive: true, withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const e of entries) {
        // Temporary files: in .incoming, or (written by earlier versions) beside their target.
        if (!e.isFile() || e.name.endsWith(".tmp")) continue;
        const rel = path.relative(resolved, path.join(e.parentPath, e.name)).split(path.sep).join("/");
        if (rel.split("/")[0] === INCOMING) continue;
        yield { path: rel, size: (await lstat(path.join(e.parentPath, e.name))).size };
      }
    },

    localPath: fileOf,

    async check() {
      await mkdir(resolved, { recursive: true, mode: 0o750 });
      await access(resolved, constants.R_OK | constants.W_OK);
    },
  };
}
