// The archive on its own: stored files are renamed to files/<path> with their content (a hard
// link too), temporary upload files stay out, a bucket's objects are staged and carried the same
// way, and unpacking gives back the same bytes.
import { link, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import * as tar from "tar";
import { afterAll, expect, it } from "vitest";
import { createDiskStore } from "@/lib/storage/disk";
import { startTestObjectServer } from "@/lib/testing/s3";
import { extractArchive, writeArchive } from "./archive";
import { collectStoredFiles, inventory, sha256File } from "./files";

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "duban-archive-test-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function entriesOf(file: string) {
  const entries: { path: string; type: string }[] = [];
  await tar.t({ file, onReadEntry: (e) => entries.push({ path: e.path, type: e.type }) });
  return entries;
}

it("carries every file of a folder store under files/, read where it is, hard links with their content, and no temporary file", async () => {
  const root = await tempDir();
  await mkdir(path.join(root, "evidence", "2018"), { recursive: true });
  await mkdir(path.join(root, "summaries"), { recursive: true });
  await mkdir(path.join(root, ".incoming"), { recursive: true });
  await writeFile(path.join(root, "evidence", "2018", "a"), "佐证 A");
  await link(path.join(root, "evidence", "2018", "a"), path.join(root, "summaries", "same-as-a"));
  await writeFile(path.join(root, "evidence", "2018", "b.123abc.tmp"), "half an upload");
  await writeFile(path.join(root, ".incoming", "c.tmp"), "half an upload");

  const staging = await tempDir();
  const { files, sources } = await collectStoredFiles(createDiskStore(root), path.join(staging, "files"));
  expect(files.map((f) => f.path)).toEqual(["evidence/2018/a", "summaries/same-as-a"]);
  expect(files[0]?.sha256).toBe(await sha256File(path.join(root, "evidence", "2018", "a")));
  expect(sources.get("evidence/2018/a")).toBe(path.join(root, "evidence", "2018", "a"));

  await writeFile(path.join(staging, "manifest.json"), "{}");
  const out = path.join(await tempDir(), "deep", "b.tar.gz");
  await writeArchive(out, staging, ["manifest.json"], sources);
  expect(await entriesOf(out)).toEqual([
    { path: "manifest.json", type: "File" },
    { path: "files/evidence/2018/a", type: "File" },
    { path: "files/summaries/same-as-a", type: "File" },
  ]);

  const back = await tempDir();
  await extractArchive(out, back);
  expect(await readFile(path.join(back, "files", "summaries", "same-as-a"), "utf8")).toBe("佐证 A");
  expect(await inventory(createDiskStore(path.join(back, "files")))).toEqual(files);
});

it("carries a bucket's objects through the staging folder, checked on the way", async () => {
  const s3 = await startTestObjectServer();
  try {
    const store = s3.store();
    await store.put("evidence/2018/a", Readable.from([Buffer.from("佐证 A")]));
    await store.put("imports/2018/b", Readable.from([Buffer.alloc(100_000, 2)]));
    const staging = await tempDir();
    const { files, sources } = await collectStoredFiles(store, path.join(staging, "files"));
    expect(files).toEqual(await inventory(store));
    expect(sources.get("imports/2018/b")).toBe(path.join(staging, "files", "imports", "2018", "b"));

    await writeFile(path.join(staging, "manifest.json"), "{}");
    const out = path.join(await tempDir(), "s3.tar.gz");
    await writeArchive(out, staging, ["manifest.json"], sources);
    expect((await entriesOf(out)).map((e) => e.path)).toEqual(["manifest.json", "files/evidence/2018/a", "files/imports/2018/b"]);
    const back = await tempDir();
    await extractArchive(out, back);
    expect(await inventory(createDiskStore(path.join(back, "files")))).toEqual(files);
  } finally {
    await s3.close();
  }
});

it("finds no files in a folder store that does not exist yet", async () => {
  expect((await collectStoredFiles(createDiskStore(path.join(await tempDir(), "never-made")), await tempDir())).files).toEqual([]);
});
