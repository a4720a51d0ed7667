/** Small inline SVG charts for the HTML report: no scripts, no external assets. */
import { escapeUTF8 } from "entities";

export interface ChartPoint {
  label: string;
  value: number | null;
}

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 40, left: 44 };

/** A line chart of percentages (0-100) with an optional dashed floor line. */
export function renderPercentLineChart(points: readonly ChartPoint[], options: { title: string; floor?: number }): string {
  const { x, y, plotWidth } = scales(points.length, 0, 100);
  const parts: string[] = [axes(points, x, y, [0, 25, 50, 75, 100], (v) => `${v}%`)];
  if (options.floor !== undefined) {
    parts.push(`<line x1="${PAD.left}" x2="${PAD.left + plotWidth}" y1="${y(options.floor)}" y2="${y(options.floor)}" class="floor"><title>floor ${options.floor}%</title></line>`);
  }
  const segments: string[][] = [[]];
  points.forEach((p, i) => {
    if (p.value === null) segments.push([]);
    else segments.at(-1)!.push(`${x(i)},${y(p.value)}`);
  });
  for (const segment of segments) if (segment.length > 1) parts.push(`<polyline points="${segment.join(" ")}" class="line"/>`);
  points.forEach((p, i) => {
    if (p.value !== null) parts.push(`<circle cx="${x(i)}" cy="${y(p.value)}" r="3" class="dot"><title>${escapeXml(p.label)}: ${p.value}%</title></circle>`);
  });
  return svg(options.title, parts);
}

/** Bars for one series (e.g. cards added) and a line for another (e.g. cards in total). */
export function renderBarLineChart(bars: readonly ChartPoint[], line: readonly ChartPoint[], options: { title: string; barLabel: string; lineLabel: string }): string {
  const max = niceMax(Math.max(1, ...bars.map((b) => b.value ?? 0), ...line.map((p) => p.value ?? 0)));
  const { x, y, step } = scales(bars.length, 0, max);
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max].map((t) => Math.round(t));
  const parts: string[] = [axes(bars, x, y, ticks, String)];
  const barWidth = Math.max(4, step * 0.5);
  bars.forEach((b, i) => {
    const value = b.value ?? 0;
    parts.push(
      `<rect x="${round(x(i) - barWidth / 2)}" y="${y(value)}" width="${round(barWidth)}" height="${round(y(0) - y(value))}" class="bar"><title>${escapeXml(b.label)}: ${value} ${escapeXml(options.barLabel)}</title></rect>`,
    );
  });
  const points = line.map((p, i) => (p.value === null ? undefined : `${x(i)},${y(p.value)}`)).filter(Boolean);
  if (points.length > 1) parts.push(`<polyline points="${points.join(" ")}" class="line"/>`);
  line.forEach((p, i) => {
    if (p.value !== null) parts.push(`<circle cx="${x(i)}" cy="${y(p.value)}" r="3" class="dot"><title>${escapeXml(p.label)}: ${p.value} ${escapeXml(options.lineLabel)}</title></circle>`);
  });
  parts.push(
    `<g class="legend"><rect x="${PAD.left}" y="${HEIGHT - 12}" width="10" height="10" class="bar"/><text x="${PAD.left + 14}" y="${HEIGHT - 3}">${escapeXml(options.barLabel)}</text>` +
      `<line x1="${PAD.left + 150}" x2="${PAD.left + 170}" y1="${HEIGHT - 7}" y2="${HEIGHT - 7}" class="line"/><text x="${PAD.left + 176}" y="${HEIGHT - 3}">${escapeXml(options.lineLabel)}</text></g>`,
  );
  return svg(options.title, parts);
}

function scales(count: number, min: number, max: number) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = plotWidth / Math.max(1, count);
  return {
    plotWidth,
    step,
    x: (i: number) => round(PAD.left + step * (i + 0.5)),
    y: (v: number) => round(PAD.top + plotHeight - ((v - min) / (max - min || 1)) * plotHeight),
  };
}

function axes(points: readonly ChartPoint[], x: (i: number) => number, y: (v: number) => number, ticks: readonly number[], format: (v: number) => string): string {
  const out: string[] = [];
  for (const tick of ticks) {
    out.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" class="grid"/>`);
    out.push(`<text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end">${escapeXml(format(tick))}</text>`);
  }
  points.forEach((p, i) => out.push(`<text x="${x(i)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${escapeXml(axisLabel(p.label))}</text>`));
  return `<g class="axes">${out.join("")}</g>`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-11` -> `Nov 26`; other labels as they are. */
function axisLabel(label: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})$/.exec(label);
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : label;
}

function svg(title: string, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${parts.join("")}</svg>`;
}

function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 4, 5, 10]) if (factor * magnitude >= value) return factor * magnitude;
  return 10 * magnitude;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Text for SVG/HTML markup: &, <, >, " and ' escaped (entities, the library the HTML tools use). */
export const escapeXml = escapeUTF8;
