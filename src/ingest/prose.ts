/**
 * The prose of a source, for telling its language: markup, references, citation templates, URLs,
 * file and template names, link targets and apparatus sections removed, whatever the format. A
 * Chinese article cites English titles and names English templates; counting those letters made
 * real Chinese articles look English. Not used for reading: readers keep their own text.
 */
import sections from './readers/resources/sections.json' with { type: 'json' };
import wiki from './readers/resources/wikitext.json' with { type: 'json' };
import { normalizeForCompare } from './readers/common.ts';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const apparatus = new Set([...sections.references, ...sections.navigation].map(normalizeForCompare));
const namespaces = [...wiki.fileNamespaces, ...wiki.categoryNamespaces].map(escape).join('|');
const NAMESPACED_LINK = new RegExp(`\\[\\[\\s*(?:${namespaces})\\s*:[^\\[\\]]*\\]\\]`, 'giu');
const MEDIA_FILE = /[^\s|[\]()<>]+\.(?:jpe?g|png|gif|svg|tiff?|webp|ogg|ogv|oga|webm|mp3|mp4|pdf)\b/giu;

/** Repeats a replacement until nothing changes (nested templates and links), a bounded number of times. */
function untilStable(text: string, step: (s: string) => string, rounds = 8): string {
  let out = text;
  for (let i = 0; i < rounds; i++) {
    const next = step(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** A heading line's text in wikitext (`== X ==`), Markdown (`## X`), or undefined. */
function headingText(line: string): string | undefined {
  const wikiHeading = /^(={1,6})\s*(.+?)\s*\1\s*$/.exec(line);
  if (wikiHeading) return wikiHeading[2];
  const mdHeading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
  return mdHeading?.[1];
}

/** Drops apparatus sections (references, see also, external links) up to the next heading that is not apparatus. */
function withoutApparatusSections(text: string): string {
  const kept: string[] = [];
  let skipping = false;
  for (const line of text.split('\n')) {
    const heading = headingText(line.trim());
    const bare = normalizeForCompare((heading ?? line).replace(/[=#:：*'_]/g, ''));
    if (heading !== undefined || (!skipping && apparatus.has(bare))) skipping = apparatus.has(bare);
    if (!skipping) kept.push(line);
  }
  return kept.join('\n');
}

export function proseOf(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n');
  text = text.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  text = text.replace(/<ref\b[^>]*\/>/gi, ' ').replace(/<ref\b[^>]*>[\s\S]*?(?:<\/ref\s*>|$)/gi, ' ');
  text = withoutApparatusSections(text);
  // Templates, innermost first: citation, infobox and navigation templates carry names, not prose.
  text = untilStable(text, (s) => s.replace(/\{\{[^{}]*\}\}/g, ' '));
  text = text.replace(/\{\|[\s\S]*?\|\}/g, ' '); // wiki tables
  text = text.replace(/-\{(?:[^{}]*?\|)?([^{}]*)\}-/g, '$1');
  text = untilStable(text, (s) => s.replace(NAMESPACED_LINK, ' ').replace(/\[\[(?:[^[\]|]*\|)?([^[\]|]*)\]\]/g, '$1'));
  text = text.replace(/!\[[^\]]*\]\([^)]*\)/g, ' '); // Markdown images
  text = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'); // Markdown links: keep the label
  text = text.replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' '); // Markdown link definitions
  text = text.replace(/\[(?:https?:|\/\/)[^\s\]]*\s*([^\]]*)\]/g, '$1'); // [url label]
  text = text.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  text = text.replace(MEDIA_FILE, ' ');
  text = text.replace(/<\/?[a-z][^>\n]*>/gi, ' ');
  text = text.replace(/^\s*\d{1,4}\.\s+\^.*$/gm, ' '); // scraped reference lists: "12. ^ a b Title"
  text = text.replace(/^\s*[|!]\s*[\p{L}\p{N}_ -]+=/gmu, ' '); // template and table parameter names
  text = text.replace(/\\?\[\d{1,4}\\?\]/g, ' ');
  text = text.replace(/__[A-Z]+__/g, ' ');
  return text;
}
