/**
 * Markdown converted from wiki articles, read with remark: headings, paragraphs and list items
 * become blocks; a paragraph or item that is only a date becomes a dateLine; escaped footnote
 * markers `\[n\]` become citations resolved against the numbered reference list at the end.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Citation } from '../../schema/records.ts';
import type { Block, ReadResult, Skipped } from '../blocks.ts';
import { normalizeHeadingLevels, assignSections } from '../sections.ts';
import { apparatusKind } from './apparatus.ts';
import { BlockText, appendWithMarkers, firstWords, normalizeTitle, resolveConversionMarkup, scrubResidue, skip } from './common.ts';
import { isDateLikePhrase } from './dateLike.ts';
import { blankFileLinks, isMediaBlock, withoutLeadingFileNames } from './media.ts';
import resources from './resources/markdown.json' with { type: 'json' };
import wikiResources from './resources/wikitext.json' with { type: 'json' };

type Built = ReturnType<BlockText['value']>;

/** What a link is, after wiki-to-Markdown conversion. */
function classifyLink(url: string, title: string | null | undefined): { kind: 'media' | 'category' | 'wiki' | 'external'; target?: string } {
  const decoded = safeDecode(url);
  const inNamespace = (namespaces: string[]) => namespaces.some((ns) => decoded.startsWith(ns) || decoded.includes(`/${ns}`));
  if ((title ?? '').startsWith(resources.fileTitlePrefix) || inNamespace(resources.fileNamespaces)) return { kind: 'media' };
  if (inNamespace(resources.categoryNamespaces)) return { kind: 'category' };
  for (const prefix of resources.wikiArticleUrlPrefixes) {
    if (decoded.startsWith(prefix)) {
      const rest = decoded.slice(prefix.length).replace(/\.md$/, '').replace(/\\(.)/g, '$1');
      return { kind: 'wiki', target: normalizeTitle(rest) };
    }
  }
  if (title === resources.wikiLinkTitle) return { kind: 'wiki', target: normalizeTitle(decoded.split('/').pop() ?? decoded) };
  return { kind: 'external' };
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function plainText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if ('children' in node) out += plainText(node.children as PhrasingContent[]);
  }
  return out;
}

interface InlineContext {
  citationFor: (n: number) => Citation;
}

/** Renders inline content into a builder; returns counts of what was dropped. */
function renderInline(nodes: readonly PhrasingContent[], into: BlockText, ctx: InlineContext): { media: number; category: number; kept: number } {
  const tally = { media: 0, category: 0, kept: 0 };
  // Raw HTML is dropped; the body of a <script> or <style> element is code, not text, so it goes too.
  let insideCodeElement: string | undefined;
  for (const node of nodes) {
    if (insideCodeElement) {
      if (node.type === 'html' && new RegExp(`</${insideCodeElement}\\s*>`, 'i').test(node.value)) insideCodeElement = undefined;
      continue;
    }
    switch (node.type) {
      case 'text':
        appendWithMarkers(into, resolveConversionMarkup(node.value, wikiResources.variantPreference), ctx.citationFor);
        if (node.value.trim()) tally.kept++;
        break;
      case 'inlineCode':
        into.append(node.value);
        tally.kept++;
        break;
      case 'break':
        into.append(' ');
        break;
      case 'link': {
        const link = classifyLink(node.url, node.title);
        if (link.kind === 'media') tally.media++;
        else if (link.kind === 'category') tally.category++;
        else {
          const inner = renderInline(node.children, into, ctx);
          tally.kept += inner.kept;
          if (link.target) into.link(link.target);
        }
        break;
      }
      case 'image':
      case 'imageReference':
        tally.media++;
        break;
      case 'html': {
        const opened = /<(script|style)\b[^>]*>(?![\s\S]*<\/\1\s*>)/i.exec(node.value);
        if (opened) insideCodeElement = opened[1]!.toLowerCase();
        break;
      }
      default:
        if ('children' in node) {
          const inner = renderInline(node.children as PhrasingContent[], into, ctx);
          tally.kept += inner.kept;
          tally.media += inner.media;
          tally.category += inner.category;
        }
    }
  }
  return tally;
}

/** The numbered reference list: the last ordered list whose items are empty or start with a link. */
function findReferenceList(root: Root): List | undefined {
  const lists = root.children.filter((n): n is List => n.type === 'list' && n.ordered === true);
  for (let i = lists.length - 1; i >= 0; i--) {
    const items = lists[i].children;
    const refLike = items.filter((item) => {
      const para = item.children[0];
      if (!para) return true;
      if (para.type !== 'paragraph') return false;
      return para.children[0]?.type === 'link';
    });
    if (items.length >= 2 && refLike.length / items.length >= 0.8) return lists[i];
  }
  return undefined;
}

function referenceCitations(list: List | undefined): Map<number, Citation> {
  const map = new Map<number, Citation>();
  if (!list) return map;
  const start = list.start ?? 1;
  list.children.forEach((item, i) => {
    const para = item.children[0];
    if (!para || para.type !== 'paragraph') return;
    const citation: Citation = {};
    const link = para.children.find((c) => c.type === 'link');
    if (link && link.type === 'link') {
      citation.url = link.url;
      const title = resolveConversionMarkup(plainText(link.children), wikiResources.variantPreference).trim();
      if (title && title !== link.url) citation.title = title;
    }
    const tail = para.children
      .filter((c) => c !== link)
      .map((c) => (c.type === 'text' ? c.value : ''))
      .join('');
    const date = /\d{4}-\d{2}-\d{2}/.exec(tail);
    if (date) citation.date = date[0];
    if (citation.url || citation.title) map.set(start + i, citation);
  });
  return map;
}

export function readMarkdown(source: string, file: string): ReadResult {
  // Wiki file links the conversion left whole (captions over several lines) are media.
  const { text, links: fileLinks } = blankFileLinks(source);
  const root = unified().use(remarkParse).parse(text) as Root;
  const blocks: Block[] = [];
  const skipped: Skipped[] = fileLinks.map((l) => skip('media', l.line, l.text));
  const warnings: ReadResult['warnings'] = [];
  const referenceList = findReferenceList(root);
  const references = referenceCitations(referenceList);
  const ctx: InlineContext = { citationFor: (n) => references.get(n) ?? { title: `[${n}]` } };
  let title: string | undefined;
  let sawContent = false;
  let skipping: { kind: Skipped['kind']; depth: number } | undefined;

  const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;
  const lines = text.split('\n');
  const sourceLine = (node: RootContent) => lines[lineOf(node) - 1] ?? '';

  const emit = (kind: Block['kind'], built: Built, line: number, level?: number) => {
    let value = built;
    if (kind !== 'heading' && isMediaBlock(value.text, 'colon')) {
      // What a broken file link leaves (a lone "]]", "thumb|250px|caption") is media, not text.
      skipped.push(skip('media', line, value.text));
      return;
    }
    const scrubbed = scrubResidue(value.text);
    if (scrubbed.repaired) {
      warnings.push({ file, line, message: `unbalanced markup removed from block text: "${firstWords(value.text)}"` });
      value = { ...value, text: scrubbed.text, citations: value.citations.map((c) => ({ ...c, offset: Math.min(c.offset, scrubbed.text.length) })) };
    }
    if (!value.text) return;
    if (kind !== 'heading') {
      const media = withoutLeadingFileNames(value);
      if (media.removed) {
        skipped.push(skip('media', line, media.removed));
        value = media.built;
      }
    }
    const block: Block = { kind, text: value.text, section: [], line, links: value.links, citations: value.citations };
    if (level !== undefined) block.level = level;
    blocks.push(block);
  };

  /** A paragraph or list item: date line, leading bold date + text, or ordinary text. */
  const emitText = (paragraph: Paragraph, kind: 'paragraph' | 'listItem', line: number) => {
    const children = paragraph.children;
    const first = children[0];
    if (first?.type === 'strong' && isDateLikePhrase(plainText(first.children)) && children.length > 1) {
      emit('dateLine', renderBuilt([first], ctx).built, line);
      const rest = renderBuilt(children.slice(1), ctx);
      if (rest.built.text) emit(kind, rest.built, line);
      else if (rest.tally.media > 0) skipped.push(skip('media', line, plainText(children.slice(1)) || 'image'));
      return;
    }
    const { built, tally } = renderBuilt(children, ctx);
    if (!built.text) {
      if (tally.category > 0) skipped.push(skip('navigation', line, plainText(children) || 'categories'));
      else if (tally.media > 0) skipped.push(skip('media', line, plainText(children) || 'image'));
      return;
    }
    emit(isDateLikePhrase(built.text) && built.citations.length === 0 ? 'dateLine' : kind, built, line);
  };

  const emitListItem = (item: ListItem) => {
    for (const child of item.children) {
      if (child.type === 'paragraph') emitText(child, 'listItem', lineOf(child));
      else if (child.type === 'list') child.children.forEach(emitListItem);
    }
  };

  for (const node of root.children) {
    const line = lineOf(node);
    if (node.type === 'heading') {
      const headingText = renderBuilt((node as Heading).children, ctx).built;
      if (node.depth === 1 && !title) title = headingText.text;
      const kind = apparatusKind(headingText.text);
      if (skipping && node.depth <= skipping.depth) skipping = undefined;
      if (kind) {
        skipping = { kind, depth: node.depth };
        skipped.push(skip(kind, line, headingText.text));
        continue;
      }
      if (skipping) {
        skipped.push(skip(skipping.kind, line, headingText.text));
        continue;
      }
      sawContent = true;
      emit('heading', headingText, line, node.depth);
      continue;
    }
    if (node === referenceList) {
      skipped.push(skip("references", line, plainTextOf(node) || sourceLine(node)));
      continue;
    }
    if (skipping) {
      skipped.push(skip(skipping.kind, line, plainTextOf(node) || sourceLine(node)));
      continue;
    }
    switch (node.type) {
      case 'blockquote':
        // A note before any content is a conversion/maintenance notice, not part of the article.
        if (!sawContent) {
          skipped.push(skip('boilerplate', line, plainTextOf(node)));
          break;
        }
        for (const child of node.children) if (child.type === 'paragraph') emitText(child, 'paragraph', lineOf(child));
        break;
      case 'paragraph':
        sawContent = true;
        if (!title) {
          const strong = node.children.find((c) => c.type === 'strong');
          if (strong && strong.type === 'strong' && node.children.indexOf(strong) === 0) title = plainText(strong.children).trim() || undefined;
        }
        emitText(node, 'paragraph', line);
        break;
      case 'list':
        sawContent = true;
        node.children.forEach(emitListItem);
        break;
      case 'thematicBreak':
        break;
      default:
        skipped.push(skip("other", line, plainTextOf(node) || sourceLine(node)));
    }
  }

  const levelled = normalizeHeadingLevels(blocks);
  return { blocks: assignSections(levelled), skipped, warnings, title };
}

function renderBuilt(nodes: readonly PhrasingContent[], ctx: InlineContext): { built: Built; tally: ReturnType<typeof renderInline> } {
  const into = new BlockText();
  const tally = renderInline(nodes, into, ctx);
  return { built: into.value(), tally };
}

function plainTextOf(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainTextOf).join(' ');
  return '';
}
