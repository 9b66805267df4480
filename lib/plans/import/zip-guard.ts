// An uploaded workbook is a zip that exceljs inflates whole, in memory. Before that, every entry
// named in the central directory (where unzippers find the entries) is inflated here with a bound,
// so a 5 MB upload cannot become gigabytes. Zip64, encryption and unknown compression are refused:
// Excel and WPS write none of them for a file this size.
import { inflateRawSync } from "node:zlib";

/** Far above a real plan workbook (a 300-row plan inflates to well under 1 MB). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 2000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function endOfCentralDirectory(buffer: Buffer): number {
  const last = buffer.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (buffer.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

/** Whether the zip's entries inflate, all together, to at most `limit` bytes (false too when it is not a plain zip). */
export function inflatesWithin(data: Uint8Array, limit = MAX_INFLATED_BYTES): boolean {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buffer.length < 22) return false;
  const eocd = endOfCentralDirectory(buffer);
  if (eocd < 0) return false;
  const entries = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  if (entries === 0xffff || at === 0xffffffff || entries > MAX_ENTRIES) return false;

  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) return false;
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const local = buffer.readUInt32LE(at + 42);
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);

    if (flags & 0x1) return false;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL) return false;
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + compressed > buffer.length) return false;
    const body = buffer.subarray(start, start + compressed);

    if (method === 0) total += compressed;
    else if (method === 8) {
      try {
        total += inflateRawSync(body, { maxOutputLength: Math.max(1, limit - total) }).length;
      } catch {
        // Beyond the bound (ERR_BUFFER_TOO_LARGE), or corrupt: either way not a workbook to read.
        return false;
      }
    } else return false;
    if (total > limit) return false;
  }
  return true;
}
