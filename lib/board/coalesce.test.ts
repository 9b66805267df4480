import { describe, expect, it } from "vitest";
import { coalesced } from "./coalesce";

/** A piece of work whose runs the test finishes by hand, recording each run's argument. */
function controlled() {
  const runs: { arg: string; finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  const work = (arg: string) =>
    new Promise<string>((resolve, reject) => {
      runs.push({ arg, finish: resolve, fail: reject });
    });
  return { runs, shared: coalesced(work) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("coalesced", () => {
  it("runs the work for a caller when nothing runs, and again for the next caller once it ended", async () => {
    const { runs, shared } = controlled();
    const a = shared("k", "first");
    expect(runs).toHaveLength(1);
    runs[0]?.finish("one");
    expect(await a).toBe("one");
    const b = shared("k", "second");
    expect(runs).toHaveLength(2);
    runs[1]?.finish("two");
    expect(await b).toBe("two");
  });

  it("never answers a caller with a run that started before it asked: latecomers share the next run", async () => {
    const { runs, shared } = controlled();
    const early = shared("k", "early");
    const late1 = shared("k", "late1");
    const late2 = shared("k", "late2");
    expect(runs.map((r) => r.arg)).toEqual(["early"]);
    runs[0]?.finish("before");
    expect(await early).toBe("before");
    await settle();
    expect(runs.map((r) => r.arg)).toEqual(["early", "late1"]);
    runs[1]?.finish("after");
    expect(await Promise.all([late1, late2])).toEqual(["after", "after"]);
  });

  it("keeps different keys apart", async () => {
    const { runs, shared } = controlled();
    const a = shared("county", "a");
    const b = shared("town", "b");
    expect(runs.map((r) => r.arg)).toEqual(["a", "b"]);
    runs[1]?.finish("town view");
    runs[0]?.finish("county view");
    expect([await a, await b]).toEqual(["county view", "town view"]);
  });

  it("passes a failure to the callers of that run only, and runs again for the next", async () => {
    const { runs, shared } = controlled();
    const failing = shared("k", "a");
    const waiting = shared("k", "b");
    runs[0]?.fail(new Error("database gone"));
    await expect(failing).rejects.toThrow("database gone");
    await settle();
    runs[1]?.finish("recovered");
    expect(await waiting).toBe("recovered");
  });
});
