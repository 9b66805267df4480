// A write's refusal (ActionResult) as a route handler answers it, by the one refusal rule
// (docs/architecture.md, "Permissions"): 400 with the field errors, 403, 404, 409 locked or conflict.
import type { ActionResult } from "@/lib/errors";

export function refusalResponse(result: Exclude<ActionResult<unknown>, { ok: true }>): Response {
  switch (result.error) {
    case "invalid":
      return Response.json({ error: "invalid", fieldErrors: result.fieldErrors }, { status: 400 });
    case "forbidden":
      return Response.json({ error: "forbidden" }, { status: 403 });
    case "locked":
      return Response.json({ error: "locked", status: result.status }, { status: 409 });
    case "conflict":
      return Response.json({ error: "conflict" }, { status: 409 });
    default:
      return Response.json({ error: "notFound" }, { status: 404 });
  }
}
