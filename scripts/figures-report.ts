/**
 * What the types and figures stages made of each source: figures by kind, events by type, and
 * (with --verbose, or --source <id>) every figure with its words, for eyeballing.
 *
 *   npx tsx scripts/figures-report.ts [--verbose] [--source <id>]
 *
 * Reads the ingest's output (DAYLINE_DATA_DIR, default .dayline/data); run `npm run ingest` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../src/lib/data-dir.ts';
import { fatalities } from '../src/ingest/figures/fatalities.ts';
import type { EventRecord } from '../src/schema/records.ts';

export function figuresReport(events: EventRecord[], opts: { verbose?: boolean; source?: string } = {}): string {
  const lines: string[] = [];
  const sources = [...new Set(events.map((e) => e.source.id))];
  const kinds = ['killed', 'wounded', 'captured', 'executed', 'missing'] as const;
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  lines.push(`${'source'.padEnd(32)} ${pad('events', 6)} ${pad('w/fig', 6)} ${pad('figs', 5)} ${kinds.map((k) => pad(k.slice(0, 8), 8)).join(' ')} ${pad('vague', 5)} ${pad('dead', 12)}`);
  for (const id of sources) {
    const list = events.filter((e) => e.source.id === id);
    const figs = list.flatMap((e) => e.figures);
    const dead = list.map((e) => fatalities(e.figures)).filter((d) => d !== null);
    const low = dead.reduce((s, d) => s + d.low, 0);
    const high = dead.reduce((s, d) => s + d.high, 0);
    lines.push(
      `${id.slice(0, 32).padEnd(32)} ${pad(list.length, 6)} ${pad(list.filter((e) => e.figures.length).length, 6)} ${pad(figs.length, 5)} ${kinds.map((k) => pad(figs.filter((f) => f.kind === k).length, 8)).join(' ')} ${pad(figs.filter((f) => f.vague).length, 5)} ${pad(`${low}–${high}`, 12)}`,
    );
  }
  lines.push('', 'events by type (type / sub-type: count per source)');
  const keys = [...new Set(events.map((e) => `${e.type}${e.subtype ? ` / ${e.subtype}` : ''}`))].sort();
  lines.push(`${''.padEnd(58)} ${sources.map((s) => pad(s.slice(0, 10), 10)).join(' ')}`);
  for (const key of keys) {
    const row = sources.map((s) => events.filter((e) => e.source.id === s && `${e.type}${e.subtype ? ` / ${e.subtype}` : ''}` === key).length);
    lines.push(`${key.slice(0, 58).padEnd(58)} ${row.map((n) => pad(n || '.', 10)).join(' ')}`);
  }
  const noAct = events.filter((e) => e.acts.length === 0).length;
  lines.push('', `events with no act found (fallback type): ${noAct} of ${events.length}`);
  if (opts.verbose || opts.source) {
    for (const e of events) {
      if (opts.source && e.source.id !== opts.source) continue;
      if (!e.figures.length) continue;
      lines.push('', `${e.source.id} line ${e.source.line} ${e.date.start} [${e.type}${e.subtype ? `/${e.subtype}` : ''}] ${e.text.slice(0, 70).replace(/\s+/g, ' ')}…`);
      e.figures.forEach((f, i) => {
        const bounds = f.vague ? 'vague' : `${f.low ?? '?'}–${f.high ?? '?'}`;
        const flags = [f.orKind && `or ${f.orKind}`, f.partOf !== undefined && `part of ${f.partOf}`, f.alternative && 'another account', f.cumulative && 'running total'].filter(Boolean).join(', ');
        lines.push(`  ${i} ${f.kind.padEnd(8)} ${bounds.padEnd(10)} ${f.who.padEnd(22)} ${(f.reporter ?? '').padEnd(14)} “${f.text}”${flags ? `  (${flags})` : ''}`);
      });
    }
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const events = JSON.parse(readFileSync(join(dataDir(), 'events.json'), 'utf8')) as EventRecord[];
  const i = process.argv.indexOf('--source');
  console.log(figuresReport(events, { verbose: process.argv.includes('--verbose'), source: i > 0 ? process.argv[i + 1] : undefined }));
}
