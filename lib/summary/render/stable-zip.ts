// An Office file (a zip) written again with nothing that depends on when it was written: every
// entry dated at the summary's generation time, and the document's own created/modified stamps set
// to it too. So the same summary, generated again as it was (lib/summary/verify.ts), is the same bytes.
import JSZip from "jszip";

const STAMP = /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

/** Entries to rewrite on the way (e.g. the Word font table), by name. */
export type Rewrites = Record<string, (xml: string) => string>;

export async function stableZip(file: Buffer, at: Date, rewrites: Rewrites = {}): Promise<Buffer> {
  const source = await JSZip.loadAsync(file);
  const out = new JSZip();
  const entries: JSZip.JSZipObject[] = [];
  source.forEach((_, entry) => {
    if (!entry.dir) entries.push(entry);
  });
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const entry of entries) {
    let content: Uint8Array | string = await entry.async("uint8array");
    if (entry.name === "docProps/core.xml") content = new TextDecoder().decode(content).replace(STAMP, `$1${stamp}$2`);
    const rewrite = rewrites[entry.name];
    if (rewrite) content = rewrite(typeof content === "string" ? content : new TextDecoder().decode(content));
    out.file(entry.name, content, { date: at, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
