// Test support (used by the *.test.ts files beside it): real file contents, enough of each format
// for file-type to recognise it by its magic bytes (a valid 1×1 PNG, stored zip packages for the
// Office types, and so on).
import { crc32, deflateRawSync, deflateSync } from "node:zlib";

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

/** A 1×1 grey PNG; `seed` varies the pixel so that two files differ. */
export function png(seed = 0): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, seed & 0xff]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", ihdr), pngChunk("IDAT", idat), pngChunk("IEND", Buffer.alloc(0))]);
}

export function jpg(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0", "latin1"), Buffer.alloc(64, 0), Buffer.from([0xff, 0xd9])]);
}

export function gif(): Buffer {
  return Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from([0x3b])]);
}

export function webp(): Buffer {
  const payload = Buffer.concat([Buffer.from("WEBPVP8 ", "latin1"), Buffer.alloc(32, 0)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(payload.length);
  return Buffer.concat([Buffer.from("RIFF", "latin1"), size, payload]);
}

export function pdf(text = "佐证"): Buffer {
  return Buffer.from(`%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Title (${text}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, "utf8");
}

/** An OLE compound file header, as legacy .doc/.xls/.ppt files start. */
export function cfb(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]);
}

/** A Windows executable's header. */
export function exe(): Buffer {
  const b = Buffer.alloc(256, 0);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
}

/** A zip archive: its entries stored, or deflated as Office does. */
export function zip(entries: Record<string, string | Buffer>, options: { deflate?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const method = options.deflate ? 8 : 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const data = options.deflate ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    const localRecord = Buffer.concat([local, nameBytes, data]);
    locals.push(localRecord);
    centrals.push(Buffer.concat([central, nameBytes]));
    offset += localRecord.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const OOXML = {
  docx: ["word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"],
  xlsx: ["xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
  pptx: ["ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"],
  docm: ["word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"],
} as const;

const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;

/** An Office Open XML package as Word, Excel or PowerPoint write it (just the parts file-type reads). */
export function ooxml(kind: keyof typeof OOXML, options: { deflate?: boolean } = {}): Buffer {
  const [part, type] = OOXML[kind];
  return zip({ "[Content_Types].xml": contentTypes(part, type), [part]: "<x/>" }, options);
}

/** A "docx" whose [Content_Types].xml inflates to 64 MiB (about 64 KB on disk). */
export function zipBomb(): Buffer {
  const [part, type] = OOXML.docx;
  const padding = Buffer.alloc(64 * 1024 * 1024, 0x20);
  return zip({ "[Content_Types].xml": Buffer.concat([padding, Buffer.from(contentTypes(part, type))]), [part]: "<x/>" }, { deflate: true });
}

export const html = () => Buffer.from("<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>\n", "utf8");
export const svg = () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>\n', "utf8");
export const text = () => Buffer.from("三月工作进展：按计划推进。\nplain text\n", "utf8");
