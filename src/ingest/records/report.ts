/**
 * The build report: one entry per source file, so that every problem is found beside the file it
 * concerns. Problems of a file that could not be read at all, and of the manifest, get entries too.
 */
import type { SourceReport, Warning } from '../../schema/records.ts';

export function emptyReport(fields: Pick<SourceReport, 'id' | 'file' | 'title' | 'format' | 'lang'>): SourceReport {
  return { ...fields, paragraphsRead: 0, eventsMade: 0, undated: [], skipped: [], warnings: [] };
}

/**
 * Files' loading problems (truncated line, not UTF-8, empty, binary) go into their file's entry;
 * `isGeneral` picks the warnings about the folder or the manifest, which are returned for the caller.
 */
export function fileWarningsIntoReport(
  report: SourceReport[],
  warnings: Warning[],
  isGeneral: (w: Warning) => boolean,
  idForFile: (file: string) => string,
): { report: SourceReport[]; general: Warning[] } {
  const entries = report.map((r) => ({ ...r, warnings: [...r.warnings] }));
  const byFile = new Map(entries.map((r) => [r.file, r]));
  const general: Warning[] = [];
  const loading = new Map<SourceReport, Warning[]>();
  for (const warning of warnings) {
    if (isGeneral(warning)) {
      general.push(warning);
      continue;
    }
    let entry = byFile.get(warning.file);
    if (!entry) {
      entry = emptyReport({ id: idForFile(warning.file), file: warning.file, title: warning.file, format: 'unknown', lang: 'unknown' });
      byFile.set(warning.file, entry);
      entries.push(entry);
    }
    (loading.get(entry) ?? loading.set(entry, []).get(entry)!).push(warning);
  }
  // A file's loading problems come before what its reader found.
  for (const [entry, first] of loading) entry.warnings = [...first, ...entry.warnings];
  return { report: entries, general };
}

/** Warnings kept for one paragraph; the rest are counted in one more warning. */
export const MAX_WARNINGS_PER_PARAGRAPH = 10;

/**
 * Caps the warnings of each paragraph (warnings of one file and line: every warning about a
 * paragraph names the line it starts on) at `max`, in order, and adds one warning saying how
 * many more there were. A paragraph of 4,000 impossible dates gives 11 warnings, not 4,000.
 */
export function capWarningsPerParagraph(warnings: readonly Warning[], max = MAX_WARNINGS_PER_PARAGRAPH): Warning[] {
  const seen = new Map<string, number>();
  for (const w of warnings) {
    const key = `${w.file}\n${w.line}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  if ([...seen.values()].every((n) => n <= max)) return [...warnings];
  const kept = new Map<string, number>();
  const out: Warning[] = [];
  for (const w of warnings) {
    const key = `${w.file}\n${w.line}`;
    const count = (kept.get(key) ?? 0) + 1;
    kept.set(key, count);
    if (count <= max) out.push(w);
    else if (count === max + 1) out.push({ file: w.file, line: w.line, message: `${seen.get(key)! - max} more warnings about this paragraph, not listed` });
  }
  return out;
}
