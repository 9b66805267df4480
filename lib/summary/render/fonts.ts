// The Chinese font every PDF glyph is drawn with: Noto Sans Hans (OFL) from @embedpdf/fonts-sc.
// Read from node_modules at run time rather than bundled, and kept after the first read: the two
// files are about 8 MB each and every PDF export needs them.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const FONT_PACKAGE = "@embedpdf/fonts-sc";

export interface SummaryFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: SummaryFonts | null = null;

function readFont(file: string): Buffer {
  const fontPath = path.join(process.cwd(), "node_modules", FONT_PACKAGE, "fonts", file);
  if (!existsSync(fontPath)) {
    throw new Error(`PDF font ${file} not found at ${fontPath}: the package ${FONT_PACKAGE} must be installed (npm install ${FONT_PACKAGE}).`);
  }
  return readFileSync(fontPath);
}

export function summaryFonts(): SummaryFonts {
  cached ??= { regular: readFont("NotoSansHans-Regular.otf"), bold: readFont("NotoSansHans-Bold.otf") };
  return cached;
}
