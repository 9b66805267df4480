// 佐证材料: what may be uploaded. Pure (no I/O), so the server and the upload form share it.
// The type is decided by the file's content (its magic bytes, detected with file-type); the
// name's extension only has to agree with it. Anything not in the table is refused.

/** 10 MiB per file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_REPORT = 20;
/** In characters (code points), after cleaning. */
export const MAX_FILE_NAME_CHARS = 200;
/** Room for the multipart envelope around one file (boundaries, part headers, a long file name). */
export const MAX_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024;

export interface AllowedType {
  /** The extension file-type reports for the content. */
  detectedExt: string;
  /**
   * Extensions a name may carry for this content, each with the type the file is stored and
   * served as: file-type's own MIME type, except for "cfb" (reported as application/x-cfb).
   */
  extensions: Record<string, string>;
}

/**
 * The allowed types. Office 2007+ documents are zip packages that file-type recognises by their
 * [Content_Types].xml; only docx, xlsx and pptx are accepted (not the macro-enabled docm/xlsm/pptm,
 * nor a plain zip). Legacy doc/xls/ppt are OLE compound files ("cfb"), which file-type cannot tell
 * apart: the extension decides which of the three they are served as.
 */
export const ALLOWED_TYPES: readonly AllowedType[] = [
  { detectedExt: "png", extensions: { png: "image/png" } },
  { detectedExt: "jpg", extensions: { jpg: "image/jpeg", jpeg: "image/jpeg" } },
  { detectedExt: "webp", extensions: { webp: "image/webp" } },
  { detectedExt: "gif", extensions: { gif: "image/gif" } },
  { detectedExt: "pdf", extensions: { pdf: "application/pdf" } },
  { detectedExt: "docx", extensions: { docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } },
  { detectedExt: "xlsx", extensions: { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  { detectedExt: "pptx", extensions: { pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation" } },
  { detectedExt: "cfb", extensions: { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" } },
];

/** For the file input's accept attribute (a hint to the browser only; the server decides). */
export const ACCEPT = ALLOWED_TYPES.flatMap((t) => Object.keys(t.extensions))
  .map((e) => `.${e}`)
  .join(",");

export type UploadError = "validation.fileType" | "validation.fileTooLarge" | "validation.fileEmpty" | "validation.fileName";

export type UploadCheck = { ok: true; fileName: string; mime: string } | { ok: false; error: UploadError };

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that can make
// "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name as stored and offered on download: Unicode NFC, only the last path component
 * (a browser may send "C:\\fakepath\\a.pdf"), no control or direction-override characters,
 * no surrounding spaces, no trailing dots. "" when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(UNSAFE_CHARS, "")
    .trim()
    .replace(/[.\s]+$/u, "");
  return cleaned === "." || cleaned === ".." ? "" : cleaned;
}

/** The lower-case extension of a file name, or "" when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/** Decides an upload from its name, its size and what its content was detected as. */
export function checkUpload(input: { fileName: string; size: number; detected: { ext: string; mime: string } | undefined }): UploadCheck {
  const fileName = cleanFileName(input.fileName);
  if (!fileName || [...fileName].length > MAX_FILE_NAME_CHARS) return { ok: false, error: "validation.fileName" };
  if (input.size <= 0) return { ok: false, error: "validation.fileEmpty" };
  if (input.size > MAX_FILE_BYTES) return { ok: false, error: "validation.fileTooLarge" };
  const allowed = input.detected && ALLOWED_TYPES.find((t) => t.detectedExt === input.detected?.ext);
  if (!allowed) return { ok: false, error: "validation.fileType" };
  const mime = allowed.extensions[extensionOf(fileName)];
  if (!mime) return { ok: false, error: "validation.fileType" };
  return { ok: true, fileName, mime };
}

// RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
// encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition value (RFC 6266) that keeps a Chinese name intact: filename*= carries
 * the UTF-8 name percent-encoded (RFC 5987), filename= an ASCII stand-in for old clients
 * (every non-ASCII run, quote, backslash and percent sign replaced by "_").
 */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const name = cleanFileName(fileName) || "file";
  const fallback = name.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\%]/g, "_");
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
