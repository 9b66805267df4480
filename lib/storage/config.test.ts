import path from "node:path";
import { describe, expect, it } from "vitest";
import { storageConfig, StorageConfigError } from "./config";

const base = {
  DATABASE_URL: undefined,
  DUBAN_STORAGE: "disk" as const,
  DUBAN_FILES_DIR: undefined,
  DUBAN_FILES_SHARED: "0" as const,
  DUBAN_S3_BUCKET: undefined,
  DUBAN_S3_ENDPOINT: undefined,
  DUBAN_S3_REGION: "us-east-1",
  DUBAN_S3_FORCE_PATH_STYLE: "0" as const,
  DUBAN_S3_PREFIX: "",
  DUBAN_S3_ACCESS_KEY_ID: undefined,
  DUBAN_S3_SECRET_ACCESS_KEY: undefined,
};
const PG = "postgresql://duban@db:5432/duban";

describe("storageConfig", () => {
  it("keeps files in <data dir>/files by default, or in DUBAN_FILES_DIR, for the embedded database", () => {
    expect(storageConfig(base, "/srv/duban/data")).toEqual({ backend: "disk", dir: "/srv/duban/data/files" });
    expect(storageConfig({ ...base, DUBAN_FILES_DIR: "rel/files" }, "/x")).toEqual({ backend: "disk", dir: path.resolve("rel/files") });
  });

  it("refuses a local folder with PostgreSQL unless it is declared shared, saying what to do", () => {
    const refused = () => storageConfig({ ...base, DATABASE_URL: PG }, "/srv/duban/data");
    expect(refused).toThrow(StorageConfigError);
    expect(refused).toThrow(/local folder \(\/srv\/duban\/data\/files\).*PostgreSQL[\s\S]*DUBAN_STORAGE=s3[\s\S]*DUBAN_FILES_SHARED=1/);
    expect(storageConfig({ ...base, DATABASE_URL: PG, DUBAN_FILES_SHARED: "1", DUBAN_FILES_DIR: "/mnt/nfs/duban" }, "/x")).toEqual({
      backend: "disk",
      dir: "/mnt/nfs/duban",
    });
  });

  it("takes an S3-compatible bucket, with or without keys, on either database", () => {
    const s3 = {
      ...base,
      DATABASE_URL: PG,
      DUBAN_STORAGE: "s3" as const,
      DUBAN_S3_BUCKET: "duban-files",
      DUBAN_S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
      DUBAN_S3_REGION: "oss-cn-hangzhou",
      DUBAN_S3_PREFIX: "shendang/",
    };
    expect(storageConfig(s3, "/x")).toEqual({
      backend: "s3",
      bucket: "duban-files",
      endpoint: "https://oss-cn-hangzhou.aliyuncs.com",
      region: "oss-cn-hangzhou",
      forcePathStyle: false,
      prefix: "shendang/",
      credentials: undefined,
    });
    expect(storageConfig({ ...s3, DUBAN_S3_FORCE_PATH_STYLE: "1", DUBAN_S3_ACCESS_KEY_ID: "AK", DUBAN_S3_SECRET_ACCESS_KEY: "SK" }, "/x")).toMatchObject({
      forcePathStyle: true,
      credentials: { accessKeyId: "AK", secretAccessKey: "SK" },
    });
  });

  it("refuses s3 without a bucket, or with half a key pair", () => {
    expect(() => storageConfig({ ...base, DUBAN_STORAGE: "s3" }, "/x")).toThrow(/needs DUBAN_S3_BUCKET/);
    expect(() => storageConfig({ ...base, DUBAN_STORAGE: "s3", DUBAN_S3_BUCKET: "b", DUBAN_S3_ACCESS_KEY_ID: "AK" }, "/x")).toThrow(
      /both DUBAN_S3_ACCESS_KEY_ID and DUBAN_S3_SECRET_ACCESS_KEY/,
    );
  });
});
