/**
 * One entry point for reading a source: guards against over-long lines, then dispatches on the
 * source's format. Never throws: a reader that fails leaves a warning and an empty result.
 */
import type { SourceMeta } from '../../schema/records.ts';
import type { ReadResult, Reader } from '../blocks.ts';
import { truncateLongLines } from '../longLines.ts';
import { readBlog } from './blog.ts';
import { readMarkdown } from './markdown.ts';
import { readPlaintext } from './plaintext.ts';
import { readWikitext } from './wikitext.ts';

export const READERS: Record<SourceMeta['format'], Reader> = {
  wikitext: readWikitext,
  markdown: readMarkdown,
  plaintext: readPlaintext,
  blog: readBlog,
};

export function readSource(meta: Pick<SourceMeta, 'file' | 'format'>, text: string): ReadResult {
  const guarded = truncateLongLines(text, meta.file);
  const reader = READERS[meta.format] ?? readPlaintext;
  try {
    const result = reader(guarded.text, meta.file);
    return { ...result, warnings: [...guarded.warnings, ...result.warnings] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { blocks: [], skipped: [], warnings: [...guarded.warnings, { file: meta.file, line: 1, message: `${meta.format} reader failed: ${message}` }] };
  }
}

export { readBlog, readMarkdown, readPlaintext, readWikitext };
