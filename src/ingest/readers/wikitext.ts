/**
 * MediaWiki wikitext, parsed with wikiparser-node. The parser gives a token tree whose top level is
 * a flat run of text, headings, list markers, templates, links and tags; this reader walks it in
 * order and cuts the text into blocks the way MediaWiki renders it (a blank line ends a paragraph,
 * a newline ends a list item), keeping original characters and turning <ref>s into citations.
 */
import Parser from 'wikiparser-node';
import { decodeHTML } from 'entities';
import type { Citation } from '../../schema/records.ts';
import type { Block, ReadResult, Skipped } from '../blocks.ts';
import { assignSections, normalizeHeadingLevels } from '../sections.ts';
import { apparatusKind } from './apparatus.ts';
import { BlockText, firstWords, lineFinder, normalizeTitle, scrubResidue, skip } from './common.ts';
import { isDateLikePhrase } from './dateLike.ts';
import { isMediaBlock, withoutLeadingFileNames } from './media.ts';
import resources from './resources/wikitext.json' with { type: 'json' };

// The parser's token classes are not exported as types we can name cheaply; a structural view is enough.
interface Token {
  type: string;
  name?: string;
  childNodes: Token[];
  firstChild?: Token;
  lastChild?: Token;
  selfClosing?: boolean;
  level?: number;
  data?: string;
  getAbsoluteIndex(): number;
  getRelativeIndex?(child?: number): number;
  getAttr?(name: string): unknown;
  text(): string;
  toString(): string;
}

const lower = (s: string) => s.replace(/_/g, ' ').trim().toLowerCase();
const textTemplates = new Map(Object.entries(resources.textTemplates).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [lower(k), v as number]));
const referenceListTemplates = new Set(resources.referenceListTemplates.map(lower));

function templateName(token: Token): string {
  const raw = String(token.name ?? token.firstChild?.text() ?? '');
  return lower(raw.replace(/^[^:]*:/, ''));
}

const isInfobox = (name: string) => resources.infoboxPrefixes.some((p) => name.startsWith(lower(p)));
const isCitationTemplate = (name: string) => resources.citationPrefixes.some((p) => name === lower(p) || name.startsWith(`${lower(p)} `));

/**
 * A token's children, their offsets computed in one pass. Asked one child at a time, the parser
 * sums the lengths of all earlier siblings (and looks the child up among them) for each: the
 * square of the number of tokens in a paragraph of thousands of links. In view-only mode (see
 * readWikitext) one question about the end of the list caches every child's offset on the way.
 */
const primed = new WeakSet<Token>();
function childrenOf(token: Token): Token[] {
  if (token.childNodes.length > 1 && !primed.has(token)) {
    primed.add(token);
    token.getAbsoluteIndex();
    token.getRelativeIndex?.(token.childNodes.length);
  }
  return token.childNodes;
}

/** Named parameters of a template as raw tokens. */
function templateParams(token: Token): Map<string, Token> {
  const params = new Map<string, Token>();
  for (const child of token.childNodes) {
    if (child.type !== 'parameter') continue;
    const value = child.lastChild;
    if (value) params.set(lower(String(child.name ?? '')), value);
  }
  return params;
}

/** A structural event receiver: the block assembler, or a flat text collector for infobox fields. */
interface Sink {
  text(piece: string, index: number): void;
  newline(index: number): void;
  listItem(index: number): void;
  cite(citation: Citation): void;
  link(target: string): void;
  heading(level: number, title: Token, index: number): void;
  skipped(kind: Skipped['kind'], index: number, words: string): void;
  infobox(fields: Record<string, string>, index: number): void;
}

/** Collects plain text only (for infobox values, citation fields and headings). */
class FlatText implements Sink {
  readonly out = new BlockText();
  text(piece: string): void {
    this.out.append(piece);
  }
  newline(): void {
    this.out.append(' ');
  }
  listItem(): void {
    if (!this.out.isEmpty()) this.out.append('; ');
  }
  cite(): void {}
  link(target: string): void {
    this.out.link(target);
  }
  heading(): void {}
  skipped(): void {}
  infobox(): void {}
  value(): string {
    return this.out.value().text.replace(/\s+;/g, ';').replace(/^[;\s]+|[;\s]+$/g, '');
  }
}

class Walker {
  // Fields assigned in the constructor body, not as parameter properties: plain Node strips types
  // but cannot run parameter properties, and the ingest's helper threads may run under plain Node.
  private readonly namedRefs: Map<string, Citation>;
  constructor(namedRefs: Map<string, Citation>) {
    this.namedRefs = namedRefs;
  }

  walk(token: Token, sink: Sink): void {
    switch (token.type) {
      case 'text': {
        const data = token.data ?? token.toString();
        const base = token.getAbsoluteIndex();
        let start = 0;
        for (let i = 0; i < data.length; i++) {
          if (data[i] !== '\n') continue;
          if (i > start) sink.text(decodeHTML(data.slice(start, i)), base + start);
          sink.newline(base + i);
          start = i + 1;
        }
        // Character references (&nbsp;, &ndash;) are text to a reader: decoded line by line, so
        // each line's offset stays that of its first character in the source.
        if (start < data.length) sink.text(decodeHTML(data.slice(start)), base + start);
        return;
      }
      case 'heading':
        sink.heading(token.level ?? 2, token.firstChild!, token.getAbsoluteIndex());
        return;
      case 'list':
        sink.listItem(token.getAbsoluteIndex());
        return;
      case 'template':
        this.template(token, sink);
        return;
      case 'ext':
        this.extension(token, sink);
        return;
      case 'link':
      case 'redirect-target': {
        const [target, label] = [token.childNodes[0], token.childNodes[1]];
        const title = normalizeTitle(target?.text() ?? '');
        if (label) for (const c of childrenOf(label)) this.walk(c, sink);
        else sink.text(title, token.getAbsoluteIndex());
        sink.link(title);
        return;
      }
      case 'category':
        sink.skipped('navigation', token.getAbsoluteIndex(), token.toString());
        return;
      case 'file':
      case 'gallery-image':
      case 'imagemap-image':
        sink.skipped('media', token.getAbsoluteIndex(), token.toString());
        return;
      case 'converter':
        this.converter(token, sink);
        return;
      case 'ext-link': {
        const label = token.childNodes[1];
        if (label) for (const c of childrenOf(label)) this.walk(c, sink);
        return;
      }
      case 'html':
        if (lower(String(token.name ?? '')) === 'br') sink.text(' ', token.getAbsoluteIndex());
        return;
      case 'table':
        sink.skipped('other', token.getAbsoluteIndex(), token.text());
        return;
      case 'magic-link':
        sink.text(token.toString(), token.getAbsoluteIndex());
        return;
      case 'comment':
      case 'quote':
      case 'free-ext-link':
      case 'magic-word':
      case 'double-underscore':
      case 'arg':
      case 'hr':
      case 'noinclude':
      case 'include':
      case 'hidden':
        return;
      default:
        for (const child of childrenOf(token)) this.walk(child, sink);
    }
  }

  private template(token: Token, sink: Sink): void {
    const name = templateName(token);
    const index = token.getAbsoluteIndex();
    if (isInfobox(name)) {
      sink.infobox(this.infoboxFields(token), index);
      return;
    }
    if (referenceListTemplates.has(name)) {
      sink.skipped('references', index, token.toString());
      return;
    }
    if (isCitationTemplate(name)) {
      sink.cite(this.citationFromTemplate(token));
      return;
    }
    const keep = textTemplates.get(name);
    if (keep !== undefined) {
      const param = templateParams(token).get(String(keep));
      if (param) for (const c of childrenOf(param)) this.walk(c, sink);
      return;
    }
    sink.skipped('other', index, `{{${name}}}`);
  }

  private extension(token: Token, sink: Sink): void {
    const name = lower(String(token.name ?? ''));
    if (name === 'ref') {
      sink.cite(this.refCitation(token));
      return;
    }
    if (name === 'references') sink.skipped('references', token.getAbsoluteIndex(), token.toString());
    else if (name === 'gallery' || name === 'imagemap') sink.skipped('media', token.getAbsoluteIndex(), token.toString());
    else if (name === 'nowiki') sink.text(token.lastChild?.text() ?? '', token.getAbsoluteIndex());
  }

  /** The citation of a <ref>: its own content, or the named ref it reuses (defined anywhere). */
  refCitation(token: Token): Citation {
    const name = token.getAttr?.('name');
    const inner = token.lastChild;
    const hasContent = inner !== undefined && inner.toString().trim() !== '';
    if (!hasContent && typeof name === 'string' && this.namedRefs.has(name)) return this.namedRefs.get(name)!;
    if (!hasContent) return typeof name === 'string' ? { title: name } : {};
    return this.citationFromContent(inner!);
  }

  citationFromContent(inner: Token): Citation {
    const cite = findFirst(inner, (t) => t.type === 'template' && isCitationTemplate(templateName(t)));
    if (cite) return this.citationFromTemplate(cite);
    const link = findFirst(inner, (t) => t.type === 'ext-link' || t.type === 'free-ext-link');
    const flat = new FlatText();
    for (const c of childrenOf(inner)) this.walk(c, flat);
    const title = flat.value();
    const citation: Citation = {};
    if (link) citation.url = (link.type === 'ext-link' ? link.childNodes[0] : link).text().trim();
    if (title) citation.title = title;
    return citation;
  }

  citationFromTemplate(token: Token): Citation {
    const params = templateParams(token);
    const field = (...keys: string[]) => {
      for (const key of keys) {
        const value = params.get(key);
        if (!value) continue;
        const flat = new FlatText();
        for (const c of childrenOf(value)) this.walk(c, flat);
        const text = flat.value() || value.text().trim();
        if (text) return text;
      }
      return undefined;
    };
    const citation: Citation = {};
    const entries: [keyof Citation, string | undefined][] = [
      ['title', field('title', 'script-title', 'trans-title')],
      ['url', params.get('url')?.text().trim() || undefined],
      ['archiveUrl', params.get('archive-url')?.text().trim() || params.get('archiveurl')?.text().trim() || undefined],
      ['publisher', field('publisher', 'work', 'website', 'newspaper', 'agency', 'journal', 'magazine')],
      ['date', field('date', 'year')],
    ];
    for (const [key, value] of entries) if (value) citation[key] = value;
    return citation;
  }

  private infoboxFields(token: Token): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const [key, value] of templateParams(token)) {
      const flat = new FlatText();
      for (const c of childrenOf(value)) this.walk(c, flat);
      const text = flat.value();
      if (text) fields[key] = text;
    }
    return fields;
  }

  private converter(token: Token, sink: Sink): void {
    const rules = token.childNodes.filter((c) => c.type === 'converter-rule');
    if (rules.length === 0) return;
    const byVariant = new Map<string, Token>();
    for (const rule of rules) {
      const variant = rule.childNodes.find((c) => c.type === 'converter-rule-variant');
      if (variant) byVariant.set(lower(variant.text()), rule);
    }
    let chosen = rules[0];
    if (byVariant.size > 0) {
      const preferred = resources.variantPreference.find((v) => byVariant.has(v));
      chosen = preferred ? byVariant.get(preferred)! : [...byVariant.values()][0];
    }
    const to = chosen.childNodes.find((c) => c.type === 'converter-rule-to');
    if (to) for (const c of childrenOf(to)) this.walk(c, sink);
  }
}

function findFirst(token: Token, test: (t: Token) => boolean): Token | undefined {
  for (const child of token.childNodes ?? []) {
    if (test(child)) return child;
    const deeper = findFirst(child, test);
    if (deeper) return deeper;
  }
  return undefined;
}

function collectNamedRefs(root: Token, walker: Walker): Map<string, Citation> {
  const refs = new Map<string, Citation>();
  const visit = (token: Token) => {
    for (const child of token.childNodes ?? []) {
      if (child.type === 'ext' && lower(String(child.name ?? '')) === 'ref') {
        const name = child.getAttr?.('name');
        const inner = child.lastChild;
        if (typeof name === 'string' && inner && inner.toString().trim() !== '' && !refs.has(name)) {
          refs.set(name, walker.citationFromContent(inner));
        }
      }
      visit(child);
    }
  };
  visit(root);
  return refs;
}


/** Assembles blocks from the walker's events. */
class BlockAssembler implements Sink {
  readonly blocks: Block[] = [];
  readonly skippedList: Skipped[] = [];
  readonly warnings: ReadResult['warnings'] = [];
  infoboxFields: Record<string, string> | undefined;
  private current: { kind: 'paragraph' | 'listItem'; text: BlockText; line: number } | undefined;
  private newlines = 0;
  private skipping: { kind: Skipped['kind']; level: number; line: number } | undefined;

  private readonly lineOf: (offset: number) => number;
  private readonly walker: Walker;
  private readonly file: string;
  constructor(lineOf: (offset: number) => number, walker: Walker, file: string) {
    this.lineOf = lineOf;
    this.walker = walker;
    this.file = file;
  }

  text(piece: string, index: number): void {
    if (piece.trim() === '') {
      this.current?.text.append(piece);
      return;
    }
    this.newlines = 0;
    if (!this.current) {
      const lead = piece.length - piece.trimStart().length;
      this.current = { kind: 'paragraph', text: new BlockText(), line: this.lineOf(index + lead) };
    }
    this.current.text.append(piece);
  }

  newline(): void {
    this.newlines++;
    if (this.current?.kind === 'listItem' || this.newlines >= 2) this.flush();
    else this.current?.text.append(' ');
  }

  listItem(index: number): void {
    this.flush();
    this.current = { kind: 'listItem', text: new BlockText(), line: this.lineOf(index) };
  }

  cite(citation: Citation): void {
    this.current?.text.cite(citation);
  }

  link(target: string): void {
    this.current?.text.link(target);
  }

  heading(level: number, titleToken: Token, index: number): void {
    this.flush();
    const flat = new FlatText();
    for (const c of childrenOf(titleToken)) this.walker.walk(c, flat);
    const title = flat.value();
    const line = this.lineOf(index);
    if (this.skipping && level <= this.skipping.level) this.skipping = undefined;
    const kind = apparatusKind(title);
    if (kind) this.skipping = { kind, level, line };
    if (this.skipping) {
      this.skippedList.push(skip(this.skipping.kind, line, title));
      return;
    }
    this.blocks.push({ kind: 'heading', level, text: title, section: [], line, links: flat.out.links, citations: [] });
  }

  skipped(kind: Skipped['kind'], index: number, words: string): void {
    // Only stretches standing on their own are worth reporting; inline templates just vanish.
    if (this.current && kind === 'other') return;
    this.skippedList.push(skip(this.skipping && kind === 'other' ? this.skipping.kind : kind, this.lineOf(index), words));
  }

  infobox(fields: Record<string, string>, index: number): void {
    this.flush();
    this.infoboxFields = { ...(this.infoboxFields ?? {}), ...fields };
    this.skippedList.push(skip('infobox', this.lineOf(index), Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(' ') || 'infobox'));
  }

  flush(): void {
    const current = this.current;
    this.current = undefined;
    this.newlines = 0;
    if (!current || current.text.isEmpty()) return;
    let built = current.text.value();
    if (!this.skipping && isMediaBlock(built.text, 'colon')) {
      // What a broken file link leaves (a lone "]]", "thumb|250px|caption") is media, not text.
      this.skippedList.push(skip('media', current.line, built.text));
      return;
    }
    const scrubbed = scrubResidue(built.text);
    if (scrubbed.repaired) {
      this.warnings.push({ file: this.file, line: current.line, message: `unbalanced wiki markup removed from block text: "${firstWords(built.text)}"` });
      built = { ...built, text: scrubbed.text, citations: built.citations.map((c) => ({ ...c, offset: Math.min(c.offset, scrubbed.text.length) })) };
      if (!built.text) return;
    }
    if (this.skipping) {
      this.skippedList.push(skip(this.skipping.kind, current.line, built.text));
      return;
    }
    const media = withoutLeadingFileNames(built);
    if (media.removed) {
      this.skippedList.push(skip('media', current.line, media.removed));
      built = media.built;
    }
    const kind = isDateLikePhrase(built.text) && built.citations.length === 0 ? 'dateLine' : current.kind;
    this.blocks.push({ kind, text: built.text, section: [], line: current.line, links: built.links, citations: built.citations });
  }
}

export function readWikitext(text: string, file: string): ReadResult {
  const source = text.replace(/\r\n?/g, '\n');
  Parser.config = 'zhwiki';
  // The tree is only read: in view-only mode the parser caches each token's text and offset, which
  // it otherwise recomputes from all earlier siblings on every call (the square of a paragraph's
  // tokens for a paragraph of thousands of links or citations).
  const wasViewOnly = Parser.viewOnly;
  Parser.viewOnly = true;
  const assembler = (() => {
    try {
      const root = Parser.parse(source) as unknown as Token;
      const namedRefs = new Map<string, Citation>();
      const walker = new Walker(namedRefs);
      for (const [k, v] of collectNamedRefs(root, walker)) namedRefs.set(k, v);
      const built = new BlockAssembler(lineFinder(source), walker, file);
      for (const child of childrenOf(root)) walker.walk(child, built);
      built.flush();
      return built;
    } finally {
      Parser.viewOnly = wasViewOnly;
    }
  })();
  const infobox = assembler.infoboxFields;
  const title = infobox ? (infobox.name ?? infobox.conflict ?? infobox.title) : undefined;
  return {
    blocks: assignSections(normalizeHeadingLevels(assembler.blocks)),
    skipped: assembler.skippedList,
    warnings: assembler.warnings,
    title,
    infobox,
  };
}
