// The evidence list and upload control as the server renders them, in both languages: every
// visible string comes from the catalogue (a missing key fails the test), the file input has its
// label, and nothing in it can submit the report form it sits in.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Evidence } from "./Evidence";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

type Messages = Record<string, unknown>;
const root = path.resolve(import.meta.dirname, "../..");

function messages(locale: "zh-CN" | "en"): Messages {
  const all = JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Messages;
  // Only the namespaces the component reads (the rest of the catalogue is not under test here).
  return { evidence: all.evidence, validation: all.validation };
}

const ATTACHMENTS = [
  { id: "a1", fileName: "佐证材料 三月.pdf", size: "120 KB", uploadedBy: "陈静", uploadedAt: "2018-04-03 09:00" },
  { id: "a2", fileName: "现场照片.png", size: "2,048 KB", uploadedBy: "陈静", uploadedAt: "2018-04-03 09:05" },
];

function render(locale: "zh-CN" | "en", props: Parameters<typeof Evidence>[0]) {
  const errors: string[] = [];
  const onError = (e: Error) => {
    errors.push(e.message);
  };
  const config = { locale, messages: messages(locale), timeZone: "Asia/Shanghai", onError } as Omit<ComponentProps<typeof NextIntlClientProvider>, "children">;
  const html = renderToStaticMarkup(
    createElement(NextIntlClientProvider, config as ComponentProps<typeof NextIntlClientProvider>, createElement(Evidence, props)),
  );
  return { html, errors };
}

describe.each(["zh-CN", "en"] as const)("Evidence (%s)", (locale) => {
  it("lists the files as download links, with delete buttons that cannot submit the report form, and a labelled file input", () => {
    const { html, errors } = render(locale, { reportId: "r1", attachments: ATTACHMENTS, canEdit: true });
    expect(errors).toEqual([]);
    expect(html).toMatch(/<h2 id="[^"]+" class="[^"]*">(佐证材料|Evidence)<\/h2>/);
    if (locale === "zh-CN") expect(html).toContain(">佐证材料</h2>");
    expect(html).toContain('href="/api/attachments/a1"');
    expect(html).toContain("佐证材料 三月.pdf");
    expect(html).toContain("2,048 KB");
    // One delete button a file, each opening its confirmation (whose own two buttons do not submit either).
    expect(html.match(/<button type="button"[^>]*aria-haspopup="dialog"/g)).toHaveLength(2);
    expect(html.match(/<dialog/g)).toHaveLength(2);
    expect(html).not.toMatch(/<button(?![^>]*type="button")/);
    expect(html).not.toContain("<form");

    const input = /<input[^>]*type="file"[^>]*>/.exec(html)?.[0] ?? "";
    expect(input).toContain("multiple");
    expect(input).not.toMatch(/\sname=/);
    expect(input).toContain('accept=".png,.jpg,.jpeg,.webp,.gif,.pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt"');
    const inputId = /id="([^"]+)"/.exec(input)?.[1] ?? "";
    expect(html).toContain(`<label for="${inputId}" class="label">`);
    for (const ref of (/aria-describedby="([^"]+)"/.exec(input)?.[1] ?? "").split(" ")) expect(html).toContain(`id="${ref}"`);
    expect(html).toMatch(/aria-live="polite"/);
  });

  it("with no draft yet: says the draft saves itself first, and offers no file input", () => {
    const { html, errors } = render(locale, { reportId: null, attachments: [], canEdit: true });
    expect(errors).toEqual([]);
    expect(html).toContain('data-testid="evidence-save-first"');
    expect(html).not.toContain('type="file"');
  });

  it("read-only: links only", () => {
    const { html, errors } = render(locale, { reportId: "r1", attachments: ATTACHMENTS, canEdit: false });
    expect(errors).toEqual([]);
    expect(html).toContain('href="/api/attachments/a2"');
    expect(html).not.toContain("<button");
    expect(html).not.toContain('type="file"');
  });

  it("says so when there are no files, and when the report is full", () => {
    expect(render(locale, { reportId: "r1", attachments: [], canEdit: false }).html).not.toContain("<ul");
    const full = Array.from({ length: 20 }, (_, i) => ({ ...ATTACHMENTS[0], id: `f${i}`, fileName: `${i}.pdf` })) as typeof ATTACHMENTS;
    const { html, errors } = render(locale, { reportId: "r1", attachments: full, canEdit: true });
    expect(errors).toEqual([]);
    expect(/<input[^>]*type="file"[^>]*>/.exec(html)?.[0]).toContain("disabled");
  });

  it("has every message it may show at run time (errors and states)", () => {
    const all = messages(locale) as { evidence: Record<string, Record<string, string>>; validation: Record<string, string> };
    for (const key of ["waiting", "uploading", "done"]) expect(all.evidence.state?.[key]).toBeTruthy();
    for (const key of ["network", "signedOut", "notFound", "locked", "failed"]) expect(all.evidence.errors?.[key]).toBeTruthy();
    for (const key of ["fileType", "fileTooLarge", "fileEmpty", "fileName", "tooManyFiles", "fileMissing", "fileUnreadable"])
      expect(all.validation[key]).toBeTruthy();
    if (locale === "zh-CN") expect(all.validation.fileType).toMatch(/PNG.*JPG.*PDF.*Word.*Excel.*PowerPoint.*10 MB/);
  });
});
