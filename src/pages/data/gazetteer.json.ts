/** /data/gazetteer.json: the gazetteer's coverage of the published data (src/lib/gazetteer-report.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../lib/data-dir.ts';
import { gazetteerReport } from '../../lib/gazetteer-report.ts';

export const GET = () => {
  const read = (f: string) => JSON.parse(readFileSync(join(dataDir(), f), 'utf8'));
  const report = gazetteerReport(read('events.json'), read('entities.json'));
  return new Response(`${JSON.stringify(report, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
