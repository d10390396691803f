/**
 * Words for what an event reports, in the UI language: its type, its casualty figures, and the
 * one-line gloss shown beside a passage written in the other language. Pure: pages and tests
 * call it with an entity lookup. The gloss is derived from the tags, never a translation.
 */
import { taxonomyName } from '../ingest/types/taxonomy.ts';
import type { Entity, EventRecord, Figure } from '../schema/records.ts';
import { entityName, formatDay, formatMonth, formatNumber, formatYear, t, type Locale } from './i18n.ts';

const scriptOf = (locale: Locale) => (locale === 'zh' ? 'zh-Hans' : 'en') as 'zh-Hans' | 'en';

/** "Battles: non-state actor takes territory" / "交战：非国家武装夺取领土" */
export function typeLabel(e: Pick<EventRecord, 'type' | 'subtype'>, locale: Locale): string {
  const s = scriptOf(locale);
  const type = taxonomyName(e.type, s);
  if (!e.subtype) return type;
  return `${type}${locale === 'zh' ? '：' : ': '}${taxonomyName(e.subtype, s)}`;
}

/** Names of the acts beyond the event's own type and sub-type. */
export function otherActs(e: Pick<EventRecord, 'type' | 'subtype' | 'acts'>, locale: Locale): string[] {
  const s = scriptOf(locale);
  const out: string[] = [];
  for (const a of e.acts) {
    if (a.type === e.type && (a.subtype === e.subtype || !a.subtype)) continue;
    const name = taxonomyName(a.subtype ?? a.type, s);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** "24", "5,641–6,991", "at least 10", "up to 100", "dozens (as written)" */
export function countLabel(f: Figure, locale: Locale): string {
  const n = (x: number) => formatNumber(x, locale);
  if (f.vague || (f.low === null && f.high === null)) return t(locale, 'figure.vague');
  if (f.low !== null && f.high !== null) return t(locale, 'figure.count', { n: f.low === f.high ? n(f.low) : `${n(f.low)}–${n(f.high)}` });
  if (f.low !== null) return t(locale, 'figure.atLeast', { n: n(f.low) });
  return t(locale, 'figure.atMost', { n: n(f.high!) });
}

/** Who a figure counts, in the UI language ("" when the text does not say). */
export function whoLabel(f: Figure, locale: Locale, entityById: Map<string, Entity>): string {
  if (f.who === 'unknown') return '';
  if (['civilians', 'fighters', 'mixed'].includes(f.who)) return t(locale, `figure.who.${f.who}`);
  const e = entityById.get(f.who);
  return e ? entityName(e, locale).primary : f.who;
}

export function kindLabel(f: Figure, locale: Locale): string {
  const kind = t(locale, `figure.kind.${f.kind}`);
  return f.orKind ? t(locale, 'figure.or', { a: kind, b: t(locale, `figure.kind.${f.orKind}`) }) : kind;
}

export function reporterLabel(f: Figure, locale: Locale): string {
  if (!f.reporter) return '';
  const key = `figure.reporter.${f.reporter}`;
  const name = t(locale, key);
  return t(locale, 'figure.reportedBy', { who: name === key ? f.reporter : name });
}

/** One figure as a short phrase: "at least 10 killed (fighters)" / "至少10人 死亡（武装人员）". */
export function figurePhrase(f: Figure, locale: Locale, entityById: Map<string, Entity>): string {
  const who = whoLabel(f, locale, entityById);
  return t(locale, who ? 'figure.phraseWho' : 'figure.phrase', { count: countLabel(f, locale), kind: kindLabel(f, locale), who });
}

/** The event's date in the UI language. */
export function dateLabel(e: Pick<EventRecord, 'date'>, locale: Locale): string {
  const { start, end, precision } = e.date;
  if (precision === 'year') return start.slice(0, 4) === end.slice(0, 4) ? formatYear(start.slice(0, 4), locale) : `${formatYear(start.slice(0, 4), locale)} – ${formatYear(end.slice(0, 4), locale)}`;
  if (precision !== 'day') return start.slice(0, 7) === end.slice(0, 7) ? formatMonth(start.slice(0, 7), locale) : `${formatMonth(start.slice(0, 7), locale)} – ${formatMonth(end.slice(0, 7), locale)}`;
  return start === end ? formatDay(start, locale) : `${formatDay(start, locale)} – ${formatDay(end, locale)}`;
}

/** Whether a passage is written in the other language than the UI's. */
export function inOtherLanguage(e: Pick<EventRecord, 'lang'>, locale: Locale): boolean {
  return locale === 'zh' ? e.lang === 'en' : e.lang !== 'en';
}

/**
 * The structured gloss of a passage: date · type · places · groups · figures, in the UI
 * language, built from the event's tags only (so it says nothing the tags do not).
 */
export function gloss(e: EventRecord, locale: Locale, entityById: Map<string, Entity>): string {
  const list = locale === 'zh' ? '、' : ', ';
  const names = (ids: string[]) => ids.map((id) => entityById.get(id)).filter((x) => x !== undefined).map((x) => entityName(x, locale).primary).join(list);
  const figures = e.figures.filter((f) => f.partOf === undefined).map((f) => figurePhrase(f, locale, entityById)).join(locale === 'zh' ? '；' : '; ');
  return [dateLabel(e, locale), typeLabel(e, locale), names(e.places), names(e.groups), figures].filter(Boolean).join(' · ');
}
