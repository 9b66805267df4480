// Which storage the environment asks for, decided once. Several instances on one PostgreSQL
// database must share their files: a folder that is not declared shared is refused with
// DATABASE_URL, because evidence uploaded through one instance would be missing on the others.
import path from "node:path";
import type { Env } from "@/lib/env";

export type StorageConfig =
  | { backend: "disk"; dir: string }
  | {
      backend: "s3";
      bucket: string;
      endpoint?: string;
      region: string;
      forcePathStyle: boolean;
      prefix: string;
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

export class StorageConfigError extends Error {
  override name = "StorageConfigError";
}

type StorageEnv = Pick<
  Env,
  | "DATABASE_URL"
  | "DUBAN_STORAGE"
  | "DUBAN_FILES_DIR"
  | "DUBAN_FILES_SHARED"
  | "DUBAN_S3_BUCKET"
  | "DUBAN_S3_ENDPOINT"
  | "DUBAN_S3_REGION"
  | "DUBAN_S3_FORCE_PATH_STYLE"
  | "DUBAN_S3_PREFIX"
  | "DUBAN_S3_ACCESS_KEY_ID"
  | "DUBAN_S3_SECRET_ACCESS_KEY"
>;

export function storageConfig(env: StorageEnv, dataDir: string): StorageConfig {
  if (env.DUBAN_STORAGE === "s3") {
    if (!env.DUBAN_S3_BUCKET) throw new StorageConfigError("DUBAN_STORAGE=s3 needs DUBAN_S3_BUCKET (and DUBAN_S3_ENDPOINT for OSS, COS, OBS or MinIO).");
    if (!env.DUBAN_S3_ACCESS_KEY_ID !== !env.DUBAN_S3_SECRET_ACCESS_KEY) {
      throw new StorageConfigError("Set both DUBAN_S3_ACCESS_KEY_ID and DUBAN_S3_SECRET_ACCESS_KEY, or neither (then the SDK's usual sources are used).");
    }
    return {
      backend: "s3",
      bucket: env.DUBAN_S3_BUCKET,
      endpoint: env.DUBAN_S3_ENDPOINT,
      region: env.DUBAN_S3_REGION,
      forcePathStyle: env.DUBAN_S3_FORCE_PATH_STYLE === "1",
      prefix: env.DUBAN_S3_PREFIX,
      credentials:
        env.DUBAN_S3_ACCESS_KEY_ID && env.DUBAN_S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.DUBAN_S3_ACCESS_KEY_ID, secretAccessKey: env.DUBAN_S3_SECRET_ACCESS_KEY }
          : undefined,
    };
  }
  const dir = path.resolve(/* turbopackIgnore: true */ env.DUBAN_FILES_DIR ?? path.join(dataDir, "files"));
  if (env.DATABASE_URL && env.DUBAN_FILES_SHARED !== "1") {
    throw new StorageConfigError(
      [
        `Stored files are in a local folder (${dir}), but the database is PostgreSQL, which several instances may share:`,
        "a file uploaded through one instance would be missing on the others. Either",
        "  - use an object store every instance reaches: DUBAN_STORAGE=s3 with DUBAN_S3_BUCKET, DUBAN_S3_ENDPOINT and keys (see .env.example), or",
        "  - declare the folder shared: DUBAN_FILES_SHARED=1 when every instance mounts the same DUBAN_FILES_DIR (NFS), or when only one instance runs.",
      ].join("\n"),
    );
  }
  return { backend: "disk", dir };
}
