/**
 * UI language helpers: strings (src/i18n/*.json), locale-aware hrefs that respect BASE_PATH,
 * and date/name formatting. English is served at /, Chinese under /zh/.
 */
import en from '../i18n/en.json' with { type: 'json' };
import zh from '../i18n/zh.json' with { type: 'json' };
import type { Entity } from '../schema/records.ts';
import { formatDay } from './dates.ts';
// Infobox field names as sources write them (wikitext parameters, printed labels; lower case) → UI label key.
import INFOBOX_FIELDS from '../i18n/infobox-fields.json' with { type: 'json' };

export { formatDay, formatDayShort, formatEventDate, formatMonth, formatMonthName, formatSpan, formatYear } from './dates.ts';

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

type Strings = typeof en;
export type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

const STRINGS: Record<Locale, Strings> = { en, zh: zh as Strings };

/** BCP 47 tag for <html lang> and for text written in the UI language. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-Hans' : 'en';
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}

/** A UI string, with {name} placeholders filled in. Unknown keys fall back to English. */
export function t(locale: Locale, key: StringKey | string, vars: Record<string, string | number> = {}): string {
  const table = STRINGS[locale] as Record<string, unknown>;
  const raw = (table[key] ?? (STRINGS.en as Record<string, unknown>)[key] ?? key) as string;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function weekdayNames(locale: Locale, form: 'short' | 'long'): string[] {
  return STRINGS[locale][`weekday.${form}`];
}

export function hasString(locale: Locale, key: string): boolean {
  return key in STRINGS[locale];
}

function normaliseBase(base: string): string {
  let b = base || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

/**
 * Build an internal href: base + locale prefix + path, always with a trailing slash before any
 * #fragment. `path` is locale-neutral, e.g. "day/2014-01-04/" or "place/manbij/#x".
 */
export function buildHref(base: string, locale: Locale, path = ''): string {
  const [pathPart, fragment] = splitFragment(path.replace(/^\/+/, ''));
  let p = pathPart;
  if (p && !p.endsWith('/')) p = `${p}/`;
  const prefix = locale === 'zh' ? 'zh/' : '';
  return `${normaliseBase(base)}${prefix}${p}${fragment ? `#${fragment}` : ''}`;
}

function splitFragment(path: string): [string, string] {
  const i = path.indexOf('#');
  return i < 0 ? [path, ''] : [path.slice(0, i), path.slice(i + 1)];
}

declare const __DAYLINE_BASE__: string | undefined;

/** The site's base path (astro `base`, from BASE_PATH; defined at build time in astro.config.mjs). */
export function siteBase(): string {
  return normaliseBase(typeof __DAYLINE_BASE__ === 'string' ? __DAYLINE_BASE__ : '/');
}

/** Locale-aware internal href using the configured base path. */
export function href(locale: Locale, path = ''): string {
  return buildHref(siteBase(), locale, path);
}

export const paths = {
  home: () => '',
  day: (day: string) => `day/${day}/`,
  month: (month: string) => `month/${month}/`,
  year: (year: string) => `year/${year}/`,
  place: (id: string) => `place/${id}/`,
  group: (id: string) => `group/${id}/`,
  entity: (e: { id: string; type: 'place' | 'group' }) => `${e.type}/${e.id}/`,
  entityPage: (e: { id: string; type: 'place' | 'group' }, n: number) => (n <= 1 ? `${e.type}/${e.id}/` : `${e.type}/${e.id}/page/${n}/`),
  places: () => 'places/',
  groups: () => 'groups/',
  source: (id: string) => `source/${id}/`,
  /** page `n` of a source's passages (page 1 is the source page itself) */
  sourcePage: (id: string, n: number) => (n <= 1 ? `source/${id}/` : `source/${id}/page/${n}/`),
  sources: () => 'sources/',
  search: () => 'search/',
};

function utc(day: string): Date {
  return new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);
}

/** "Saturday, 4 January 2014" / "2014年1月4日 星期六" */
export function formatDayLong(day: string, locale: Locale): string {
  const wd = weekdayNames(locale, 'long')[isoWeekday(day) - 1];
  return locale === 'zh' ? `${formatDay(day, locale)} ${wd}` : `${wd}, ${formatDay(day, locale)}`;
}

export function formatNumber(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'zh' ? 'zh-Hans' : 'en-GB');
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(day: string): number {
  const wd = utc(day).getUTCDay();
  return wd === 0 ? 7 : wd;
}


export interface DisplayName {
  /** name in the UI language */
  primary: string;
  primaryLang: string;
  /** the other language's name, when it differs */
  secondary?: string;
  secondaryLang?: string;
}

/** Name of an entity in the UI language, with the other language's name beside it. */
export function entityName(entity: Pick<Entity, 'name'>, locale: Locale): DisplayName {
  const zhName = entity.name['zh-Hans'] || entity.name['zh-Hant'];
  const zhLang = entity.name['zh-Hans'] ? 'zh-Hans' : 'zh-Hant';
  const enName = entity.name.en;
  if (locale === 'zh' && zhName) {
    return { primary: zhName, primaryLang: zhLang, secondary: enName && enName !== zhName ? enName : undefined, secondaryLang: 'en' };
  }
  return {
    primary: enName || zhName || '',
    primaryLang: enName ? 'en' : zhLang,
    secondary: enName && zhName && zhName !== enName ? zhName : undefined,
    secondaryLang: zhLang,
  };
}

/** Language name of a BCP 47 tag, in the UI language. */
export function langName(lang: string, locale: Locale): string {
  if (hasString(locale, `lang.${lang}`)) return t(locale, `lang.${lang}`);
  // A source in a language Dayline does not read (fr, ja, …): the runtime's own name for it.
  try {
    return new Intl.DisplayNames([htmlLang(locale)], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** Plural-aware "N events" using the one/many keys. */
export function countLabel(locale: Locale, count: number, manyKey: string, oneKey: string): string {
  return count === 1 ? t(locale, oneKey) : t(locale, manyKey, { count: formatNumber(count, locale) });
}

/** Title of a chronology in the UI language (falls back to its id). */
export function chronologyTitle(id: string, locale: Locale, short = false): string {
  const key = `chronology.${id}${short ? '.short' : ''}`;
  return hasString(locale, key) ? t(locale, key) : id;
}

/** A UI label for a value of the data, with the language it is written in. */
export interface Labelled {
  text: string;
  /** set when the text is the data as written (no UI string for it), e.g. "en" */
  lang?: string;
}

/** A UI string for a data value (`<prefix><value>`), or the value as written in its own language. */
function dataLabel(prefix: string, value: string, locale: Locale, valueLang: string): Labelled {
  const key = `${prefix}${value}`;
  return hasString(locale, key) ? { text: t(locale, key) } : { text: value, lang: valueLang };
}

/** A place or group kind ("neighbourhood", "armed group") in the UI language. */
export function kindLabel(kind: string, locale: Locale): Labelled {
  return dataLabel('kind.', kind, locale, 'en');
}

/** What a skipped stretch of a source was (report.json `kind`). */
export function skippedKindLabel(kind: string, locale: Locale): Labelled {
  return dataLabel('skip.', kind, locale, 'en');
}

/** Why a paragraph stayed undated (report.json `reason`, written by the ingest in English). */
export function reasonLabel(reason: string, locale: Locale): Labelled {
  return dataLabel('reason.', reason, locale, 'en');
}

/** A source's format (manifest `format`). */
export function formatLabel(format: string, locale: Locale): Labelled {
  return dataLabel('format.', format, locale, 'en');
}

/**
 * An infobox field name in the UI language. Wikitext infoboxes name fields by parameter
 * (`partof`, `combatant1`), scraped ones by their printed label ("Part of"); both map to one UI
 * label, a trailing number naming the side. Unknown fields are shown as the source writes them.
 */
export function infoboxLabel(key: string, locale: Locale, sourceLang: string): Labelled {
  const m = /^(.*?)(\d*)$/.exec(key.trim().toLowerCase())!;
  const name = m[1].replace(/[\s_-]+/g, ' ').trim();
  const side = m[2];
  const field = (INFOBOX_FIELDS as Record<string, string>)[name];
  if (!field || !hasString(locale, `infobox.${field}`)) return { text: key, lang: sourceLang };
  const label = t(locale, `infobox.${field}`);
  return { text: side ? t(locale, 'infobox.side', { label, n: side }) : label };
}
