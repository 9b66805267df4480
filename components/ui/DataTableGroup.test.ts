// DataTable with grouping, rendered as the server renders it from a URL: the groups, their headers
// and summaries, sorting and filtering inside the groups, and a table without the `grouping` prop
// that ignores ?g= and renders exactly as it did before grouping existed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { DataTable, type DataTableGrouping, type DataTableProps } from "./DataTable";
import { columnHelper } from "./data-table-features";

let search = "";
vi.mock("next/navigation", () => ({
  usePathname: () => "/plans/p1/board",
  useSearchParams: () => new URLSearchParams(search),
}));

interface Campaign {
  id: string;
  number: number;
  name: string;
  dept: string;
  light: string;
}

const CAMPAIGNS: Campaign[] = [
  { id: "c1", number: 1, name: "平安建设", dept: "综治办", light: "RED" },
  { id: "c2", number: 2, name: "环境整治", dept: "环保所", light: "GREEN" },
  { id: "c3", number: 3, name: "矛盾调处", dept: "综治办", light: "AMBER" },
  { id: "c4", number: 4, name: "大气治理", dept: "环保所", light: "RED" },
  { id: "c5", number: 5, name: "招商引资", dept: "招商服务中心", light: "GREEN" },
];

const col = columnHelper<Campaign>();
const COLUMNS = col.columns([
  col.accessor("number", { header: "序号", sortFn: "basic", meta: { label: "序号" } }),
  col.accessor("name", { header: "战役", sortFn: "text", meta: { label: "战役" } }),
  col.accessor("light", {
    id: "status",
    header: "状态",
    filterFn: "equalsString",
    meta: { label: "状态", filter: "select", filterLabel: "按状态筛选", allLabel: "全部状态" },
  }),
  col.accessor("dept", {
    header: "牵头单位",
    sortFn: "text",
    filterFn: "equalsString",
    meta: { label: "牵头单位", filter: "select", filterLabel: "牵头单位", allLabel: "全部" },
  }),
]);

const BY_DEPT: DataTableGrouping<Campaign> = { columns: [{ id: "dept", label: "牵头单位" }] };

type Locale = "zh-CN" | "en";
const root = path.resolve(import.meta.dirname, "../..");
function messages(locale: Locale) {
  const all = JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Record<string, unknown>;
  return { table: all.table, status: all.status };
}

function render(query: string, grouping?: DataTableGrouping<Campaign>, locale: Locale = "zh-CN") {
  search = query;
  const errors: string[] = [];
  const table: DataTableProps<Campaign> = {
    data: CAMPAIGNS,
    columns: COLUMNS,
    getRowId: (c) => c.id,
    caption: "战役",
    searchLabel: "搜索",
    countText: (shown, total) => `共 ${shown} / ${total}`,
    emptyText: "没有符合条件的战役。",
    rowTestId: "row",
    grouping,
  };
  const onError = (e: Error) => {
    errors.push(e.message);
  };
  const config = { locale, messages: messages(locale), timeZone: "Asia/Shanghai", onError } as Omit<ComponentProps<typeof NextIntlClientProvider>, "children">;
  const html = renderToStaticMarkup(
    createElement(NextIntlClientProvider, config as ComponentProps<typeof NextIntlClientProvider>, createElement(DataTable<Campaign>, table)),
  );
  expect(errors).toEqual([]);
  return html;
}

const text = (html: string) =>
  html
    .replace(/<\/td>/g, "|")
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The table's body as [group header, its rows' names] per <tbody>. */
function bodies(html: string) {
  return [...html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].map(([, body = ""]) => ({
    header: text(body.match(/<tr data-testid="group-header"[\s\S]*?<\/tr>/)?.[0] ?? ""),
    rows: [...body.matchAll(/<tr data-testid="row">([\s\S]*?)<\/tr>/g)].map(([, row = ""]) => text(row).split("|")[1]),
  }));
}

describe("DataTable grouped by a column from the URL", () => {
  it("renders a row group per value, in the order the values first occur, each open with its rows", () => {
    const html = render("g=dept", BY_DEPT);
    expect(bodies(html)).toEqual([
      { header: "▾ 综治办 · 2 行", rows: ["平安建设", "矛盾调处"] },
      { header: "▾ 环保所 · 2 行", rows: ["环境整治", "大气治理"] },
      { header: "▾ 招商服务中心 · 1 行", rows: ["招商引资"] },
    ]);
    expect(html.match(/<th scope="rowgroup" colSpan="4"/g)).toHaveLength(3);
    expect(html.match(/aria-expanded="true"/g)).toHaveLength(3);
    expect(html).not.toContain('aria-expanded="false"');
    // The count is of campaigns, not of campaigns and group headers.
    expect(html).toContain("共 5 / 5");
  });

  it("keeps the grouped column, each row still showing its value", () => {
    const first = render("g=dept", BY_DEPT).match(/<tr data-testid="row">[\s\S]*?<\/tr>/)?.[0] ?? "";
    expect(text(first)).toBe("1|平安建设|RED|综治办|");
  });

  it("offers the grouping columns in a labelled select showing the URL's choice", () => {
    const html = render("g=dept", BY_DEPT);
    const select = html.match(/<label for="([^"]+)"[^>]*>分组<\/label><select id="([^"]+)"[\s\S]*?<\/select>/);
    expect(select?.[1]).toBe(select?.[2]);
    expect(text(select?.[0] ?? "")).toBe("分组不分组牵头单位");
    expect(select?.[0]).toContain('<option value="dept" selected="">牵头单位</option>');
    expect(render("", BY_DEPT)).toContain('<option value="" selected="">不分组</option>');
  });

  it("sorts the rows inside each group and keeps the groups in place", () => {
    expect(bodies(render("g=dept&sort=-number", BY_DEPT)).map((b) => b.rows)).toEqual([["矛盾调处", "平安建设"], ["大气治理", "环境整治"], ["招商引资"]]);
  });

  it("filters before grouping: a group holds only matching rows, and a group with none is left out", () => {
    const html = render("g=dept&f.status=RED", BY_DEPT);
    expect(bodies(html)).toEqual([
      { header: "▾ 综治办 · 1 行", rows: ["平安建设"] },
      { header: "▾ 环保所 · 1 行", rows: ["大气治理"] },
    ]);
    expect(html).toContain("共 2 / 5");
    expect(bodies(render("g=dept&q=没有这个", BY_DEPT))).toEqual([{ header: "", rows: [] }]);
  });

  it("says in the header what the caller's summary says about the group's rows", () => {
    const grouping: DataTableGrouping<Campaign> = { ...BY_DEPT, summary: (rows) => rows.map((r) => `${r.number}:${r.light}`).join(" ") };
    expect(bodies(render("g=dept&sort=-number", grouping)).map((b) => b.header)).toEqual([
      "▾ 综治办 · 3:AMBER 1:RED",
      "▾ 环保所 · 4:RED 2:GREEN",
      "▾ 招商服务中心 · 5:GREEN",
    ]);
  });

  it("counts the rows in English with the plural", () => {
    expect(bodies(render("g=dept", BY_DEPT, "en")).map((b) => b.header)).toEqual(["▾ 综治办 · 2 rows", "▾ 环保所 · 2 rows", "▾ 招商服务中心 · 1 row"]);
  });

  it("does not group by a column it does not offer", () => {
    expect(bodies(render("g=status", BY_DEPT))).toEqual([{ header: "", rows: ["平安建设", "环境整治", "矛盾调处", "大气治理", "招商引资"] }]);
  });
});

describe("DataTable without the grouping prop", () => {
  it("ignores ?g= and has no grouping select", () => {
    const html = render("g=dept&sort=-number");
    expect(bodies(html)).toEqual([{ header: "", rows: ["招商引资", "大气治理", "矛盾调处", "环境整治", "平安建设"] }]);
    expect(html).not.toContain("分组");
    expect(html).not.toContain("rowgroup");
    expect(html).toContain("共 5 / 5");
  });
});
