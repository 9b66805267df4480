// POST: an uploaded plan workbook (multipart/form-data, field "file"), checked by content and kept,
// then the import page opened on its dry run (303). A problem sends the page back with ?error=…
// A plain form post: no script needed.
import { cleanFileName } from "@/lib/attachments/rules";
import { db } from "@/lib/db";
import { importTown } from "@/lib/plans/import/context";
import { storeImportFile } from "@/lib/plans/import/files";
import { MAX_IMPORT_BYTES } from "@/lib/plans/import/format";
import { readLimitedForm } from "@/lib/http/limited-form";
import { redirectTo } from "@/lib/http/redirect";
import { userRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around the file. */
const MAX_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

// Paths, not absolute URLs: the user stays on the host they opened (see lib/http/redirect.ts).
const page = (query: URLSearchParams) => redirectTo(`/plans/import?${query.toString()}`);
const problem = (error: string) => page(new URLSearchParams({ error }));

export const POST = userRoute({ writes: true, signedOut: () => redirectTo("/login") }, async ({ request, user }) => {
  if (!(await importTown(db(), user))) return problem("notAllowed");

  const form = await readLimitedForm(request, MAX_REQUEST_BYTES);
  if (form === "tooLarge") return problem("tooLarge");
  if (!form) return problem("cutShort");
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return problem("missing");

  const stored = await storeImportFile(new Uint8Array(await file.arrayBuffer()));
  if (!stored.ok) return problem(stored.problem);
  return page(new URLSearchParams({ file: stored.stored.storageKey, sha: stored.stored.sha256, name: cleanFileName(file.name).slice(0, 200) }));
});
