/**
 * Loads the source folder: every file except manifest.json and dotfiles, decoded strictly as
 * UTF-8 (or UTF-16 when it starts with a byte-order mark), with its metadata from the manifest
 * where there is an entry and detected otherwise. A bad source never throws: each problem becomes
 * a Warning naming file and line, and that source is skipped (empty, binary, not UTF-8, the same
 * text as another source) or built partially (over-long lines truncated, stray control characters
 * such as NUL removed). Distinct files always get distinct source ids.
 *
 * A manifest that is not valid JSON stops the build (ManifestError, with line and column): the
 * manifest gives the sources their ids, and every event id and URL derives from them, so building
 * without it would silently move every published link.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMeta, type Warning } from '../schema/records.ts';
import { canonicalLang, detectFormat, detectLang } from './detect.ts';
import { truncateLongLines } from './longLines.ts';
import { isBoilerplateLine, tableCells } from './readers/plaintext.ts';

export interface LoadedSource {
  meta: SourceMeta;
  text: string;
}

export const MANIFEST = 'manifest.json';
const MAX_TITLE_CHARS = 120;

/** A URL-safe id from a file name: `000_abc.txt` -> `000-abc`; non-Latin names fall back to a hash. */
export function slugFromFileName(file: string): string {
  const base = file.replace(/\.[^.]+$/, '');
  const slug = base
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug) return slug;
  let hash = 0;
  for (const ch of file) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `source-${hash.toString(36)}`;
}

/** The title a file gives itself: its first Markdown heading, else its first meaningful line, markup stripped. */
export function titleFromText(text: string): string {
  const heading = /^#[ \t]+(.+)$/m.exec(text.slice(0, 100_000));
  if (heading) return heading[1].trim().slice(0, MAX_TITLE_CHARS);
  for (const raw of text.slice(0, 100_000).split('\n')) {
    const line = raw.trim();
    if (!line || isBoilerplateLine(line) || /^(\{\{|\}\}|\||<!--|>)/.test(line)) continue;
    const clean = (line.includes('|') ? tableCells(line)[0] ?? line : line)
      .replace(/^=+|=+$/g, '')
      .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
      .replace(/[*_#`]+/g, '')
      .trim();
    if (clean) return clean.slice(0, MAX_TITLE_CHARS);
  }
  return '';
}

/** A manifest that cannot be read as the list of sources: the build stops here. */
export class ManifestError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.name = 'ManifestError';
  }
}

/** 1-based line of the byte offset in a buffer. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, for pointing a warning at the right line. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

type ManifestEntry = Partial<SourceMeta> & { file: string };

/** 1-based line and column of a UTF-16 offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where JSON.parse gave up: V8 names the position ("at position 812"), or it ran off the end. */
function jsonErrorOffset(raw: string, message: string): number {
  const at = /at position (\d+)/.exec(message);
  if (at) return Math.min(Number(at[1]), raw.length);
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) {
    let offset = 0;
    for (let line = 1; line < Number(lc[1]); line++) offset = raw.indexOf('\n', offset) + 1;
    return offset + Number(lc[2]) - 1;
  }
  return raw.trimEnd().length;
}

function readManifest(dir: string, warnings: Warning[]): { entries: Map<string, ManifestEntry>; lineOf: (file: string) => number } {
  const entries = new Map<string, ManifestEntry>();
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return { entries, lineOf: () => 1 };
  const raw = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  // Lines of every "file": "…" pair, found in one pass (a manifest of thousands of entries).
  const lines = new Map<string, number>();
  let line = 1;
  let counted = 0;
  for (const m of raw.matchAll(/"file"\s*:\s*("(?:[^"\\\n]|\\.)*")/g)) {
    for (let i = raw.indexOf('\n', counted); i >= 0 && i < m.index!; i = raw.indexOf('\n', i + 1)) line++;
    counted = m.index!;
    try {
      const name = JSON.parse(m[1]!) as string;
      if (!lines.has(name)) lines.set(name, line);
    } catch {
      // Not a string JSON can read: JSON.parse below says where.
    }
  }
  const lineOf = (file: string) => lines.get(file) ?? 1;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = lineAndColumn(raw, jsonErrorOffset(raw, message));
    throw new ManifestError(MANIFEST, at.line, at.column, `not valid JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')}); fix it: every source's id, and so every event id and URL, comes from it`);
  }
  if (!Array.isArray(parsed)) {
    const at = lineAndColumn(raw, raw.length - raw.trimStart().length);
    throw new ManifestError(MANIFEST, at.line, at.column, 'not an array of source entries ([{ "file": …, "id": … }, …])');
  }
  for (const entry of parsed) {
    if (!entry || typeof entry !== 'object' || typeof (entry as ManifestEntry).file !== 'string') {
      warnings.push({ file: MANIFEST, line: 1, message: 'manifest entry without a "file" name ignored' });
      continue;
    }
    entries.set((entry as ManifestEntry).file, entry as ManifestEntry);
  }
  return { entries, lineOf };
}

/** C0 control characters that are not text layout (tab, line feed, form feed, carriage return, vertical tab). */
const isControlByte = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d;
/** A file with more control bytes than this share is binary, not text with a stray NUL. */
const MAX_CONTROL_SHARE = 0.02;

/** Removes stray control characters (NUL …) from decoded text, saying how many and where the first was. */
function withoutControls(text: string, file: string): { text: string; warning?: Warning } {
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u0008\u000e-\u001f]/g;
  const first = text.search(controls);
  if (first < 0) return { text };
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) line++;
  const count = text.match(controls)!.length;
  const nul = text.includes('\u0000');
  const what = count === 1 ? (nul ? 'a NUL byte' : 'a control character') : `${count} control characters${nul ? ' (NUL bytes among them)' : ''}`;
  return { text: text.replace(controls, ''), warning: { file, line, message: `${what} removed; the first was on this line` } };
}

/** Decodes a file's bytes, or explains why it cannot be a text source. */
export function decodeSource(bytes: Uint8Array, file: string): { text?: string; warning?: Warning } {
  if (bytes.length === 0) return { warning: { file, line: 1, message: 'empty file; skipped' } };
  let text: string;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return { warning: { file, line: 1, message: `starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()}; skipped` } };
    }
  } else {
    let controls = 0;
    let firstControl = -1;
    for (let i = 0; i < bytes.length; i++) {
      if (!isControlByte(bytes[i]!)) continue;
      controls++;
      if (firstControl < 0) firstControl = i;
    }
    if (controls > 0 && controls / bytes.length > MAX_CONTROL_SHARE) {
      const nul = bytes.indexOf(0);
      return { warning: { file, line: lineOfByte(bytes, nul >= 0 ? nul : firstControl), message: `binary file (${nul >= 0 ? 'NUL bytes' : 'control characters'} throughout); skipped` } };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      return { warning: { file, line: lineOfByte(bytes, at), message: `not valid UTF-8 (first bad byte at offset ${at}); skipped` } };
    }
  }
  text = text.replace(/^\uFEFF/, '');
  const cleaned = withoutControls(text, file);
  text = cleaned.text;
  if (text.trim() === '') return { warning: { file, line: 1, message: `file contains only whitespace${cleaned.warning ? ' and control characters' : ''}; skipped` } };
  return { text, ...(cleaned.warning ? { warning: cleaned.warning } : {}) };
}

/** Manifest values win; what the manifest leaves out (or gets invalid) is detected from the text. */
function buildMeta(file: string, text: string, entry: ManifestEntry | undefined, line: number, warnings: Warning[]): SourceMeta {
  let full: SourceMeta | undefined;
  const detect = (): SourceMeta =>
    (full ??= { id: slugFromFileName(file), file, title: titleFromText(text) || file, lang: detectLang(text), format: detectFormat(text) });
  if (!entry) return detect();
  // Detection reads the whole text: run it only for what the manifest leaves out. A value the
  // manifest gives stands in for now (the spread below overwrites it; repairs detect for real).
  const given = (key: keyof SourceMeta) => Object.hasOwn(entry, key);
  const detected: SourceMeta = {
    id: slugFromFileName(file),
    file,
    title: given('title') ? '' : titleFromText(text) || file,
    lang: given('lang') ? 'en' : detectLang(text),
    format: given('format') ? 'plaintext' : detectFormat(text),
  };
  const merged = { ...detected, ...entry, file };
  if (typeof entry.lang === 'string') merged.lang = canonicalLang(entry.lang, detected.lang);
  const checked = SourceMeta.safeParse(merged);
  if (checked.success) return checked.data;
  const repaired: Record<string, unknown> = { ...merged };
  for (const issue of checked.error.issues) {
    const key = String(issue.path[0]);
    warnings.push({ file: MANIFEST, line, message: `entry for ${file}: invalid ${key} (${issue.message}); using ${key in detected ? 'the detected value' : 'nothing'}` });
    if (key in detected) repaired[key] = detect()[key as keyof SourceMeta];
    else delete repaired[key];
  }
  const again = SourceMeta.safeParse(repaired);
  return again.success ? again.data : detect();
}

/** A short, stable digest of a string (file names, contents). */
const digest = (value: string | Uint8Array, length = 6) => createHash('sha256').update(value).digest('hex').slice(0, length);

/**
 * Gives every source a distinct id. Where several files claim one id (`a b.txt` and `a-b.txt`
 * both slug to `a-b`, or two manifest entries name the same id), the id stays with the file whose
 * own name is that id (else the first file by name), and each other file gets the id followed by
 * a digest of its file name: stable across rebuilds, whatever else is in the folder.
 */
export function distinctIds(metas: SourceMeta[], warnings: Warning[]): void {
  const byId = new Map<string, SourceMeta[]>();
  for (const meta of metas) byId.set(meta.id, [...(byId.get(meta.id) ?? []), meta]);
  const taken = new Set(byId.keys());
  for (const [id, claimants] of byId) {
    if (claimants.length < 2) continue;
    const owner = claimants.find((m) => m.file.replace(/\.[^.]+$/, '') === id) ?? claimants[0]!;
    for (const meta of claimants) {
      if (meta === owner) continue;
      let unique = `${id}-${digest(meta.file)}`;
      for (let n = 2; taken.has(unique); n++) unique = `${id}-${digest(meta.file)}-${n}`;
      taken.add(unique);
      warnings.push({ file: meta.file, line: 1, message: `source id ${id} is also the id of ${owner.file}; this source is ${unique}` });
      meta.id = unique;
    }
  }
}

/** The report id of a file that was not loaded (empty, binary, a duplicate): never one a loaded source has. */
export function reportIdForFile(file: string, loadedIds: ReadonlySet<string>): string {
  const slug = slugFromFileName(file);
  return loadedIds.has(slug) ? `${slug}-${digest(file)}` : slug;
}

export function loadSources(dir: string): { sources: LoadedSource[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  if (!existsSync(dir)) return { sources: [], warnings: [{ file: dir, line: 1, message: 'source folder does not exist' }] };
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.') && d.name !== MANIFEST)
    .map((d) => d.name)
    .sort();
  const manifest = readManifest(dir, warnings);
  const present = new Set(files);
  for (const name of manifest.entries.keys()) {
    if (!present.has(name)) warnings.push({ file: MANIFEST, line: manifest.lineOf(name), message: `manifest entry names ${name}, which is not in the source folder` });
  }
  const sources: LoadedSource[] = [];
  // Identical texts are one source: the first file (by name) is published, the others reported.
  const byContent = new Map<string, string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(dir, file));
    } catch (error) {
      warnings.push({ file, line: 1, message: `cannot read file: ${error instanceof Error ? error.message : error}` });
      continue;
    }
    const decoded = decodeSource(bytes, file);
    if (decoded.warning) warnings.push(decoded.warning);
    if (decoded.text === undefined) continue;
    const contentKey = createHash('sha256').update(decoded.text).digest('hex');
    const same = byContent.get(contentKey);
    if (same !== undefined) {
      warnings.push({ file, line: 1, message: `the same text as ${same}; published once, as ${same}` });
      continue;
    }
    byContent.set(contentKey, file);
    const guarded = truncateLongLines(decoded.text, file);
    warnings.push(...guarded.warnings);
    const meta = buildMeta(file, guarded.text, manifest.entries.get(file), manifest.lineOf(file), warnings);
    sources.push({ meta, text: guarded.text });
  }
  distinctIds(
    sources.map((s) => s.meta),
    warnings,
  );
  return { sources, warnings };
}
