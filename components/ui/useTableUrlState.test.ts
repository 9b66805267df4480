import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatGrouping, formatSort, parseGrouping, parseSort, useTableUrlState } from "@/components/ui/useTableUrlState";

const BOARD = "/plans/p1/board";
let search = "";
vi.mock("next/navigation", () => ({
  usePathname: () => BOARD,
  useSearchParams: () => new URLSearchParams(search),
}));

describe("parseSort", () => {
  it.each([
    [
      "-number,name",
      [
        { id: "number", desc: true },
        { id: "name", desc: false },
      ],
    ],
    ["name", [{ id: "name", desc: false }]],
    ["-dueDate", [{ id: "dueDate", desc: true }]],
    [
      "a,,b",
      [
        { id: "a", desc: false },
        { id: "b", desc: false },
      ],
    ],
    ["name,", [{ id: "name", desc: false }]],
  ])("reads %j", (value, expected) => {
    expect(parseSort(value)).toEqual(expected);
  });

  it.each([
    ["", []],
    [null, []],
  ] as const)("reads %j as no sorting", (value, expected) => {
    expect(parseSort(value)).toEqual(expected);
  });
});

describe("formatSort", () => {
  it("writes descending columns with a leading minus, in order", () => {
    expect(
      formatSort([
        { id: "number", desc: true },
        { id: "name", desc: false },
      ]),
    ).toBe("-number,name");
  });

  it("writes no sorting as an empty string", () => {
    expect(formatSort([])).toBe("");
  });
});

describe("parseSort and formatSort", () => {
  it.each(["-number,name", "name", "-a,-b,c", ""])("round-trip %j", (value) => {
    expect(formatSort(parseSort(value))).toBe(value);
  });

  it("round-trip a sorting state", () => {
    const state = [
      { id: "status", desc: false },
      { id: "percentDone", desc: true },
    ];
    expect(parseSort(formatSort(state))).toEqual(state);
  });
});

describe("parseGrouping and formatGrouping", () => {
  it.each([
    ["dept", ["dept"]],
    ["dept,official", ["dept", "official"]],
    ["dept,", ["dept"]],
    ["", []],
    [null, []],
  ] as const)("read %j", (value, expected) => {
    expect(parseGrouping(value)).toEqual(expected);
  });

  it.each([
    [["dept"], "dept"],
    [["dept", "official"], "dept,official"],
    [[], ""],
  ])("write %j as %j", (state, expected) => {
    expect(formatGrouping(state)).toBe(expected);
  });
});

/** The hook as a table on the page at BOARD?query sees it (rendered once, as on the server). */
function urlState(query: string) {
  search = query;
  let state: ReturnType<typeof useTableUrlState> | undefined;
  function Probe() {
    state = useTableUrlState();
    return null;
  }
  renderToStaticMarkup(createElement(Probe));
  if (!state) throw new Error("the probe did not render");
  return state;
}

/** The URL the hook puts in place of BOARD?query when `act` changes the table's state. */
function urlAfter(query: string, act: (state: ReturnType<typeof useTableUrlState>) => void): string {
  const state = urlState(query);
  const replaced: string[] = [];
  vi.stubGlobal("window", {
    location: { search: query ? `?${query}` : "" },
    history: { replaceState: (_data: unknown, _unused: string, url: string) => replaced.push(url) },
  });
  act(state);
  expect(replaced).toHaveLength(1);
  return decodeURIComponent(replaced[0] ?? "");
}

describe("useTableUrlState: grouping in the URL (?g=)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reads the grouping from g", () => {
    expect(urlState("g=dept&f.status=RED").grouping).toEqual(["dept"]);
    expect(urlState("f.status=RED").grouping).toEqual([]);
  });

  it("writes g and keeps the sorting and filters", () => {
    expect(urlAfter("f.status=RED&sort=-number", (s) => s.onGroupingChange(["dept"]))).toBe(`${BOARD}?f.status=RED&sort=-number&g=dept`);
  });

  it("replaces the grouping column", () => {
    expect(urlAfter("g=dept&q=环保", (s) => s.onGroupingChange(["official"]))).toBe(`${BOARD}?g=official&q=环保`);
  });

  it("hands an updater the grouping it read", () => {
    expect(urlAfter("g=dept", (s) => s.onGroupingChange((old) => [...old, "official"]))).toBe(`${BOARD}?g=dept,official`);
  });

  it("drops g when grouping is turned off, and the query with it when nothing else is left", () => {
    expect(urlAfter("g=dept&q=环保", (s) => s.onGroupingChange([]))).toBe(`${BOARD}?q=环保`);
    expect(urlAfter("g=dept", (s) => s.onGroupingChange(() => []))).toBe(BOARD);
  });

  it("keeps g when the filters change or are cleared", () => {
    expect(urlAfter("g=dept&f.status=RED", (s) => s.onColumnFiltersChange([{ id: "official", value: "王" }]))).toBe(`${BOARD}?g=dept&f.official=王`);
    expect(urlAfter("q=x&g=dept&f.status=RED&sort=name&asOf=2018-03", (s) => s.clear())).toBe(`${BOARD}?g=dept&asOf=2018-03`);
  });
});
