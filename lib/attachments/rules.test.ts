import { fileTypeFromBuffer } from "file-type";
import { describe, expect, it } from "vitest";
import { checkUpload, cleanFileName, contentDisposition, MAX_FILE_BYTES, MAX_FILES_PER_REPORT } from "./rules";
import * as files from "@/lib/testing/fixtures/files";

async function check(fileName: string, content: Buffer) {
  return checkUpload({ fileName, size: content.byteLength, detected: await fileTypeFromBuffer(content) });
}

describe("checkUpload: the type comes from the content", () => {
  it.each([
    ["png", files.png()],
    ["jpg", files.jpg()],
    ["pdf", files.pdf()],
    ["docx", files.ooxml("docx")],
    ["docm", files.ooxml("docm")],
    ["zip", files.zip({ "a.txt": "x" })],
    ["cfb", files.cfb()],
    ["exe", files.exe()],
    [undefined, files.html()],
    [undefined, files.svg()],
    [undefined, files.text()],
  ])("(the test files are what file-type says: %s)", async (ext, content) => {
    expect((await fileTypeFromBuffer(content))?.ext).toBe(ext);
  });

  it.each([
    ["照片.png", files.png(), "image/png"],
    ["现场.jpg", files.jpg(), "image/jpeg"],
    ["现场.JPEG", files.jpg(), "image/jpeg"],
    ["动图.gif", files.gif(), "image/gif"],
    ["截图.webp", files.webp(), "image/webp"],
    ["佐证材料 三月.pdf", files.pdf(), "application/pdf"],
    ["报告.docx", files.ooxml("docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["台账.xlsx", files.ooxml("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["汇报.pptx", files.ooxml("pptx"), "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["旧报告.doc", files.cfb(), "application/msword"],
    ["旧台账.xls", files.cfb(), "application/vnd.ms-excel"],
    ["旧汇报.ppt", files.cfb(), "application/vnd.ms-powerpoint"],
  ])("accepts %s as %s", async (name, content, mime) => {
    expect(await check(name, content)).toEqual({ ok: true, fileName: name, mime });
  });

  it.each([
    ["a program", "setup.exe", files.exe()],
    ["a program named .pdf", "通知.pdf", files.exe()],
    ["a program named .png", "photo.png", files.exe()],
    ["HTML", "page.html", files.html()],
    ["HTML named .pdf", "page.pdf", files.html()],
    ["SVG (can carry script)", "logo.svg", files.svg()],
    ["SVG named .png", "logo.png", files.svg()],
    ["plain text", "notes.txt", files.text()],
    ["plain text named .docx", "notes.docx", files.text()],
    ["a plain zip", "bundle.zip", files.zip({ "a.txt": "x" })],
    ["a plain zip named .docx", "bundle.docx", files.zip({ "a.txt": "x" })],
    ["a macro-enabled Word document", "宏.docm", files.ooxml("docm")],
    ["a macro-enabled Word document named .docx", "宏.docx", files.ooxml("docm")],
  ])("refuses %s (%s)", async (_what, name, content) => {
    expect(await check(name, content)).toEqual({ ok: false, error: "validation.fileType" });
  });

  it.each([
    ["a PNG named .pdf", "照片.pdf", files.png()],
    ["a PDF named .png", "材料.png", files.pdf()],
    ["a JPEG named .png", "现场.png", files.jpg()],
    ["a docx named .xlsx", "报告.xlsx", files.ooxml("docx")],
    ["an xlsx named .docx", "台账.docx", files.ooxml("xlsx")],
    ["an OLE file named .docx", "旧.docx", files.cfb()],
    ["an OLE file named .msg", "邮件.msg", files.cfb()],
    ["a PDF without an extension", "材料", files.pdf()],
  ])("refuses %s: the extension must agree with the content", async (_what, name, content) => {
    expect(await check(name, content)).toEqual({ ok: false, error: "validation.fileType" });
  });

  it("refuses an empty file, and a file over 10 MiB", () => {
    const detected = { ext: "pdf", mime: "application/pdf" };
    expect(checkUpload({ fileName: "a.pdf", size: 0, detected: undefined })).toEqual({ ok: false, error: "validation.fileEmpty" });
    expect(checkUpload({ fileName: "a.pdf", size: MAX_FILE_BYTES + 1, detected })).toEqual({ ok: false, error: "validation.fileTooLarge" });
    expect(checkUpload({ fileName: "a.pdf", size: MAX_FILE_BYTES, detected })).toMatchObject({ ok: true });
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(MAX_FILES_PER_REPORT).toBe(20);
  });

  it("refuses a real 10 MiB + 1 byte PDF", async () => {
    const big = Buffer.concat([files.pdf(), Buffer.alloc(MAX_FILE_BYTES + 1 - files.pdf().byteLength, 0x20)]);
    expect(big.byteLength).toBe(MAX_FILE_BYTES + 1);
    expect(await check("大文件.pdf", big)).toEqual({ ok: false, error: "validation.fileTooLarge" });
  });
});

describe("file names", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["..\\..\\windows\\system.ini", "system.ini"],
    ["C:\\a\\b.pdf", "b.pdf"],
    ["C:\\fakepath\\佐证材料 三月.pdf", "佐证材料 三月.pdf"],
    ["/tmp/x/报告.docx", "报告.docx"],
    ["a\u0000b\u0007c\n\r\t.pdf", "abc.pdf"],
    ["report\u202Efdp.exe", "reportfdp.exe"],
    ["\u0085名\u009f单\u007f.xlsx", "名单.xlsx"],
    ["  佐证材料 三月.pdf  ", "佐证材料 三月.pdf"],
    ["材料.pdf. . ", "材料.pdf"],
    ["佐证材料 三月.pdf", "佐证材料 三月.pdf"],
    ["..", ""],
    ["../", ""],
    ["   ", ""],
    ["", ""],
  ])("cleanFileName(%j) is %j", (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it("keeps a Chinese name intact, in NFC", () => {
    expect(cleanFileName("e\u0301té.pdf")).toBe("\u00e9té.pdf");
    expect(cleanFileName("佐证材料 三月.pdf")).toBe("佐证材料 三月.pdf");
  });

  it("takes the last path component before checking the extension", async () => {
    expect(await check("../../etc/passwd", files.pdf())).toEqual({ ok: false, error: "validation.fileType" });
    expect(await check("C:\\a\\b.pdf", files.pdf())).toEqual({ ok: true, fileName: "b.pdf", mime: "application/pdf" });
    expect(await check("a\u0000b\u0007.pdf", files.pdf())).toEqual({ ok: true, fileName: "ab.pdf", mime: "application/pdf" });
  });

  it.each([
    ["300 characters", `${"a".repeat(296)}.pdf`, false],
    ["201 Chinese characters", `${"材".repeat(197)}.pdf`, false],
    ["200 Chinese characters", `${"材".repeat(196)}.pdf`, true],
    ["200 characters counting an emoji as one", `${"📄".repeat(196)}.pdf`, true],
    ["nothing but a path", "../../", false],
    ["nothing but control characters", "\u0000\u0001", false],
  ])("a name of %s: accepted %s", async (_what, name, ok) => {
    const result = await check(name, files.pdf());
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.error).toBe("validation.fileName");
  });
});

describe("contentDisposition", () => {
  function parse(value: string) {
    const star = /filename\*=UTF-8''([^;\s]+)/.exec(value)?.[1];
    const plain = /filename="([^"]*)"/.exec(value)?.[1];
    return { star: star && decodeURIComponent(star), plain };
  }

  it("carries a Chinese name in filename* (round-trips through decodeURIComponent) with an ASCII fallback", () => {
    const value = contentDisposition("佐证材料 三月.pdf");
    expect(value.startsWith("attachment; ")).toBe(true);
    expect(parse(value)).toEqual({ star: "佐证材料 三月.pdf", plain: "_ _.pdf" });
    expect(/^[\x20-\x7e]*$/.test(value)).toBe(true);
    // Usable as a header value as is (Headers refuses anything outside Latin-1).
    expect(new Headers({ "Content-Disposition": value }).get("Content-Disposition")).toBe(value);
  });

  it.each([
    ["plain.pdf", "plain.pdf"],
    ['say "hi".pdf', "say _hi_.pdf"],
    ["back\\slash.pdf", "slash.pdf"],
    ["100% 完成.xlsx", "100_ _.xlsx"],
    ["it's (final) *v2*.docx", "it's (final) *v2*.docx"],
    ["a\r\nX-Injected: 1.pdf", "aX-Injected: 1.pdf"],
  ])("%j: fallback %j, filename* exact", (name, fallback) => {
    const value = contentDisposition(name);
    const { star, plain } = parse(value);
    expect(plain).toBe(fallback);
    expect(star).toBe(cleanFileName(name));
    expect(value).not.toMatch(/[\r\n]/);
    // RFC 5987 attr-chars only in the extended value.
    expect(/filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.test(value)).toBe(true);
  });

  it("can say inline", () => {
    expect(contentDisposition("a.png", "inline")).toBe(`inline; filename="a.png"; filename*=UTF-8''a.png`);
  });
});
