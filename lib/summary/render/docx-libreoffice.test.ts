// The Word 月报 as a word processor lays it out, not only as its XML says: LibreOffice (Debian's
// libreoffice-writer-nogui, installed by .ci/run) converts it to PDF and poppler's pdftotext reads
// the pages back. Fonts: the vendored Noto Sans Hans through a fontconfig file of the test's own,
// so the machine needs no Chinese font installed (the named 公文 fonts fall back to it).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleSummary } from "@/lib/testing/fixtures/summary";
import { summaryText } from "../text";
import { renderDocx } from "./docx";
import { FONT_DIR } from "./fonts";

const run = promisify(execFile);
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));

/** pdftotext's text of pages `first`–`last` (all when omitted), lines kept, spaces between CJK and digits dropped. */
async function pdfLines(pdf: string, first?: number, last?: number): Promise<string[]> {
  const range = first === undefined ? [] : ["-f", String(first), "-l", String(last ?? first)];
  const { stdout } = await run("pdftotext", ["-layout", ...range, pdf, "-"]);
  return stdout.split("\n").map((line) => line.replace(/\s+/g, ""));
}

describe("the Word 月报 rendered by LibreOffice", () => {
  let dir: string;
  let pdf: string;

  beforeAll(async () => {
    if (!SOFFICE) throw new Error("LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui poppler-utils (.ci/run does)");
    dir = await mkdtemp(path.join(tmpdir(), "duban-docx-"));
    const summary = sampleSummary();
    const report = summary.campaigns[1]?.report;
    if (!report) throw new Error("the fixture's second campaign has reported");
    report.progressText = "1. 签约项目3个，总投资5.2亿元\n2. 开工项目2个\n3. 竣工项目1个";
    await writeFile(path.join(dir, "summary.docx"), await renderDocx(summary, summaryText("zh-CN")));
    const fonts = path.join(dir, "fonts.conf");
    await writeFile(
      fonts,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
        `<dir>${path.resolve(FONT_DIR)}</dir><cachedir>${path.join(dir, "font-cache")}</cachedir></fontconfig>`,
    );
    // A profile of its own, so conversions running side by side (or a user's open LibreOffice) do not collide.
    await run(
      SOFFICE,
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, path.join(dir, "summary.docx")],
      {
        env: { ...process.env, FONTCONFIG_FILE: fonts, HOME: dir },
        timeout: 150_000,
      },
    );
    pdf = path.join(dir, "summary.pdf");
    expect((await readFile(pdf)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("is A4", async () => {
    const { stdout } = await run("pdfinfo", [pdf]);
    expect(stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it("has the 发文单位 block on page 1, above the title: 期号, then 发文机关 and the date on one line", async () => {
    const page1 = (await pdfLines(pdf, 1)).filter((line) => line !== "");
    expect(page1[0]).toBe("第3期");
    expect(page1[1]).toBe("沈荡镇人民政府办公室2018年4月10日");
    expect(page1[2]).toBe("2018年3月十大战役工作月报");
  });

  it("keeps a narrative of three numbered lines as three lines", async () => {
    const lines = await pdfLines(pdf);
    const first = lines.findIndex((line) => line === "工作进展：1.签约项目3个，总投资5.2亿元");
    expect(first, lines.join("\n")).toBeGreaterThanOrEqual(0);
    // The next printed lines are the other two (a page break between them would put the page number in between).
    const next = lines.slice(first + 1).filter((line) => line !== "" && !/^—\d+—$/.test(line) && !line.startsWith("\f"));
    expect(next.slice(0, 2)).toEqual(["2.开工项目2个", "3.竣工项目1个"]);
  });

  it("numbers the pages '— n —'", async () => {
    const { stdout } = await run("pdfinfo", [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let n = 1; n <= pages; n++) expect(await pdfLines(pdf, n), `page ${n}`).toContain(`—${n}—`);
  });
});
