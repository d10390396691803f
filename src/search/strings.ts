/**
 * UI strings of the search page (server-rendered part and the client), per UI locale: the
 * "searchPage.*" keys of src/i18n/<locale>.json, without their prefix.
 */
import en from '../i18n/en.json' with { type: 'json' };
import zh from '../i18n/zh.json' with { type: 'json' };

export type SearchLocale = 'en' | 'zh';

const PREFIX = 'searchPage.';
type Prefixed<K> = K extends `searchPage.${infer R}` ? R : never;
export type SearchStringKey = Prefixed<keyof typeof en>;

function pick(table: Record<string, unknown>): Record<SearchStringKey, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(table)) if (key.startsWith(PREFIX) && typeof value === 'string') out[key.slice(PREFIX.length)] = value;
  return out as Record<SearchStringKey, string>;
}

export const SEARCH_STRINGS: Record<SearchLocale, Record<SearchStringKey, string>> = { en: pick(en), zh: pick(zh) };

/** The strings the client needs, serialised into a data attribute of the page (no inline script). */
export const CLIENT_KEYS: SearchStringKey[] = [
  'loading', 'ready', 'searching', 'none', 'one', 'many', 'partial.asc', 'partial.desc', 'more', 'error', 'badRange',
  'source', 'language', 'places', 'groups', 'matched', 'lang.en', 'lang.zh-Hans', 'lang.zh-Hant',
  'any.place', 'any.group', 'any.source', 'any.lang', 'any.year', 'any.conflict', 'any.type',
  'type', 'byType', 'download', 'downloading', 'downloadName', 'accounts', 'alsoFound',
];

export function clientStrings(locale: SearchLocale): Record<string, string> {
  return Object.fromEntries(CLIENT_KEYS.map((k) => [k, SEARCH_STRINGS[locale][k]]));
}
