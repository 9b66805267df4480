// The Chinese font every PDF glyph is drawn with: Noto Sans Hans (OFL), kept in assets/fonts with
// its licence. Read at run time rather than bundled, and kept after the first read: the two files
// are about 8 MB each and every PDF export needs them.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const FONT_DIR = path.join("assets", "fonts");

export interface SummaryFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: SummaryFonts | null = null;

function readFont(file: string): Buffer {
  const fontPath = path.join(process.cwd(), FONT_DIR, file);
  if (!existsSync(/* turbopackIgnore: true */ fontPath)) {
    throw new Error(`PDF font ${file} not found at ${fontPath}: the server must run from the app's folder, which holds ${FONT_DIR}.`);
  }
  return readFileSync(/* turbopackIgnore: true */ fontPath);
}

export function summaryFonts(): SummaryFonts {
  cached ??= { regular: readFont("NotoSansHans-Regular.otf"), bold: readFont("NotoSansHans-Bold.otf") };
  return cached;
}
