// The one set-up of a database test: a database of its own for the test file, copied from the
// run's template (templates.ts) and installed as the app's database, so that the queries and
// mutations under test use it.
//
//   describe.each(DB_KINDS)("task administration (%s)", (kind) => {
//     const t = useTestDatabase(kind, "demo");   // t.prisma, t.demo.planId inside the tests
//
// Every database test runs on PostgreSQL, the production engine. Those whose behaviour depends
// on the engine also run on the embedded PGlite: they use BOTH_DB_KINDS, and docs/testing.md lists
// each with the reason (lib/testing/conventions.test.ts keeps that list and the code in step).
import { afterAll, beforeAll } from "vitest";
import { installDatabase, openDatabase, type Holder } from "@/lib/db";
import { createTestDatabase, dropTestDatabase } from "./postgres";
import { DEMO_TEST_PASSWORD, embeddedTemplate, postgresTemplate, type Contents } from "./templates";

export type DbKind = "embedded" | "postgres";
/** Where database tests run. */
export const DB_KINDS = ["postgres"] as const satisfies readonly DbKind[];
/** For tests of what the engines may do differently (see docs/testing.md): both of them. */
export const BOTH_DB_KINDS = ["embedded", "postgres"] as const satisfies readonly DbKind[];

export type { Contents };
export { DEMO_TEST_PASSWORD };

/** The demo plan in a copy: its id, and the demo users' password. */
export interface DemoFacts {
  planId: string;
  password: string;
}

export interface TestDatabase extends Holder {
  kind: DbKind;
  /** Only for a database copied with the demo plan. */
  demo: DemoFacts;
  close(): Promise<void>;
}

/** A fresh database of `kind` holding `contents`, dropped by close(); not the app's (a restore target, say). */
export async function freshDatabase(kind: DbKind, contents: Contents = "empty"): Promise<TestDatabase> {
  const created = kind === "postgres" ? await createTestDatabase("duban_test", await postgresTemplate(contents)) : null;
  const holder = openDatabase(
    created ? { kind: "postgres", url: created.url } : { kind: "embedded", dir: "memory", loadDataDir: await embeddedTemplate(contents) },
  );
  const plan = contents === "demo" ? await holder.prisma.plan.findFirstOrThrow({ select: { id: true } }) : null;
  return {
    ...holder,
    kind,
    demo: { planId: plan?.id ?? "", password: DEMO_TEST_PASSWORD },
    async close() {
      await holder.prisma.$disconnect();
      await holder.connection.raw.close();
      if (created) await dropTestDatabase(created.name);
    },
  };
}

/** A fresh database of `kind` holding `contents`, installed as the app's database until close(). */
export async function openTestDatabase(kind: DbKind, contents: Contents = "empty"): Promise<TestDatabase> {
  const t = await freshDatabase(kind, contents);
  installDatabase(t);
  return {
    ...t,
    async close() {
      installDatabase(undefined);
      await t.close();
    },
  };
}

/**
 * The usual form: a database for the tests of the enclosing describe, opened before the first and
 * closed after the last. Its fields are there once the tests run (not while they are declared).
 */
export function useTestDatabase(kind: DbKind, contents: Contents = "empty"): TestDatabase {
  const t = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(t, await openTestDatabase(kind, contents));
  });
  afterAll(() => t.close?.());
  return t;
}
