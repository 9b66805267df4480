// The archive on its own: stored files are renamed to files/<path> with their content (a hard
// link too), temporary upload files stay out, and unpacking gives back the same bytes.
import { link, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { afterAll, expect, it } from "vitest";
import { extractArchive, writeArchive } from "./archive";
import { listStoredFiles, sha256File } from "./files";

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "duban-archive-test-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

it("carries every stored file under files/, hard links with their content, and no temporary file", async () => {
  const root = await tempDir();
  await mkdir(path.join(root, "evidence", "2018"), { recursive: true });
  await mkdir(path.join(root, "summaries"), { recursive: true });
  await writeFile(path.join(root, "evidence", "2018", "a"), "佐证 A");
  await link(path.join(root, "evidence", "2018", "a"), path.join(root, "summaries", "same-as-a"));
  await writeFile(path.join(root, "evidence", "2018", "b.123abc.tmp"), "half an upload");

  const files = await listStoredFiles(root);
  expect(files.map((f) => f.path)).toEqual(["evidence/2018/a", "summaries/same-as-a"]);
  expect(files[0]?.sha256).toBe(await sha256File(path.join(root, "evidence", "2018", "a")));

  const staging = await tempDir();
  await writeFile(path.join(staging, "manifest.json"), "{}");
  const out = path.join(await tempDir(), "deep", "b.tar.gz");
  await writeArchive(out, staging, ["manifest.json"], root, files.map((f) => f.path));

  const entries: { path: string; type: string }[] = [];
  await tar.t({ file: out, onReadEntry: (e) => entries.push({ path: e.path, type: e.type }) });
  expect(entries).toEqual([
    { path: "manifest.json", type: "File" },
    { path: "files/evidence/2018/a", type: "File" },
    { path: "files/summaries/same-as-a", type: "File" },
  ]);

  const back = await tempDir();
  await extractArchive(out, back);
  expect(await readFile(path.join(back, "files", "summaries", "same-as-a"), "utf8")).toBe("佐证 A");
  expect(await listStoredFiles(path.join(back, "files"))).toEqual(files);
});

it("lists no files for a files folder that does not exist yet", async () => {
  expect(await listStoredFiles(path.join(await tempDir(), "never-made"))).toEqual([]);
});
