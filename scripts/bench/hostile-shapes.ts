/**
 * Hostile input shapes for the benchmark: each one a source (or a folder of sources) built to
 * expose a cost that grows faster than the input. `make(factor)` writes the shape at `factor`
 * times its base size; every shape's bytes grow in proportion to the factor, so a stage that is
 * linear in its input takes about twice as long per doubling.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManifestEntry {
  id: string;
  file: string;
  title: string;
  lang: 'en' | 'zh-Hans';
  format: 'wikitext' | 'markdown' | 'plaintext' | 'blog';
}

export interface HostileShape {
  name: string;
  /** What the shape is, at 1x. */
  description: string;
  /** Writes the shape at `factor` x its base size into `dir` (an empty folder). */
  make(dir: string, factor: number): void;
}

const CYCLE = 28;
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function writeSource(dir: string, entry: ManifestEntry, text: string, manifest: ManifestEntry[] = [entry]): void {
  writeFileSync(join(dir, entry.file), text);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}

const entry = (file: string, lang: ManifestEntry['lang'], format: ManifestEntry['format']): ManifestEntry => ({
  id: file.replace(/\.[^.]+$/, ''),
  file,
  title: `Hostile shape ${file}`,
  lang,
  format,
});

/** A day of 2014 that changes from one sentence to the next (so every sentence starts a passage). */
const dayOf = (i: number) => ({ day: (i % CYCLE) + 1, month: Math.floor(i / CYCLE) % 12 });

export const SHAPES: HostileShape[] = [
  {
    name: 'zh-day-lines',
    description: '10 lines of 1月1日 x 3,000 (x 12,000 at 4x: lines just under the 50,000-character guard)',
    make(dir, factor) {
      const line = '1月1日'.repeat(Math.round(3_000 * factor));
      writeSource(dir, entry('zh-day-lines.txt', 'zh-Hans', 'plaintext'), `叙利亚内战\n\n2014年1月1日，反对派发动进攻。\n\n${Array(10).fill(line).join('\n')}\n`);
    },
  },
  {
    name: 'zh-day-paragraph',
    description: 'one wikitext paragraph of 1月1日 x 25,000 (10 lines, each under the line guard)',
    make(dir, factor) {
      const line = '1月1日'.repeat(Math.round(2_500 * factor));
      writeSource(dir, entry('zh-day-paragraph.txt', 'zh-Hans', 'wikitext'), `== 2014年 ==\n2014年1月1日，反对派发动进攻。\n\n${Array(10).fill(line).join('\n')}\n`);
    },
  },
  {
    name: 'zh-year-run',
    description: '2014年 x 2,000 in one line',
    make(dir, factor) {
      writeSource(dir, entry('zh-year-run.txt', 'zh-Hans', 'plaintext'), `叙利亚内战\n\n${'2014年'.repeat(Math.round(2_000 * factor))}\n`);
    },
  },
  {
    name: 'en-day-sentences',
    description: 'one wikitext paragraph of 1,000 sentences, each on its own line and dated a new day',
    make(dir, factor) {
      const n = Math.round(1_000 * factor);
      const lines = Array.from({ length: n }, (_, i) => {
        const { day, month } = dayOf(i);
        return `On ${day} ${EN_MONTHS[month]} 2014, rebels advanced on the town.`;
      });
      writeSource(dir, entry('en-day-sentences.txt', 'en', 'wikitext'), `== 2014 ==\n${lines.join('\n')}\n`);
    },
  },
  {
    name: 'zh-day-sentences',
    description: 'one wikitext paragraph of 1,000 Chinese sentences, each dated a new day',
    make(dir, factor) {
      const n = Math.round(1_000 * factor);
      const lines = Array.from({ length: n }, (_, i) => {
        const { day, month } = dayOf(i);
        return `${month + 1}月${day}日，反对派向镇上推进。`;
      });
      writeSource(dir, entry('zh-day-sentences.txt', 'zh-Hans', 'wikitext'), `== 2014年 ==\n${lines.join('\n')}\n`);
    },
  },
  {
    name: 'many-paragraphs',
    description: '5,000 dated paragraphs in one source',
    make(dir, factor) {
      const n = Math.round(5_000 * factor);
      const paragraphs = Array.from({ length: n }, (_, i) => {
        const { day, month } = dayOf(i);
        return `On ${day} ${EN_MONTHS[month]} 2014, rebels advanced on the town near the river.`;
      });
      writeSource(dir, entry('many-paragraphs.txt', 'en', 'plaintext'), `Chronology\n\n${paragraphs.join('\n\n')}\n`);
    },
  },
  {
    name: 'many-citations',
    description: 'one wikitext paragraph of 1,000 dated sentences, each with a <ref> citation',
    make(dir, factor) {
      const n = Math.round(1_000 * factor);
      const lines = Array.from({ length: n }, (_, i) => {
        const { day, month } = dayOf(i);
        return `On ${day} ${EN_MONTHS[month]} 2014, rebels advanced.<ref>{{cite web|title=Report ${i}|url=https://example.org/${i}}}</ref>`;
      });
      writeSource(dir, entry('many-citations.txt', 'en', 'wikitext'), `== 2014 ==\n${lines.join('\n')}\n`);
    },
  },
  {
    name: 'many-links',
    description: 'one wikitext paragraph of 1,000 dated sentences, each linking a different article',
    make(dir, factor) {
      const n = Math.round(1_000 * factor);
      const lines = Array.from({ length: n }, (_, i) => {
        const { day, month } = dayOf(i);
        return `On ${day} ${EN_MONTHS[month]} 2014, rebels advanced on [[Village ${i}]].`;
      });
      writeSource(dir, entry('many-links.txt', 'en', 'wikitext'), `== 2014 ==\n${lines.join('\n')}\n`);
    },
  },
  {
    name: 'impossible-dates',
    description: 'one paragraph of 2014年2月30日， x 1,000 (a warning each)',
    make(dir, factor) {
      writeSource(dir, entry('impossible-dates.txt', 'zh-Hans', 'plaintext'), `叙利亚内战\n\n${'2014年2月30日，'.repeat(Math.round(1_000 * factor))}\n`);
    },
  },
  {
    name: 'nested-templates',
    description: '750 nested templates, then a dated paragraph (3,000 at 4x)',
    make(dir, factor) {
      const n = Math.round(750 * factor);
      writeSource(dir, entry('nested-templates.txt', 'en', 'wikitext'), `${'{{a|'.repeat(n)}x${'}}'.repeat(n)}\n\nOn 5 January 2014, rebels took the town.\n`);
    },
  },
  {
    name: 'nested-lists',
    description: '625 Markdown list levels on one line, then a dated paragraph (2,500 at 4x)',
    make(dir, factor) {
      const n = Math.round(625 * factor);
      writeSource(dir, entry('nested-lists.md', 'en', 'markdown'), `# Chronology\n\n${'- '.repeat(n)}On 4 January 2014, rebels advanced.\n\nOn 5 January 2014, rebels took the town.\n`);
    },
  },
  {
    name: 'indented-lists',
    // Each level indents two more spaces, so the bytes grow with the square of the depth: the
    // depth grows with the square root of the factor to keep the bytes proportional to it.
    description: 'Markdown list items each indented one level deeper: 180 levels (32 KB; bytes x factor)',
    make(dir, factor) {
      const levels = Math.round(180 * Math.sqrt(factor));
      const items = Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item ${i}`);
      writeSource(dir, entry('indented-lists.md', 'en', 'markdown'), `# Chronology\n\n${items.join('\n')}\n\nOn 5 January 2014, rebels took the town.\n`);
    },
  },
  {
    name: 'many-sources',
    description: '200 small sources, each with a manifest entry',
    make(dir, factor) {
      const n = Math.round(200 * factor);
      const manifest: ManifestEntry[] = [];
      for (let i = 0; i < n; i++) {
        const e = entry(`s${String(i).padStart(5, '0')}.txt`, 'en', 'plaintext');
        manifest.push(e);
        const { day, month } = dayOf(i);
        writeFileSync(join(dir, e.file), `Source ${i}\n\nOn ${day} ${EN_MONTHS[month]} 2014, rebels advanced on the town.\n`);
      }
      writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    },
  },
];
