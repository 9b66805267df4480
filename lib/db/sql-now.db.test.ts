import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { SQL_NOW } from "./sql-now";

describe.each(DB_KINDS)("SQL_NOW (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.close());

  it.each(["UTC", "Asia/Shanghai", "America/New_York"])("is the current instant as Prisma reads it, on a server in %s", async (zone) => {
    const [bare, utc] = await t.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL TIME ZONE '${zone}'`);
      const [row] = await tx.$queryRaw<{ bare: Date; utc: Date }[]>`SELECT now()::timestamp(3) AS "bare", ${SQL_NOW} AS "utc"`;
      return [row!.bare, row!.utc];
    });
    expect(Math.abs(utc.getTime() - Date.now())).toBeLessThan(60_000);
    // What a bare now() would have been: off by the zone's offset (unless the server runs on UTC).
    if (zone !== "UTC") expect(Math.abs(bare.getTime() - Date.now())).toBeGreaterThan(3600_000);
  });
});
