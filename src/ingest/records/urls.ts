/** Site-relative URLs of the published pages (see CONTRACT.md); the base path is added by the site. */
import type { EventDate } from '../../schema/records.ts';

export function eventUrl(date: EventDate, id: string): string {
  if (date.precision === 'day') return `/day/${date.start}/#${id}`;
  if (date.precision === 'year') return `/year/${date.start.slice(0, 4)}/#${id}`;
  return `/month/${date.start.slice(0, 7)}/#${id}`;
}

export function entityUrl(type: 'place' | 'group', id: string): string {
  return `/${type}/${id}/`;
}

/** A MediaWiki article address (…/wiki/Title or …/index.php?title=Title): its sections have anchors. */
function isWikiArticle(url: URL): boolean {
  return /\/wiki\/./.test(url.pathname) || (/\/index\.php$/.test(url.pathname) && url.searchParams.has('title'));
}

/**
 * The anchor MediaWiki gives a heading: its text with spaces as underscores (characters a URL
 * fragment cannot hold are percent-encoded; browsers decode them before matching).
 */
export function wikiAnchor(heading: string): string {
  return heading
    .trim()
    .replace(/\s+/g, '_')
    .replace(/["<>`#%{}|\\^]/g, (c) => encodeURIComponent(c));
}

interface HeadingBlock {
  kind: string;
  text: string;
  line: number;
}

/**
 * Where each passage's section is in the original: the source's address plus the anchor of the
 * innermost heading above the passage. A heading text used again gets "_2", "_3"… as MediaWiki
 * numbers repeated anchors. Addresses that are not wiki articles have no known anchors: the
 * address alone. No address: undefined for every passage.
 */
export function sectionUrls(address: string | undefined, blocks: readonly HeadingBlock[]): (section: readonly string[], line: number) => string | undefined {
  let base: URL | undefined;
  try {
    base = address && /^https?:\/\//i.test(address.trim()) ? new URL(address.trim()) : undefined;
  } catch {
    base = undefined;
  }
  if (!base) return () => undefined;
  const page = address!.trim().split('#')[0]!; // as the manifest writes it (readable, not re-encoded)
  if (!isWikiArticle(base)) return () => page;
  const seen = new Map<string, number>();
  const headings = blocks
    .filter((b) => b.kind === 'heading' && b.text.trim())
    .map((b) => {
      const anchor = wikiAnchor(b.text);
      const n = (seen.get(anchor) ?? 0) + 1;
      seen.set(anchor, n);
      return { text: b.text.trim(), line: b.line, anchor: n > 1 ? `${anchor}_${n}` : anchor };
    });
  return (section, line) => {
    const innermost = [...section].reverse().find((s) => s.trim());
    if (!innermost) return page;
    let found: string | undefined;
    for (const h of headings) {
      if (h.line > line) break;
      if (h.text === innermost.trim()) found = h.anchor;
    }
    return `${page}#${found ?? wikiAnchor(innermost)}`;
  };
}
