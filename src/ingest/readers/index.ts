/**
 * One entry point for reading a source: guards against over-long lines and against markup nested
 * too deep to parse (./nesting.ts: that stretch is read as plain text), then dispatches on the
 * source's format. Never throws and never drops a file: a reader that fails leaves a warning and
 * the file is read as plain text instead.
 */
import type { SourceMeta } from '../../schema/records.ts';
import type { ReadResult, Reader } from '../blocks.ts';
import { truncateLongLines } from '../longLines.ts';
import { readBlog } from './blog.ts';
import { readMarkdown } from './markdown.ts';
import { blankRegions, deepMarkdownRegions, deepWikitextRegions, mergeByLine, readRegionsAsText } from './nesting.ts';
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
  const nested = meta.format === 'wikitext' || meta.format === 'markdown' ? meta.format : undefined;
  // Offsets are the reader's own: line breaks normalised first, as every reader does.
  const source = nested ? guarded.text.replace(/\r\n?/g, '\n') : guarded.text;
  const regions = nested === 'wikitext' ? deepWikitextRegions(source) : nested === 'markdown' ? deepMarkdownRegions(source) : [];
  try {
    const result = reader(blankRegions(source, regions), meta.file);
    if (regions.length === 0) return { ...result, warnings: [...guarded.warnings, ...result.warnings] };
    const asText = readRegionsAsText(source, regions, nested!, meta.file);
    return { ...result, blocks: mergeByLine(result.blocks, asText.blocks), warnings: [...guarded.warnings, ...asText.warnings, ...result.warnings] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = { file: meta.file, line: 1, message: `${meta.format} reader failed (${message}); the whole file was read as plain text` };
    try {
      const fallback = readPlaintext(source, meta.file);
      return { ...fallback, warnings: [...guarded.warnings, failed, ...fallback.warnings] };
    } catch (again) {
      const why = again instanceof Error ? again.message : String(again);
      return { blocks: [], skipped: [], warnings: [...guarded.warnings, { ...failed, message: `${meta.format} reader failed (${message}), and so did reading it as plain text (${why})` }] };
    }
  }
}

export { readBlog, readMarkdown, readPlaintext, readWikitext };
