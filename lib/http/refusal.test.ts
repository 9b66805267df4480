import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/errors";
import { refusalResponse } from "./refusal";

type Refusal = Exclude<ActionResult<unknown>, { ok: true }>;

describe("a refusal as a route handler answers it", () => {
  it.each([
    [
      { ok: false, error: "invalid", fieldErrors: { file: ["validation.fileMissing"] } } as Refusal,
      400,
      { error: "invalid", fieldErrors: { file: ["validation.fileMissing"] } },
    ],
    [{ ok: false, error: "forbidden" } as Refusal, 403, { error: "forbidden" }],
    [{ ok: false, error: "notFound" } as Refusal, 404, { error: "notFound" }],
    [{ ok: false, error: "locked", status: "SUBMITTED" } as Refusal, 409, { error: "locked", status: "SUBMITTED" }],
    [{ ok: false, error: "conflict", current: { version: 2 } } as Refusal, 409, { error: "conflict" }],
  ])("%o → %i", async (result, status, body) => {
    const response = refusalResponse(result);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  });
});
