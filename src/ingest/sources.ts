/**
 * Loads the source folder: every file except manifest.json and dotfiles, decoded strictly as
 * UTF-8, with its metadata from the manifest where there is an entry and detected otherwise.
 * Bad input never throws: each problem becomes a Warning naming file and line, and that source is
 * skipped (empty, binary, not UTF-8) or built partially (over-long lines truncated).
 */
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

function readManifest(dir: string, warnings: Warning[]): { entries: Map<string, ManifestEntry>; lineOf: (file: string) => number } {
  const entries = new Map<string, ManifestEntry>();
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return { entries, lineOf: () => 1 };
  const raw = readFileSync(path, 'utf8');
  const lineOf = (file: string) => {
    const at = raw.indexOf(JSON.stringify(file));
    return at < 0 ? 1 : raw.slice(0, at).split('\n').length;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    warnings.push({ file: MANIFEST, line: 1, message: `manifest is not valid JSON (${error instanceof Error ? error.message : error}); sources are described from their text` });
    return { entries, lineOf };
  }
  if (!Array.isArray(parsed)) {
    warnings.push({ file: MANIFEST, line: 1, message: 'manifest is not an array of source entries; ignored' });
    return { entries, lineOf };
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

/** Decodes a file's bytes, or explains why it cannot be a text source. */
export function decodeSource(bytes: Uint8Array, file: string): { text?: string; warning?: Warning } {
  if (bytes.length === 0) return { warning: { file, line: 1, message: 'empty file; skipped' } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { warning: { file, line: lineOfByte(bytes, nul), message: 'binary file (contains NUL bytes); skipped' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { warning: { file, line: lineOfByte(bytes, at), message: `not valid UTF-8 (first bad byte at offset ${at}); skipped` } };
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { warning: { file, line: 1, message: 'file contains only whitespace; skipped' } };
  return { text };
}

/** Manifest values win; what the manifest leaves out (or gets invalid) is detected from the text. */
function buildMeta(file: string, text: string, entry: ManifestEntry | undefined, line: number, warnings: Warning[]): SourceMeta {
  const detected: SourceMeta = {
    id: slugFromFileName(file),
    file,
    title: titleFromText(text) || file,
    lang: detectLang(text),
    format: detectFormat(text),
  };
  if (!entry) return detected;
  const merged = { ...detected, ...entry, file };
  if (typeof entry.lang === 'string') merged.lang = canonicalLang(entry.lang, detected.lang);
  const checked = SourceMeta.safeParse(merged);
  if (checked.success) return checked.data;
  const repaired: Record<string, unknown> = { ...merged };
  for (const issue of checked.error.issues) {
    const key = String(issue.path[0]);
    warnings.push({ file: MANIFEST, line, message: `entry for ${file}: invalid ${key} (${issue.message}); using ${key in detected ? 'the detected value' : 'nothing'}` });
    if (key in detected) repaired[key] = detected[key as keyof SourceMeta];
    else delete repaired[key];
  }
  const again = SourceMeta.safeParse(repaired);
  return again.success ? again.data : detected;
}

export function loadSources(dir: string): { sources: LoadedSource[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  if (!existsSync(dir)) return { sources: [], warnings: [{ file: dir, line: 1, message: 'source folder does not exist' }] };
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.') && d.name !== MANIFEST)
    .map((d) => d.name)
    .sort();
  const manifest = readManifest(dir, warnings);
  for (const name of manifest.entries.keys()) {
    if (!files.includes(name)) warnings.push({ file: MANIFEST, line: manifest.lineOf(name), message: `manifest entry names ${name}, which is not in the source folder` });
  }
  const sources: LoadedSource[] = [];
  const ids = new Set<string>();
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
    const guarded = truncateLongLines(decoded.text, file);
    warnings.push(...guarded.warnings);
    const meta = buildMeta(file, guarded.text, manifest.entries.get(file), manifest.lineOf(file), warnings);
    if (ids.has(meta.id)) {
      warnings.push({ file, line: 1, message: `duplicate source id ${meta.id}; using ${slugFromFileName(file)}` });
      meta.id = slugFromFileName(file);
    }
    ids.add(meta.id);
    sources.push({ meta, text: guarded.text });
  }
  return { sources, warnings };
}
