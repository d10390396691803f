/**
 * Heuristic detection of a source's format and language from its text alone (never its name).
 */
import { franc } from 'franc-min';
import { bcp47Normalize } from 'bcp-47-normalize';
import { openccConverter } from '../lib/opencc.ts';
import { proseOf } from './prose.ts';
import languages from './resources/languages.json' with { type: 'json' };
import type { Lang, SourceMeta } from '../schema/records.ts';
import { findCommentThread } from './readers/blog.ts';

type Format = SourceMeta['format'];

/** How much of a file the detectors look at: enough for any real article, bounded for huge files. */
const SAMPLE_CHARS = 200_000;
const MIN_MARKUP_SIGNALS = 3;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

export function detectFormat(text: string): Format {
  const sample = text.slice(0, SAMPLE_CHARS);
  const wiki =
    count(sample, /\{\{/g) + count(sample, /\[\[/g) + 2 * count(sample, /<ref[\s>/]/g) + 2 * count(sample, /^={2,6}[^=\n]+={2,6}[ \t]*$/gm);
  const markdown =
    2 * count(sample, /^#{1,6}[ \t]\S/gm) +
    count(sample, /\]\([^)\s]+(?:\s+"[^"\n]*")?\)/g) +
    count(sample, /\*\*[^*\n]+\*\*/g) +
    count(sample, /\\\[\d+\\\]/g) +
    count(sample, /^>[ \t]/gm);
  if (Math.max(wiki, markdown) >= MIN_MARKUP_SIGNALS) return wiki >= markdown ? 'wikitext' : 'markdown';
  // A comment thread (several comments, authors or times after its header) makes a page a blog post.
  if (findCommentThread(sample.split('\n')) !== undefined) return 'blog';
  return 'plaintext';
}

const HAN = /\p{Script=Han}/gu;

let converters: { toSimplified: (s: string) => string; toTraditional: (s: string) => string } | undefined;
function getConverters() {
  converters ??= {
    toSimplified: openccConverter('tw', 'cn'),
    toTraditional: openccConverter('cn', 'tw'),
  };
  return converters;
}

/** Simplified vs traditional by characters that exist in one script only (OpenCC changes them one way). */
function chineseVariant(han: readonly string[]): Lang {
  const frequency = new Map<string, number>();
  for (const ch of han) frequency.set(ch, (frequency.get(ch) ?? 0) + 1);
  const { toSimplified, toTraditional } = getConverters();
  let simplified = 0;
  let traditional = 0;
  for (const [ch, n] of frequency) {
    if (toSimplified(ch) !== ch) traditional += n;
    else if (toTraditional(ch) !== ch) simplified += n;
  }
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
}

const scriptRe = (name: string) => new RegExp(`\\p{Script=${name}}`, 'gu');
const characterScripts = languages.characterScripts.map((name) => ({ name, re: scriptRe(name) }));
const wordScripts = languages.wordScripts.map((name) => ({ name, re: new RegExp(`\\p{Script=${name}}+`, 'gu') }));
const scriptLanguages: Record<string, string> = languages.scriptLanguages;
const WORD = /[\p{L}\p{M}]+/gu;

/** Units of text per script: characters of scripts written without spaces, words of the others. */
export function scriptUnits(prose: string): Map<string, number> {
  const units = new Map<string, number>();
  for (const { name, re } of [...characterScripts, ...wordScripts]) {
    const n = count(prose, re);
    if (n > 0) units.set(name, n);
  }
  return units;
}

/**
 * franc-min's verdict on the prose, one paragraph at a time, as a BCP 47 tag: the language of
 * most paragraphs weighted by their length ('und' when no paragraph can be judged).
 */
function trigramVote(prose: string): string {
  const lines = prose.split('\n').map((l) => l.trim()).filter(Boolean);
  let paragraphs = lines.filter((l) => count(l, WORD) >= languages.minWordsPerParagraph);
  if (paragraphs.length === 0) paragraphs = [lines.join(' ')];
  const step = Math.max(1, Math.ceil(paragraphs.length / languages.maxParagraphsJudged));
  const weight = new Map<string, number>();
  for (let i = 0; i < paragraphs.length; i += step) {
    const code = franc(paragraphs[i]!);
    if (code === 'und') continue;
    weight.set(code, (weight.get(code) ?? 0) + paragraphs[i]!.length);
  }
  const best = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ? (bcp47Normalize(best) || best) : 'und';
}

const englishFunctionWords = new Set(languages.englishFunctionWords);

/** Share of the Latin-script words of the prose that are English function words. */
function englishFunctionShare(prose: string): number {
  const words = prose.toLowerCase().match(/\p{Script=Latin}+/gu) ?? [];
  return words.filter((w) => englishFunctionWords.has(w)).length / Math.max(1, words.length);
}

/**
 * The language of a source's prose (markup, references, URLs and template names removed first,
 * see prose.ts), as a BCP 47 tag: en, zh-Hans or zh-Hant for the languages Dayline reads; ja, ko,
 * fr, ar, ru, … for those it does not (the caller warns and keeps such a source out of events).
 */
export function detectLang(text: string): string {
  const prose = proseOf(text.slice(0, SAMPLE_CHARS));
  const units = scriptUnits(prose);
  if (units.size === 0) return languages.defaultLatin;
  const han = prose.match(HAN) ?? [];
  const kana = (units.get('Hiragana') ?? 0) + (units.get('Katakana') ?? 0);
  const cjk = han.length + kana;
  const [topScript, topUnits] = [...units].filter(([name]) => !languages.characterScripts.includes(name)).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (cjk > 0 && cjk >= topUnits) {
    if (kana / cjk >= languages.minKanaShare) return 'ja';
    return chineseVariant(han);
  }
  if (scriptLanguages[topScript]) return scriptLanguages[topScript]!;
  if (topScript === 'Latin' && englishFunctionShare(prose) >= languages.minEnglishFunctionShare) return 'en';
  const voted = trigramVote(prose);
  if (voted === 'und') return topScript === 'Latin' ? languages.defaultLatin : 'und';
  return voted;
}

const READABLE = new Set<string>(languages.readable);

/** The language as one Dayline reads into events, or undefined when it cannot read it. */
export function readableLang(tag: string): Lang | undefined {
  return READABLE.has(tag) ? (tag as Lang) : undefined;
}

/**
 * A language tag as a manifest may write it (en-GB, zh, zh-TW, ZH-hans) in the form Dayline
 * uses: a regional English is English; Chinese takes its script from the tag (or the region),
 * else from the text (`detected`). Other languages keep their (normalised) tag.
 */
export function canonicalLang(tag: string, detected: string): string {
  // Case only (bcp-47-normalize would also drop subtags it takes as likely: zh-Hant → zh-TW).
  const [primary = '', ...rest] = tag.trim().split(/[-_]/).filter(Boolean);
  const subtags = rest.map((s) => (s.length === 4 ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s.length === 2 ? s.toUpperCase() : s.toLowerCase()));
  const normal = [primary.toLowerCase(), ...subtags].join('-');
  if (READABLE.has(normal)) return normal;
  if (primary.toLowerCase() === 'en') return 'en';
  if (primary.toLowerCase() !== 'zh') return normal;
  if (subtags.includes('Hant')) return 'zh-Hant';
  if (subtags.includes('Hans')) return 'zh-Hans';
  if (subtags.some((r) => languages.traditionalChineseRegions.includes(r))) return 'zh-Hant';
  if (subtags.some((r) => languages.simplifiedChineseRegions.includes(r))) return 'zh-Hans';
  return detected.startsWith('zh-') ? detected : 'zh-Hans';
}

/** The English name of a language tag, for messages ("French"), falling back to the tag. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
