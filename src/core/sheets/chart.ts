/**
 * The chart of indices with the class bands: a description (agencies sorted as ranked, each with
 * its index and class; the bands from the rules) that the add-in draws as a native Excel chart and
 * the command line as an SVG file.
 */
import { Dec, formatVi, toNumber } from "../base/decimal";
import { blockOf, Scored } from "../findings/explain";
import { Lang } from "../findings/findings";
import { rankedRows } from "../grid/scoring";

export interface ChartBar {
  name: string;
  rank: number;
  index: number;
  indexText: string;
  className: string;
  block: string;
}

export interface ChartBand {
  name: string;
  /** Lowest index of the band, inclusive. */
  from: number;
  /** Highest index of the band (the next band's minimum; 1 for the top band). */
  to: number;
  fromText: string;
  color: string;
}

export interface ChartDescription {
  lang: Lang;
  title: string;
  bars: ChartBar[];
  bands: ChartBand[];
}

/** Band colours, top class first: green, blue, amber, then greys. */
const BAND_COLORS = ["#C6EFCE", "#DDEBF7", "#FFEB9C", "#F2DCDB", "#EDEDED", "#D9D9D9"];
/** Darker twins for the bars of each class. */
export const BAR_COLORS = ["#2E7D32", "#1F5FA8", "#B7791F", "#A33A3A", "#666666", "#444444"];

export const CHART_TITLE: Record<Lang, string> = { vi: "Chỉ số ứng dụng CNTT theo thứ hạng", en: "IT application index by rank" };

export function chartDescription(result: Scored, lang: Lang = "vi"): ChartDescription {
  const { rules } = result;
  const decimals = rules.json.index.decimals;
  const fmt = (d: Dec, places?: number) => (lang === "vi" ? formatVi(d, places) : formatVi(d, places).replace(",", "."));
  const bars = rankedRows(result.rows)
    .filter((r) => r.rank !== null && r.index !== null && r.className !== null)
    .map((r) => ({ name: r.name, rank: r.rank!, index: toNumber(r.index!), indexText: fmt(r.index!, decimals), className: r.className!, block: blockOf(r) }));
  const bands = rules.classes.map((c, i) => ({
    name: c.name,
    from: toNumber(c.min),
    to: i === 0 ? 1 : toNumber(rules.classes[i - 1].min),
    fromText: fmt(c.min, Math.max(2, c.min.s)),
    color: BAND_COLORS[Math.min(i, BAND_COLORS.length - 1)],
  }));
  return { lang, title: CHART_TITLE[lang], bars, bands };
}

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Height of one line of band names above the plot. */
const BAND_LINE = 16;

/** Estimated width in pixels of a bold 13-pixel Arial text (wide enough for Vietnamese capitals and digits). */
const boldWidth = (text: string) => text.length * 8;

/**
 * Each band's name as the chart prints it ("Tốt (≥ 0,85)"; the lowest band from 0 "Trung bình (< 0,70)"),
 * centred over its band but kept inside the picture, on the first line where it overlaps no other name.
 */
export function placeBandLabels(chart: ChartDescription, x: (v: number) => number, width: number): { text: string; center: number; line: number }[] {
  const lineEnds: number[] = [];
  return chart.bands.map((b, i) => {
    const above = chart.bands[i - 1];
    const text = b.from === 0 && above ? `${b.name} (< ${above.fromText})` : `${b.name} (≥ ${b.fromText})`;
    const w = boldWidth(text);
    const center = Math.min(width - 4 - w / 2, Math.max(4 + w / 2, (x(b.from) + x(b.to)) / 2));
    // Bands go from the top class down: each name sits left of the one before it.
    let line = 0;
    while (lineEnds[line] !== undefined && center + w / 2 + 6 > lineEnds[line]) line++;
    lineEnds[line] = center - w / 2;
    return { text, center, line };
  });
}

/**
 * The chart as a standalone SVG: one horizontal bar per agency, top to bottom as ranked, labelled
 * with its rank, name and index; the class bands shaded behind the bars with their names.
 */
export function chartSvg(chart: ChartDescription): string {
  const labelWidth = 430;
  const plotWidth = 520;
  const barHeight = 22;
  const left = labelWidth + 10;
  const width = left + plotWidth + 70;
  const x = (v: number) => left + Math.max(0, Math.min(1, v)) * plotWidth;
  // The bands' names above the plot, on as many lines as narrow bands need so that none overlaps another.
  const bandLabels = placeBandLabels(chart, x, width);
  const lines = Math.max(1, ...bandLabels.map((l) => l.line + 1));
  const top = 78 + (lines - 1) * BAND_LINE;
  const height = top + chart.bars.length * barHeight + 50;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, 'Liberation Sans', sans-serif" font-size="13">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#FFFFFF"/>`);
  out.push(`<text x="${width / 2}" y="26" text-anchor="middle" font-size="17" font-weight="bold">${esc(chart.title)}</text>`);
  const plotTop = top - 8;
  const plotBottom = top + chart.bars.length * barHeight;
  chart.bands.forEach((b, i) => {
    const colour = BAR_COLORS[Math.min(i, BAR_COLORS.length - 1)];
    const label = bandLabels[i];
    out.push(
      `<rect x="${x(b.from).toFixed(1)}" y="${plotTop}" width="${(x(b.to) - x(b.from)).toFixed(1)}" height="${plotBottom - plotTop}" fill="${b.color}"/>`,
    );
    out.push(
      `<text x="${label.center.toFixed(1)}" y="${plotTop - 8 - label.line * BAND_LINE}" text-anchor="middle" font-weight="bold" fill="${colour}">${esc(label.text)}</text>`,
    );
    out.push(`<line x1="${x(b.from).toFixed(1)}" y1="${plotTop}" x2="${x(b.from).toFixed(1)}" y2="${plotBottom}" stroke="#888888" stroke-dasharray="4 3"/>`);
  });
  const classColour = new Map(chart.bands.map((b, i) => [b.name, BAR_COLORS[Math.min(i, BAR_COLORS.length - 1)]]));
  chart.bars.forEach((bar, i) => {
    const y = top + i * barHeight;
    // Names longer than the label column are shortened with "…" (the full name is in the title tooltip).
    const full = `${bar.rank}. ${bar.name}`;
    const label = full.length > 62 ? `${full.slice(0, 61)}…` : full;
    out.push(`<text x="${labelWidth}" y="${y + 15}" text-anchor="end"><title>${esc(full)}</title>${esc(label)}</text>`);
    out.push(
      `<rect x="${left}" y="${y + 3}" width="${(x(bar.index) - left).toFixed(1)}" height="${barHeight - 6}" fill="${classColour.get(bar.className) ?? "#444444"}"/>`,
    );
    out.push(`<text x="${(x(bar.index) + 4).toFixed(1)}" y="${y + 15}">${esc(bar.indexText)}</text>`);
  });
  // Axis with ticks every 0.1.
  out.push(`<line x1="${left}" y1="${plotBottom}" x2="${left + plotWidth}" y2="${plotBottom}" stroke="#000000"/>`);
  for (let t = 0; t <= 10; t++) {
    const v = t / 10;
    const tx = x(v).toFixed(1);
    out.push(`<line x1="${tx}" y1="${plotBottom}" x2="${tx}" y2="${plotBottom + 5}" stroke="#000000"/>`);
    const text = chart.lang === "vi" ? v.toFixed(1).replace(".", ",") : v.toFixed(1);
    out.push(`<text x="${tx}" y="${plotBottom + 20}" text-anchor="middle" font-size="11">${text}</text>`);
  }
  out.push(`</svg>`);
  return out.join("\n");
}
