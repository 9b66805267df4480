// A local S3-compatible server (s3rver, from npm) for the object-store tests: one per test file,
// on a free port, keeping its objects in a temporary folder. Each store made from it has a prefix
// of its own, so every test starts from an empty store.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { StorageConfig } from "@/lib/storage/config";
import type { ObjectStore } from "@/lib/storage/object-store";
import { createS3Store } from "@/lib/storage/s3";

export const TEST_BUCKET = "duban-test";
/** s3rver accepts any signature made with these. */
export const TEST_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface TestObjectServer {
  endpoint: string;
  /** A store on this server, under a prefix no other store has. */
  store(): ObjectStore;
  config(prefix?: string): Extract<StorageConfig, { backend: "s3" }>;
  close(): Promise<void>;
}

export async function startTestObjectServer(options: { port?: number; directory?: string } = {}): Promise<TestObjectServer> {
  const directory = options.directory ?? (await mkdtemp(path.join(os.tmpdir(), "duban-s3-")));
  const server = new S3rver({ address: "127.0.0.1", port: options.port ?? 0, silent: true, directory, configureBuckets: [{ name: TEST_BUCKET }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const config = (prefix = ""): Extract<StorageConfig, { backend: "s3" }> => ({
    backend: "s3",
    bucket: TEST_BUCKET,
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    prefix,
    credentials: TEST_KEYS,
  });
  return {
    endpoint,
    config,
    store: () => createS3Store(config(`t-${randomBytes(6).toString("hex")}/`)),
    async close() {
      // The SDK keeps connections alive; close would wait for them.
      server.httpServer?.closeAllConnections();
      await server.close();
      if (!options.directory) await rm(directory, { recursive: true, force: true });
    },
  };
}
