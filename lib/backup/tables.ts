// The app's tables as the database's catalogue describes them: which tables there are, the order
// that makes a table's rows deterministic (primary key, text compared bytewise so that both
// databases agree whatever their collation), the order in which foreign keys allow inserting, and
// the sequences behind autoincrement ids. Nothing here names a table: a new migration is covered.

/** Runs one SQL statement and returns its rows (a Prisma transaction's $queryRawUnsafe fits). */
export type Query = <T>(sql: string, ...params: unknown[]) => Promise<T[]>;

/** Prisma's own bookkeeping: restore writes it by applying migrations, never from a backup. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function appTables(q: Query): Promise<string[]> {
  const rows = await q<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1
     ORDER BY c.relname COLLATE "C"`,
    MIGRATIONS_TABLE,
  );
  return rows.map((r) => r.name);
}

/** ORDER BY terms per table: the primary key's columns, or the whole row for a table without one. */
export async function sortKeys(q: Query): Promise<Map<string, string[]>> {
  const rows = await q<{ table: string; column: string; collatable: boolean }>(
    `SELECT c.relname AS "table", a.attname AS "column", a.attcollation <> 0 AS collatable
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
     CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE n.nspname = current_schema() ORDER BY c.relname, k.ord`,
  );
  const keys = new Map<string, string[]>();
  for (const r of rows) {
    const term = `t.${ident(r.column)}${r.collatable ? ` COLLATE "C"` : ""}`;
    keys.set(r.table, [...(keys.get(r.table) ?? []), term]);
  }
  return keys;
}

/** The table's rows as JSON text, made by the database: numbers keep every digit (Decimal, BigInt). */
export function tableJsonSql(table: string, keys: string[] | undefined): string {
  const order = keys?.length ? keys.join(", ") : `t::text COLLATE "C"`;
  return `SELECT count(*)::int AS rows, coalesce(json_agg(t ORDER BY ${order}), '[]')::text AS json FROM ${ident(table)} t`;
}

export interface TableJson {
  rows: number;
  json: string;
}

export async function tableJson(q: Query, table: string, keys: Map<string, string[]>): Promise<TableJson> {
  const [row] = await q<TableJson>(tableJsonSql(table, keys.get(table)));
  if (!row) throw new Error(`No result reading table ${table}`);
  return row;
}

export async function foreignKeys(q: Query): Promise<{ child: string; parent: string }[]> {
  return q<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
}

/** Parents before children (a self-reference is fine: one INSERT checks its keys at the end). */
export function insertOrder(tables: string[], fks: { child: string; parent: string }[]): string[] {
  const waitingOn = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of fks) {
    if (child !== parent && waitingOn.has(parent)) waitingOn.get(child)?.add(parent);
  }
  const order: string[] = [];
  while (waitingOn.size) {
    const ready = [...waitingOn]
      .filter(([, parents]) => parents.size === 0)
      .map(([t]) => t)
      .sort();
    if (!ready.length) throw new Error(`Foreign keys form a cycle between ${[...waitingOn.keys()].join(", ")}`);
    for (const t of ready) {
      order.push(t);
      waitingOn.delete(t);
      for (const parents of waitingOn.values()) parents.delete(t);
    }
  }
  return order;
}

/** Sequences that fill a column (serial or identity), e.g. AuditRecord.id. */
export async function sequences(q: Query): Promise<{ table: string; column: string; sequence: string }[]> {
  return q<{ table: string; column: string; sequence: string }>(
    `SELECT * FROM (
       SELECT c.relname AS "table", a.attname AS "column",
              pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
     ) s WHERE sequence IS NOT NULL ORDER BY "table", "column"`,
  );
}

/** Columns holding a stored file's key (Attachment, SummaryArchive): the files a backup must carry. */
export async function storageKeyColumns(q: Query): Promise<{ table: string; column: string }[]> {
  return q<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attname = 'storageKey'`,
  );
}

export async function hasMigrationsTable(q: Query): Promise<boolean> {
  const [row] = await q<{ present: boolean }>(`SELECT to_regclass(format('%I.%I', current_schema(), $1::text)) IS NOT NULL AS present`, MIGRATIONS_TABLE);
  return row?.present === true;
}

/** The migrations applied (finished, not rolled back), in the order the app applies them. */
export async function appliedMigrations(q: Query): Promise<string[]> {
  if (!(await hasMigrationsTable(q))) return [];
  const rows = await q<{ name: string }>(
    `SELECT migration_name AS name FROM ${ident(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
  );
  return rows.map((r) => r.name);
}
