/**
 * Dates in reader form, in the UI languages ("4 January 2014", "2014年1月4日"). No strings file:
 * shared by the pages (through i18n.ts) and the search page's client, which must stay small.
 */
export type DateLocale = 'en' | 'zh';

const MONTH_NAMES_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** "4 January 2014" / "2014年1月4日" */
export function formatDay(day: string, locale: DateLocale): string {
  const [y, m, d] = parts(day);
  if (locale === 'zh') return `${y}年${m}月${d}日`;
  return `${d} ${MONTH_NAMES_EN[m - 1]} ${y}`;
}

/** "4 Jan 2014" / "2014年1月4日" — compact form for lists and tables. */
export function formatDayShort(day: string, locale: DateLocale): string {
  const [y, m, d] = parts(day);
  if (locale === 'zh') return `${y}年${m}月${d}日`;
  return `${d} ${MONTH_NAMES_EN[m - 1].slice(0, 3)} ${y}`;
}

/** "January 2014" / "2014年1月" */
export function formatMonth(month: string, locale: DateLocale): string {
  const [y, m] = parts(month);
  if (locale === 'zh') return `${y}年${m}月`;
  return `${MONTH_NAMES_EN[m - 1]} ${y}`;
}

/** "January" / "1月" */
export function formatMonthName(month: string, locale: DateLocale): string {
  const m = Number(month.split('-')[1]);
  return locale === 'zh' ? `${m}月` : MONTH_NAMES_EN[m - 1];
}

export function formatYear(year: string, locale: DateLocale): string {
  return locale === 'zh' ? `${year}年` : year;
}

/** A date span: "4 January 2014" or two full dates ("20 July 2012 – 21 July 2012" style kept simple). */
export function formatSpan(start: string, end: string, locale: DateLocale): string {
  if (start === end) return formatDay(start, locale);
  return `${formatDay(start, locale)} – ${formatDay(end, locale)}`;
}

/**
 * An event's dates as a reader writes them, by precision: "10–12 January 2014",
 * "30 January – 2 February 2014", "June – August 2014", "2011 – 2012"; in Chinese
 * "2014年1月10日至12日", "2014年6月至8月".
 */
export function formatEventDate(date: { start: string; end: string; precision: string }, locale: DateLocale): string {
  const { start, end, precision } = date;
  const [y0, m0, d0] = parts(start);
  const [y1, m1, d1] = parts(end);
  const zh = locale === 'zh';
  if (precision === 'year') {
    return y0 === y1 ? formatYear(String(y0), locale) : zh ? `${y0}年至${y1}年` : `${y0} – ${y1}`;
  }
  if (precision !== 'day') {
    if (y0 === y1 && m0 === m1) return formatMonth(start, locale);
    if (y0 === y1) return zh ? `${y0}年${m0}月至${m1}月` : `${MONTH_NAMES_EN[m0 - 1]} – ${MONTH_NAMES_EN[m1 - 1]} ${y0}`;
    return zh ? `${formatMonth(start, locale)}至${formatMonth(end, locale)}` : `${formatMonth(start, locale)} – ${formatMonth(end, locale)}`;
  }
  if (start === end) return formatDay(start, locale);
  if (y0 === y1 && m0 === m1) return zh ? `${y0}年${m0}月${d0}日至${d1}日` : `${d0}–${d1} ${MONTH_NAMES_EN[m0 - 1]} ${y0}`;
  if (y0 === y1) return zh ? `${y0}年${m0}月${d0}日至${m1}月${d1}日` : `${d0} ${MONTH_NAMES_EN[m0 - 1]} – ${d1} ${MONTH_NAMES_EN[m1 - 1]} ${y0}`;
  return zh ? `${formatDay(start, locale)}至${formatDay(end, locale)}` : `${formatDay(start, locale)} – ${formatDay(end, locale)}`;
}
