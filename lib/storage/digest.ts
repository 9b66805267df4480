// A stream's SHA-256 and size, counted while it passes through on its way somewhere else (a store, a
// staging folder), so a file is read once.
import { createHash } from "node:crypto";
import { Transform } from "node:stream";

export interface CountingStream {
  /** Pipe the content through this; it passes every byte on unchanged. */
  stream: Transform;
  /** Once the stream has ended: its SHA-256 (hex) and byte count. */
  result(): { sha256: string; size: number };
}

export function countingStream(): CountingStream {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.byteLength;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest("hex"), size }) };
}
