/**
 * Guards the readers against pathological input: a line longer than any real paragraph (a 10 MB
 * single line, a minified blob) is truncated with a warning naming file:line, so no parser or
 * regex downstream ever sees it whole.
 */
import type { Warning } from '../schema/records.ts';

/** Far above any real paragraph (the longest in the corpus is a few thousand characters). */
export const MAX_LINE_CHARS = 50_000;

export function truncateLongLines(text: string, file: string, maxChars = MAX_LINE_CHARS): { text: string; warnings: Warning[] } {
  const warnings: Warning[] = [];
  if (text.length <= maxChars) return { text, warnings };
  const out: string[] = [];
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lineNo++;
    if (stop - start > maxChars) {
      out.push(text.slice(start, start + maxChars));
      warnings.push({ file, line: lineNo, message: `line of ${stop - start} characters truncated to ${maxChars}` });
    } else {
      out.push(text.slice(start, stop));
    }
    if (end < 0) break;
    start = end + 1;
  }
  return { text: out.join('\n'), warnings };
}
