/**
 * What embedded media leave behind in a text once the media themselves are gone, the same for
 * every reader: a file name at the head of a paragraph (`Map_of_the_siege.png In early April …`),
 * the options of a broken wiki file link (`thumb|250px|Rebels in Aleppo`), a lone `]]`, credit
 * lines and captions (`Photo: AFP`, `Video from Atareb:`). Readers report such text as skipped
 * (media) and keep it out of events. Knowledge in resources/media.json.
 */
import resources from './resources/media.json' with { type: 'json' };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A bare file name (no path, no URL, no parameter): Signatories_of_the_Proclamation.png
const FILE_NAME = new RegExp(`^[^\\s|[\\]{}<>/:=]+\\.(?:${resources.fileExtensions.join('|')})$`, 'iu');
const LEADING_FILE_NAMES = new RegExp(`^(?:[^\\s|[\\]{}<>/:=]+\\.(?:${resources.fileExtensions.join('|')})\\s+)+`, 'iu');
const imageOptions = new Set(resources.imageOptions.map((o) => o.toLowerCase()));
const OPTION_KEY = new RegExp(`^(?:${resources.imageOptionKeys.map(escape).join('|')})\\s*=`, 'iu');
const SIZE = /^(?:\d+)?x?\d+\s*px$/iu;
const MEDIA_WORD = new RegExp(
  resources.mediaWords.map((w) => (/^[a-z]+$/i.test(w) ? `\\b${escape(w)}\\b` : escape(w))).join('|'),
  'iu',
);
const creditPrefixes = resources.creditPrefixes.map((p) => p.toLowerCase());

/** Nothing but brackets, pipes and the like: the closing `]]` or `}}` of a link or template whose opening was lost. */
export function isMarkupDebris(text: string): boolean {
  const t = text.trim();
  return t !== '' && /^[\s[\]{}|!=<>/\\-]+$/u.test(t) && /[[\]{}|]/.test(t);
}

const isImageOption = (segment: string): boolean => {
  const s = segment.trim().toLowerCase();
  return imageOptions.has(s) || SIZE.test(s) || OPTION_KEY.test(s) || FILE_NAME.test(s) || /^(?:file|image|文件|檔案|图像|圖像):/iu.test(s);
};

/** The options and caption of a wiki file link flattened into text: `thumb|250px|Rebels in Aleppo`. */
export function isFileLinkDebris(text: string): boolean {
  const segments = text.trim().replace(/^\[\[|\]\]$/g, '').split('|');
  if (segments.length < 2) return FILE_NAME.test(text.trim());
  return segments.slice(0, -1).some(isImageOption);
}

/** A credit line or a short line announcing media: `Photo: Reuters`, `Video from Atareb:`, `A video of the attack`. */
export function isMediaLine(text: string, maxChars = resources.maxCaptionChars): boolean {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (creditPrefixes.some((p) => lower.startsWith(p))) return true;
  return t.length <= maxChars && MEDIA_WORD.test(t) && !/[.!?。！？]$/u.test(t);
}

/** A whole block that is media debris: lone brackets, a flattened file link, a file name. */
export function isMediaDebris(text: string): boolean {
  return isMarkupDebris(text) || isFileLinkDebris(text);
}

/**
 * File names standing at the head of a paragraph, where a scrape left an image's name before
 * the text beside it. Returns the text without them and what was removed ('' when nothing was).
 */
export function splitLeadingFileNames(text: string): { text: string; removed: string } {
  const m = LEADING_FILE_NAMES.exec(text);
  if (!m) return { text, removed: '' };
  return { text: text.slice(m[0].length), removed: m[0].trim() };
}

/**
 * Whether a whole block is media rather than text: debris of a link or file, a credit line, or a
 * media caption. `captions: 'colon'` (articles) takes only captions that end in a colon, since a
 * short unpunctuated line there is a heading; `'any'` (blog posts) takes every short media line.
 */
export function isMediaBlock(text: string, captions: 'colon' | 'any'): boolean {
  if (isMediaDebris(text) || !isMediaLine(text)) return isMediaDebris(text);
  return captions === 'any' || /[:：]$/u.test(text.trim()) || creditPrefixes.some((p) => text.trim().toLowerCase().startsWith(p));
}

/** Drops leading file names from built block text, moving citation offsets with the text. */
export function withoutLeadingFileNames<T extends { text: string; citations: { offset: number }[] }>(built: T): { built: T; removed: string } {
  const { text, removed } = splitLeadingFileNames(built.text);
  if (!removed) return { built, removed };
  const cut = built.text.length - text.length;
  return { built: { ...built, text, citations: built.citations.map((c) => ({ ...c, offset: Math.max(0, c.offset - cut) })) }, removed };
}

const FILE_LINK_OPEN = new RegExp(`\\[\\[\\s*(?:${resources.fileNamespaces.map(escape).join('|')})\\s*:`, 'giu');

/**
 * Wiki file links left whole in a converted text (`[[File:Map.svg|thumb|Map of the siege, 2014:\n\n
 * 1 March 18 September ]]`), whose caption or legend may run over blank lines and hold links of
 * its own: each is removed but for its line breaks (so every line number stays true) and
 * returned with the line where it starts, for the report.
 */
export function blankFileLinks(text: string): { text: string; links: { line: number; text: string }[] } {
  const links: { line: number; text: string }[] = [];
  let out = '';
  let from = 0;
  FILE_LINK_OPEN.lastIndex = 0;
  for (let m = FILE_LINK_OPEN.exec(text); m; m = FILE_LINK_OPEN.exec(text)) {
    if (m.index < from) continue;
    // Walk to the matching "]]", counting nested "[[…]]" (links in the caption).
    let depth = 0;
    let end = -1;
    for (let i = m.index; i < text.length - 1; i++) {
      if (text[i] === '[' && text[i + 1] === '[') {
        depth++;
        i++;
      } else if (text[i] === ']' && text[i + 1] === ']') {
        depth--;
        i++;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    if (end === -1) break; // never closed: left as it is for the block-level checks
    const span = text.slice(m.index, end);
    links.push({ line: text.slice(0, m.index).split('\n').length, text: span.replace(/\s+/g, ' ') });
    // Only the line breaks are kept: spaces would indent what follows (a code block in Markdown).
    out += text.slice(from, m.index) + span.replace(/[^\n]/g, '');
    from = end;
    FILE_LINK_OPEN.lastIndex = end;
  }
  return { text: out + text.slice(from), links };
}
