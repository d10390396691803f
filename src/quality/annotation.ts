/**
 * Scores built events against the independent hand annotation in tests/expectations/: how many
 * annotated passages became an event with exactly the right dates, and how many of the places and
 * groups named in them are on that event.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRecord } from '../schema/records.ts';

export interface AnnotatedPassage {
  file: string;
  snippet: string;
  line: number;
  start: string;
  end: string;
  precision: string;
  places: string[];
  groups: string[];
  note?: string;
}

export function loadAnnotations(dir: string, sourceFiles: string[]): AnnotatedPassage[] {
  const byPrefix = new Map(sourceFiles.map((f) => [f.split('_')[0]!, f]));
  return readdirSync(dir)
    .filter((f) => /^annotation-\w+\.json$/.test(f))
    .sort()
    .flatMap((f) => {
      const prefix = /^annotation-(\w+)\.json$/.exec(f)![1]!;
      const file = byPrefix.get(prefix);
      if (!file) throw new Error(`${f}: no source file starts with ${prefix}_`);
      const passages = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<AnnotatedPassage, 'file'>[];
      return passages.map((p) => ({ ...p, file }));
    });
}

/** The event that holds a passage: same file, text containing the snippet. */
export function eventFor(events: EventRecord[], passage: Pick<AnnotatedPassage, 'file' | 'snippet'>): EventRecord | undefined {
  // A snippet copied with the punctuation that ends the clause before it ("，15日又…") is matched
  // without it: where a passage starts is the segmenter's to say, the comma belongs to neither.
  const snippet = passage.snippet.replace(/^[\s，,、；;。.]+|[\s，,、；;]+$/gu, '');
  return events.find((e) => e.source.file === passage.file && e.text.includes(snippet));
}

export interface DateScore {
  total: number;
  found: number;
  exact: number;
  misses: { passage: AnnotatedPassage; got?: { start: string; end: string; expression: string } }[];
}

export function scoreDates(events: EventRecord[], passages: AnnotatedPassage[]): DateScore {
  const misses: DateScore['misses'] = [];
  let found = 0;
  let exact = 0;
  for (const passage of passages) {
    const event = eventFor(events, passage);
    if (event) found++;
    if (event && event.date.start === passage.start && event.date.end === passage.end) exact++;
    else misses.push({ passage, got: event && { start: event.date.start, end: event.date.end, expression: event.date.expression } });
  }
  return { total: passages.length, found, exact, misses };
}

export interface EntityScore {
  named: number;
  tagged: number;
  misses: { file: string; line: number; snippet: string; kind: 'place' | 'group'; name: string; id?: string }[];
}

/**
 * Recall of annotated names: each name is resolved to an entity id by `resolve` (undefined when the
 * gazetteer has no such entity, which counts as a miss).
 */
export function scoreEntities(
  events: EventRecord[],
  passages: AnnotatedPassage[],
  resolve: (name: string, kind: 'place' | 'group') => string | undefined,
): { places: EntityScore; groups: EntityScore } {
  const score = (kind: 'place' | 'group'): EntityScore => {
    const result: EntityScore = { named: 0, tagged: 0, misses: [] };
    for (const passage of passages) {
      const event = eventFor(events, passage);
      for (const name of kind === 'place' ? passage.places : passage.groups) {
        result.named++;
        const id = resolve(name, kind);
        const tags = event ? (kind === 'place' ? event.places : event.groups) : [];
        if (id && tags.includes(id)) result.tagged++;
        else result.misses.push({ file: passage.file, line: passage.line, snippet: passage.snippet, kind, name, id });
      }
    }
    return result;
  };
  return { places: score('place'), groups: score('group') };
}
