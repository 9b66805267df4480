// The headers every file download carries: never cached, never sniffed, and should a browser render
// it anyway, it runs nothing and loads nothing. proxy.ts leaves route handlers' CSP alone for this.
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

export function downloadHeaders(mime: string, byteLength: number, disposition: string): Record<string, string> {
  return {
    "Content-Type": mime,
    "Content-Length": String(byteLength),
    "Content-Disposition": disposition,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": DOWNLOAD_CSP,
  };
}
