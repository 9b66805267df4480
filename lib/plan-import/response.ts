// A generated workbook as a download: its Chinese file name kept (RFC 6266/5987), never cached,
// never sniffed or rendered.
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function xlsxResponse(data: Buffer, disposition: string): Response {
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      "Content-Type": XLSX_MIME,
      "Content-Length": String(data.byteLength),
      "Content-Disposition": disposition,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
