// The S3-compatible backend: what 政务云 provide (阿里云 OSS, 腾讯云 COS, 华为云 OBS) and MinIO.
// Objects are written by streaming (one request for a small file, a multipart upload in 5 MiB parts
// for a larger one), so no file is held whole in memory here. PUT is atomic in S3: a reader sees the
// old object or the new one.
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, NoSuchKey, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import type { StorageConfig } from "./config";
import { assertSafeObjectPath } from "./keys";
import type { ObjectStore, StoredObject } from "./object-store";

type S3Config = Extract<StorageConfig, { backend: "s3" }>;

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Checksums only where S3 requires them: the SDK's default (a CRC32 trailer in aws-chunked
    // encoding on every upload) is refused or mangled by several S3-compatible stores. Our own
    // SHA-256 is kept in the database and checked on every download anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
    // A store that stops answering fails the request instead of holding it (and its user) forever:
    // 5 s to connect, 30 s without a byte moving.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 30_000 },
  });
}

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey || (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404));

export function createS3Store(config: S3Config, client: S3Client = createS3Client(config)): ObjectStore {
  const { bucket, prefix } = config;
  const keyOf = (p: string) => {
    assertSafeObjectPath(p);
    return `${prefix}${p}`;
  };

  return {
    backend: "s3",
    location: `s3://${bucket}/${prefix}${config.endpoint ? ` at ${config.endpoint}` : ""}`,

    async put(p, body) {
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: keyOf(p), Body: body, ContentType: "application/octet-stream" },
        partSize: 5 * 1024 * 1024,
        queueSize: 1,
        leavePartsOnError: false,
      });
      await upload.done();
    },

    async get(p) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(p) }));
        if (!(out.Body instanceof Readable)) throw new Error(`s3://${bucket}/${keyOf(p)}: no readable body`);
        return out.Body;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async remove(p) {
      // S3 answers 204 for a key that does not exist.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(p) }));
    },

    async *list(): AsyncIterable<StoredObject> {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          if (!o.Key || o.Key.endsWith("/")) continue;
          yield { path: o.Key.slice(prefix.length), size: o.Size ?? 0 };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    async check() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
}
