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
    entry.warnings.unshift(warning);
  }
  return { report: entries, general };
}
