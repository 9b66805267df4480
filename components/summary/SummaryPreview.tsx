// The first page of a 月报 as the Word and PDF files lay it out (lib/summary/render/docx.ts): an A4
// sheet with the 公文 margins, the 版头, the 2号 title and the 3号 body on its fixed line. Sizes are
// in points of the page turned into container units, so the page scales with its column and what
// does not fit on page 1 is clipped, as the printed page would end there.
import type { CSSProperties } from "react";
import type { Light } from "@/lib/status";
import type { OutlineBlock, OutlineTable } from "@/lib/summary/render/outline-blocks";

/** One point as a share of the page width (A4 is 595.28 pt wide), in container-query units. */
const pt = (points: number) => `${((points / 595.28) * 100).toFixed(3)}cqw`;
const LINE = pt(28.95);
const FONTS = {
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", serif',
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", SimSun, "Noto Serif CJK SC", serif',
  heading1: '"黑体", SimHei, "Noto Sans CJK SC", sans-serif',
  heading2: '"楷体_GB2312", "KaiTi_GB2312", "楷体", KaiTi, STKaiti, serif',
};
const LIGHT_COLOUR: Record<Light, string> = { RED: "#C00000", AMBER: "#8A5300", GREEN: "#1B7A2E", NONE: "#555555" };
const indent: CSSProperties = { textIndent: pt(32) };

function PreviewTable({ table }: { table: OutlineTable }) {
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0);
  const cell: CSSProperties = { border: "1px solid #444", padding: `${pt(2)} ${pt(3)}`, verticalAlign: "middle", lineHeight: 1.25 };
  return (
    <table style={{ width: "100%", tableLayout: "fixed", borderCollapse: "collapse", fontSize: pt(10.5), margin: `${pt(2)} 0` }}>
      <colgroup>
        {table.columns.map((c, i) => (
          <col key={i} style={{ width: `${(c.weight / total) * 100}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={i} scope="col" style={{ ...cell, background: "#EDEDED", textAlign: "center" }}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {table.columns.map((c, i) => {
              const content = row[i] ?? { text: "" };
              return (
                <td key={i} style={{ ...cell, textAlign: c.align, whiteSpace: "pre-line", color: content.light ? LIGHT_COLOUR[content.light] : undefined }}>
                  {content.text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Block({ block, colon }: { block: OutlineBlock; colon: string }) {
  switch (block.kind) {
    case "header":
      return (
        <div style={{ borderBottom: "2px solid #C00000", paddingBottom: pt(4), marginBottom: LINE }}>
          <p style={{ textAlign: "center" }}>{block.issue}</p>
          <p style={{ display: "flex", justifyContent: "space-between", gap: pt(16) }}>
            <span>{block.issuer}</span>
            <span>{block.date}</span>
          </p>
        </div>
      );
    case "title":
      return <p style={{ fontFamily: FONTS.title, fontSize: pt(22), textAlign: "center", marginBottom: LINE }}>{block.text}</p>;
    case "subtitle":
      return <p style={{ fontFamily: FONTS.heading2, textAlign: "center" }}>{block.text}</p>;
    case "heading":
      return (
        <p
          style={{
            ...indent,
            fontFamily: block.level === 1 ? FONTS.heading1 : block.level === 2 ? FONTS.heading2 : FONTS.body,
            fontWeight: block.level === 3 ? 700 : 400,
          }}
        >
          {block.text}
        </p>
      );
    case "paragraph":
      return (
        <p style={indent}>
          {block.label !== undefined && <strong>{`${block.label}${colon}`}</strong>}
          {block.text}
        </p>
      );
    case "note":
      return <p style={{ ...indent, fontSize: pt(14), color: "#555" }}>{block.text}</p>;
    case "field":
    case "lead":
      return <p style={indent}>{block.text}</p>;
    case "item":
      return <p style={{ paddingLeft: pt(32), textIndent: pt(-16) }}>{`• ${block.text}`}</p>;
    case "table":
      return <PreviewTable table={block} />;
  }
}

/** Inside a section that names it ("第一页预览"). */
export function SummaryPreview({ blocks, colon }: { blocks: OutlineBlock[]; colon: string }) {
  return (
    <div style={{ containerType: "inline-size" }} className="w-full">
      <div
        data-testid="summary-preview-page"
        className="overflow-hidden bg-white text-black shadow-md ring-1 ring-slate-300"
        style={{ aspectRatio: "210 / 297", padding: `${pt(104.9)} ${pt(73.7)} ${pt(99.2)} ${pt(79.4)}` }}
      >
        <div style={{ height: "100%", overflow: "hidden", fontFamily: FONTS.body, fontSize: pt(16), lineHeight: LINE, textAlign: "justify" }}>
          {blocks.map((block, i) => (
            <Block key={i} block={block} colon={colon} />
          ))}
        </div>
      </div>
    </div>
  );
}
