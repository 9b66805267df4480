import { lightShape } from "./lights";

/**
 * A status light: a shape in its colour plus its word (● 绿灯 ▲ 黄灯 ■ 红灯 ○ 暂无数据), so it never
 * depends on colour alone and survives black-and-white printing. Without a visible label the word
 * is still there for screen readers (`word`).
 */
export function StatusLight({ light, label, word, size = 12 }: { light: string; label: string; word?: string; size?: number }) {
  return (
    <span className="inline-flex items-center gap-1.5 font-medium whitespace-nowrap" data-light={light}>
      <LightShape light={light} size={size} />
      {label}
      {!label && word && <span className="sr-only">{word}</span>}
    </span>
  );
}

export function LightShape({ light, size = 12 }: { light: string; size?: number }) {
  const { shape, colour } = lightShape(light);
  return (
    <svg aria-hidden="true" width={size} height={size} viewBox="0 0 12 12" className="shrink-0 print:[print-color-adjust:exact]" data-shape={shape}>
      {shape === "circle" && <circle cx="6" cy="6" r="5.5" fill={colour} />}
      {shape === "triangle" && <path d="M6 0.5 11.6 11.2H0.4Z" fill={colour} />}
      {shape === "square" && <rect x="0.75" y="0.75" width="10.5" height="10.5" fill={colour} />}
      {shape === "ring" && <circle cx="6" cy="6" r="4.75" fill="none" stroke={colour} strokeWidth="1.5" />}
    </svg>
  );
}
