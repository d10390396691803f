/**
 * Static charts rendered to SVG strings at build time (pure functions, no DOM, deterministic).
 * d3-scale / d3-time do the maths; the markup is written here, with every text escaped.
 */
import { max as d3max } from 'd3-array';
import { scaleBand, scaleLinear, scaleQuantize, scaleUtc } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear } from 'd3-time';
import { fatalities } from '../ingest/figures/fatalities.ts';
import type { Chronology, SiteData } from './data.ts';
import type { Locale } from './i18n.ts';

/** What the overview's charts of one chronology are given (TimelineChart, CasualtyChart). */
export interface ChronologyChartProps {
  chronology: Chronology;
  data: SiteData;
  locale: Locale;
  id: string;
  title: string;
}

export type BinUnit = 'day' | 'week' | 'month';

export interface TimelineBin {
  /** first day of the bin (ISO) */
  start: string;
  /** last day of the bin (ISO, inclusive) */
  end: string;
  count: number;
  /** first day in the bin that has events (for linking) */
  firstDay?: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** Pick a bin size that keeps the bar count readable: days up to ~3 months, weeks up to ~3 years. */
export function chooseUnit(start: string, end: string): BinUnit {
  const span = utcDay.count(utc(start), utc(end)) + 1;
  if (span <= 92) return 'day';
  if (span <= 3 * 366) return 'week';
  return 'month';
}

const INTERVAL = { day: utcDay, week: utcMonday, month: utcMonth } as const;

/** A gap longer than this (a season) separates an isolated line from the narrative. */
export const NARRATIVE_GAP_DAYS = 90;

/**
 * The stretch of days a chronology's chart spans: from its first to its last day with events,
 * less the background lines at its start (a lead or "Background" section recalling earlier
 * events): a leading cluster of days, separated from the next by more than NARRATIVE_GAP_DAYS,
 * that holds at most 2 events or 2 % of them. `before` counts the events left out.
 */
export function narrativeWindow(dayCounts: Map<string, number>, gapDays = NARRATIVE_GAP_DAYS): { start: string; end: string; before: number } | undefined {
  const days = [...dayCounts.keys()].filter((d) => (dayCounts.get(d) ?? 0) > 0).sort();
  if (days.length === 0) return undefined;
  const total = days.reduce((n, d) => n + dayCounts.get(d)!, 0);
  const small = Math.max(2, total * 0.02);
  let from = 0;
  let before = 0;
  for (;;) {
    // the leading cluster: days from `from` up to the first gap longer than gapDays
    let i = from;
    let n = dayCounts.get(days[i])!;
    while (i + 1 < days.length && utcDay.count(utc(days[i]), utc(days[i + 1])) <= gapDays) n += dayCounts.get(days[++i])!;
    if (i + 1 >= days.length || n > small) break;
    before += n;
    from = i + 1;
  }
  return { start: days[from], end: days[days.length - 1], before };
}

/** Count events per bin over [start, end]; empty bins included so the time axis is honest. */
export function timelineBins(dayCounts: Map<string, number>, start: string, end: string, unit = chooseUnit(start, end)): TimelineBin[] {
  const interval = INTERVAL[unit];
  const first = interval.floor(utc(start));
  const stop = interval.offset(interval.floor(utc(end)), 1);
  const bins: TimelineBin[] = interval.range(first, stop).map((d) => ({
    start: iso(d),
    end: iso(utcDay.offset(interval.offset(d, 1), -1)),
    count: 0,
  }));
  // Days are visited in ascending order so each bin's firstDay is its earliest day with events.
  const days = [...dayCounts.keys()].sort();
  let b = 0;
  for (const day of days) {
    if (day < bins[0]?.start || day > bins[bins.length - 1]?.end) continue;
    while (b < bins.length && bins[b].end < day) b++;
    const bin = bins[b];
    if (!bin) break;
    bin.count += dayCounts.get(day) ?? 0;
    bin.firstDay ??= day;
  }
  return bins;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export interface TimelineOptions {
  unit: BinUnit;
  /** the chart's accessible name */
  label: string;
  /** id prefix, unique on the page */
  id: string;
  locale: 'en' | 'zh';
  /** text for one bar, e.g. "Week of 6 Jan 2014: 12 events" */
  barLabel: (bin: TimelineBin) => string;
  /** href of a bar (bins with no events are not links) */
  barHref: (bin: TimelineBin) => string | undefined;
  width?: number;
  height?: number;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function tickLabel(d: Date, locale: 'en' | 'zh', showYear: boolean): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  if (day !== 1) return locale === 'zh' ? `${m + 1}月${day}日` : `${day} ${MONTHS_EN[m]}`;
  if (m === 0 || showYear) return locale === 'zh' ? (m === 0 ? `${y}年` : `${y}年${m + 1}月`) : m === 0 ? String(y) : `${MONTHS_EN[m]} ${y}`;
  return locale === 'zh' ? `${m + 1}月` : MONTHS_EN[m];
}

/** A bar chart of events over time, as an SVG string. Bars are links; axes are labelled. */
export function renderTimeline(bins: TimelineBin[], opts: TimelineOptions): string {
  // Drawn at 960 × 240 and shown between 760 and 960 px wide (global.css), so that its 14-unit
  // labels are never smaller than 11 px; narrower screens scroll it sideways.
  const width = opts.width ?? 960;
  const height = opts.height ?? 240;
  const m = { top: 12, right: 18, bottom: 32, left: 42 };
  if (bins.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(opts.label)}"></svg>`;
  }
  const interval = INTERVAL[opts.unit];
  const domainStart = utc(bins[0].start);
  const domainEnd = interval.offset(utc(bins[bins.length - 1].start), 1);
  const x = scaleUtc().domain([domainStart, domainEnd]).range([m.left, width - m.right]);
  const peak = d3max(bins, (b) => b.count) ?? 0;
  const y = scaleLinear().domain([0, Math.max(peak, 1)]).nice(4).range([height - m.bottom, m.top]);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escapeXml(opts.label)}">`,
  );

  // y grid + labels
  const yTicks = y.ticks(4).filter((v) => Number.isInteger(v));
  parts.push('<g class="axis axis-y" aria-hidden="true">');
  for (const v of yTicks) {
    const yy = r1(y(v));
    parts.push(`<line class="grid" x1="${m.left}" x2="${width - m.right}" y1="${yy}" y2="${yy}"/>`);
    parts.push(`<text x="${m.left - 8}" y="${yy}" dy="0.32em" text-anchor="end">${v}</text>`);
  }
  parts.push('</g>');

  // bars
  parts.push('<g class="bars">');
  const gap = bins.length > 120 ? 0 : bins.length > 40 ? 0.5 : 1.5;
  for (const bin of bins) {
    if (bin.count === 0) continue;
    const x0 = x(utc(bin.start));
    const x1 = x(interval.offset(utc(bin.start), 1));
    const w = Math.max(1, x1 - x0 - gap);
    const top = y(bin.count);
    const rect = `<rect x="${r1(x0 + gap / 2)}" y="${r1(top)}" width="${r1(w)}" height="${r1(y(0) - top)}"/>`;
    const label = escapeXml(opts.barLabel(bin));
    const link = opts.barHref(bin);
    parts.push(link ? `<a href="${escapeXml(link)}" aria-label="${label}"><title>${label}</title>${rect}</a>` : `<g><title>${label}</title>${rect}</g>`);
  }
  parts.push('</g>');

  // x axis
  const spanYears = domainEnd.getUTCFullYear() - domainStart.getUTCFullYear();
  const tickInterval =
    spanYears >= 3 ? utcYear : spanYears >= 1 || opts.unit !== 'day' ? utcMonth.every(spanYears >= 1 ? 3 : 1)! : utcMonday.every(1)!;
  let ticks = tickInterval.range(domainStart, domainEnd);
  if (opts.unit === 'day' && ticks.length > 8) ticks = ticks.filter((_, i) => i % Math.ceil(ticks.length / 8) === 0);
  const base = r1(y(0));
  parts.push(`<g class="axis axis-x" aria-hidden="true"><line class="domain" x1="${m.left}" x2="${width - m.right}" y1="${base}" y2="${base}"/>`);
  ticks.forEach((tk, i) => {
    const xx = r1(x(tk));
    const anchor = xx < m.left + 20 ? 'start' : xx > width - m.right - 20 ? 'end' : 'middle';
    parts.push(`<line class="tick" x1="${xx}" x2="${xx}" y1="${base}" y2="${base + 4}"/>`);
    parts.push(`<text x="${xx}" y="${base + 20}" text-anchor="${anchor}">${escapeXml(tickLabel(tk, opts.locale, i === 0))}</text>`);
  });
  parts.push('</g></svg>');
  return parts.join('');
}

/** Shade level 0–4 for a count, quantized over [1, max] (0 = no events). */
export function shadeLevels(maxCount: number): (count: number) => number {
  const q = scaleQuantize<number>().domain([1, Math.max(maxCount, 2)]).range([1, 2, 3, 4]);
  return (count) => (count <= 0 ? 0 : q(count));
}

/** Reported dead of one source in one month (see src/ingest/figures/fatalities.ts). */
export interface CasualtyPoint {
  month: string;
  source: string;
  low: number;
  high: number;
  /** events that stated them */
  events: number;
}

/**
 * Reported killed per month and source, from the events dated to one day or to one month. Spans
 * of days and longer are left out: they are totals of what the days report.
 */
export function casualtyPoints(events: { date: { start: string; end: string; precision: string }; source: { id: string }; figures: Parameters<typeof fatalities>[0] }[]): CasualtyPoint[] {
  const byKey = new Map<string, CasualtyPoint>();
  for (const e of events) {
    const month = e.date.start.slice(0, 7);
    // one day, or one month: a span of days is a total of the days' own reports
    if (e.date.end.slice(0, 7) !== month || (e.date.precision === 'day' && e.date.end !== e.date.start) || e.date.precision === 'season') continue;
    const dead = fatalities(e.figures);
    if (!dead) continue;
    const key = `${month} ${e.source.id}`;
    const p = byKey.get(key) ?? { month, source: e.source.id, low: 0, high: 0, events: 0 };
    p.low += dead.low;
    p.high += dead.high;
    p.events++;
    byKey.set(key, p);
  }
  return [...byKey.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

export interface CasualtyChartOptions {
  /** every month on the axis (ascending), from the chronology's first to its last */
  months: string[];
  /** the series, in legend order */
  sources: string[];
  label: string;
  locale: 'en' | 'zh';
  barLabel: (p: CasualtyPoint) => string;
  barHref: (month: string) => string | undefined;
  width?: number;
  height?: number;
}

/**
 * Reported killed per month as grouped bars, one per source: the solid bar is the smallest
 * number the words allow, the pale bar above it runs to the largest. Static SVG, classes for
 * colours (series-1…5), every bar a link with its own label.
 */
export function renderCasualtyChart(points: CasualtyPoint[], opts: CasualtyChartOptions): string {
  const width = opts.width ?? 720;
  const height = opts.height ?? 200;
  const m = { top: 10, right: 14, bottom: 26, left: 44 };
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="timeline casualties" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escapeXml(opts.label)}">`;
  if (!points.length || !opts.months.length) return `${open}</svg>`;
  const x = scaleBand<string>().domain(opts.months).range([m.left, width - m.right]).paddingInner(opts.months.length > 40 ? 0.1 : 0.25);
  const inner = scaleBand<string>().domain(opts.sources).range([0, x.bandwidth()]).paddingInner(opts.sources.length > 1 ? 0.1 : 0);
  const peak = d3max(points, (p) => p.high) ?? 0;
  const y = scaleLinear().domain([0, Math.max(peak, 1)]).nice(4).range([height - m.bottom, m.top]);
  const parts: string[] = [open];
  parts.push('<g class="axis axis-y" aria-hidden="true">');
  for (const v of y.ticks(4).filter((t) => Number.isInteger(t))) {
    const yy = r1(y(v));
    parts.push(`<line class="grid" x1="${m.left}" x2="${width - m.right}" y1="${yy}" y2="${yy}"/>`);
    parts.push(`<text x="${m.left - 6}" y="${yy}" dy="0.32em" text-anchor="end">${v}</text>`);
  }
  parts.push('</g><g class="bars">');
  for (const p of points) {
    const k = opts.sources.indexOf(p.source);
    if (k < 0) continue;
    const x0 = (x(p.month) ?? 0) + (inner(p.source) ?? 0);
    const w = Math.max(1, inner.bandwidth());
    const base = y(0);
    const low = y(p.low);
    const high = y(p.high);
    const series = `series-${(k % 5) + 1}`;
    const label = escapeXml(opts.barLabel(p));
    const rects =
      `<rect class="${series}" x="${r1(x0)}" y="${r1(low)}" width="${r1(w)}" height="${r1(Math.max(base - low, p.low > 0 ? 1 : 0))}"/>` +
      (p.high > p.low ? `<rect class="${series} range" x="${r1(x0)}" y="${r1(high)}" width="${r1(w)}" height="${r1(low - high)}"/>` : '');
    const link = opts.barHref(p.month);
    parts.push(link ? `<a href="${escapeXml(link)}" aria-label="${label}"><title>${label}</title>${rects}</a>` : `<g><title>${label}</title>${rects}</g>`);
  }
  parts.push('</g>');
  const base = r1(y(0));
  const years = opts.months.length > 18;
  parts.push(`<g class="axis axis-x" aria-hidden="true"><line class="domain" x1="${m.left}" x2="${width - m.right}" y1="${base}" y2="${base}"/>`);
  opts.months.forEach((month, i) => {
    const monthNo = Number(month.slice(5, 7));
    if (years ? monthNo !== 1 && i !== 0 : opts.months.length > 8 && i % Math.ceil(opts.months.length / 8) !== 0) return;
    const xx = r1((x(month) ?? 0) + x.bandwidth() / 2);
    const d = utc(`${month}-01`);
    parts.push(`<line class="tick" x1="${xx}" x2="${xx}" y1="${base}" y2="${base + 4}"/>`);
    parts.push(`<text x="${xx}" y="${base + 16}" text-anchor="${i === 0 ? 'start' : 'middle'}">${escapeXml(tickLabel(d, opts.locale, i === 0))}</text>`);
  });
  parts.push('</g></svg>');
  return parts.join('');
}
