// A page's route parameters, checked before any of them reaches a query: each must look like one of
// our ids, or the page is "not found" (a 404 page, never a database error and a 500).
import "server-only";
import { notFound } from "next/navigation";
import { parseId } from "@/lib/validation/ids";

export async function idParams<T extends Record<string, string>>(params: Promise<T>, ...notIds: (keyof T)[]): Promise<T> {
  const values = await params;
  for (const [name, value] of Object.entries(values)) {
    if (!notIds.includes(name) && !parseId(value)) notFound();
  }
  return values;
}
