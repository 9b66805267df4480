// One entry point for the formats: the route and the bench call this, never a renderer directly.
import type { MonthlySummary, SummaryFormat } from "../model";
import type { SummaryText } from "../text";
import { renderCsv, renderTaskCsv } from "./csv";
import { renderDocx } from "./docx";
import { renderPdf } from "./pdf";
import { renderXlsx } from "./xlsx";

export async function renderSummary(format: SummaryFormat, summary: MonthlySummary, text: SummaryText): Promise<Buffer> {
  switch (format) {
    case "xlsx":
      return renderXlsx(summary, text);
    case "csv":
      return renderCsv(summary, text);
    case "csv-tasks":
      return renderTaskCsv(summary, text);
    case "pdf":
      return renderPdf(summary, text);
    case "docx":
      return renderDocx(summary, text);
  }
}
