// The building blocks of a summary document, shared by the outline (what to say) and the PDF and
// Word renderers (how to draw it).
import type { Light } from "@/lib/status";
import type { SummaryText } from "../text";

export interface OutlineCell {
  /** May hold "\n" where the cell's text must start a new line. */
  text: string;
  /** Set on status cells, so a renderer can colour the light. */
  light?: Light;
}

export interface OutlineColumn {
  header: string;
  /**
   * Share of the table's width, relative to the other columns. Weights are given as points of the
   * A4 portrait text width (495 pt), sized so that headers wrap only at their brackets.
   */
  weight: number;
  align: "left" | "center" | "right";
}

export interface OutlineTable {
  kind: "table";
  columns: OutlineColumn[];
  rows: OutlineCell[][];
}

export type OutlineBlock =
  /** 版头: 期号 on a line of its own, then 发文机关 on the left and the date on the right, over a red rule. */
  | { kind: "header"; issue: string; issuer: string; date: string }
  | { kind: "title"; text: string }
  | { kind: "subtitle"; text: string }
  /** A cover line such as "报告月份：2018年3月". */
  | { kind: "field"; text: string }
  | { kind: "note"; text: string }
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  /** Body text, optionally led by a bold label ("工作进展：…"). */
  | { kind: "paragraph"; text: string; label?: string }
  /** A line that introduces the list after it ("原因："): kept on the page of the list's first line. */
  | { kind: "lead"; text: string }
  /** One line of a list, e.g. a reason for a campaign's light. */
  | { kind: "item"; text: string }
  | OutlineTable;

export function column(header: string, weight: number, align: OutlineColumn["align"] = "left"): OutlineColumn {
  return { header, weight, align };
}

export function lightCell({ t }: SummaryText, light: Light, text = t(`light.${light}`)): OutlineCell {
  return { text, light };
}
