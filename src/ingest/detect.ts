/**
 * Heuristic detection of a source's format and language from its text alone (never its name).
 */
import { openccConverter } from '../lib/opencc.ts';
import type { Lang, SourceMeta } from '../schema/records.ts';
import { isCommentSectionEnd, isCommentSectionStart } from './readers/blog.ts';

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
  const lines = sample.split('\n');
  // A comment thread is what makes a page a blog post rather than an article scrape.
  const commentMarkers = lines.filter((l) => isCommentSectionStart(l) || isCommentSectionEnd(l)).length;
  const commentItems = lines.filter((l) => /^\s+(?:\d{1,4}\.|[•·▪◦])\s+\S/.test(l) && !/\s\d+(?:\.\d+)*\s*$/.test(l) && !/\^/.test(l)).length;
  if (commentMarkers >= 1 && commentItems >= 1) return 'blog';
  if (commentMarkers >= 2) return 'blog';
  return 'plaintext';
}

const HAN = /\p{Script=Han}/gu;
const LETTER = /\p{L}/gu;
/** Share of letters that must be Han characters for a text to count as Chinese. */
const MIN_HAN_SHARE = 0.3;

let converters: { toSimplified: (s: string) => string; toTraditional: (s: string) => string } | undefined;
function getConverters() {
  converters ??= {
    toSimplified: openccConverter('tw', 'cn'),
    toTraditional: openccConverter('cn', 'tw'),
  };
  return converters;
}

/**
 * English unless Han characters dominate; then simplified vs traditional by counting characters
 * that only exist in one script (a character that changes under traditional→simplified conversion
 * is traditional; one that changes under simplified→traditional is simplified).
 */
export function detectLang(text: string): Lang {
  const sample = text.slice(0, SAMPLE_CHARS);
  const han = sample.match(HAN) ?? [];
  const letters = count(sample, LETTER);
  if (han.length === 0 || han.length / Math.max(letters, 1) < MIN_HAN_SHARE) return 'en';
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
