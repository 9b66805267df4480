// Numbers as people in Chinese offices type them: full-width digits (１２３．５), thousands
// separators (1,234.5 or 1，234.5), a trailing unit-less space. Anything else is refused, never guessed.
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B]/g;

export function normalizeNumberInput(raw: string): string {
  const ascii = raw.replace(FULL_WIDTH, (ch) => {
    if (ch === "\uFF0E") return ".";
    if (ch === "\uFF0C") return ",";
    if (ch === "\uFF0D") return "-";
    if (ch === "\uFF0B") return "+";
    return String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 48);
  });
  return ascii.replace(/\s+/g, "").trim();
}

/** A decimal string ("1234.5", "-3") from what was typed, or null when it is not a number. */
export function parseDecimalInput(raw: string): string | null {
  const s = normalizeNumberInput(raw);
  // Grouping must be in threes when present: "1,234.5" yes, "12,34" no.
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) return null;
  const plain = s.replace(/,/g, "").replace(/^\+/, "");
  return plain.replace(/^(-?)0+(?=\d)/, "$1");
}
