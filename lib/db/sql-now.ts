// The database's clock for raw SQL that reads or writes a TIMESTAMP(3) column. Prisma stores those
// as UTC wall-clock time, while a bare now() turns into the server's own time zone when it becomes
// a timestamp (Asia/Shanghai on many a server here): eight hours off. Say UTC explicitly, and in
// the columns' millisecond precision, so a value written and the clock read with it compare equal.
import { Prisma } from "@/generated/prisma/client";

export const SQL_NOW = Prisma.raw(`(now() AT TIME ZONE 'UTC')::timestamp(3)`);
