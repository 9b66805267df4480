// A generated workbook as a download: its Chinese file name kept (RFC 6266/5987), never cached,
// never sniffed or rendered.
import { downloadHeaders } from "@/lib/http/download";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function xlsxResponse(data: Buffer, disposition: string): Response {
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: downloadHeaders(XLSX_MIME, data.byteLength, disposition),
  });
}
