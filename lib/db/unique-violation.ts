// A unique index refused the write (two people creating the same name at the same moment). Prisma
// reports it as P2002 on PostgreSQL; the embedded driver's adapter passes SQLSTATE 23505 through.
import { Prisma } from "@/generated/prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const cause = (error as { cause?: { kind?: string; code?: string } } | null)?.cause;
  return cause?.kind === "UniqueConstraintViolation" || cause?.code === "23505";
}
