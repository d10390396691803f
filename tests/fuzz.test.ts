/**
 * Property-based fuzzing (fast-check) of the readers and the date finder: random markup and random
 * dates never make them throw, and a dated paragraph standing among random markup always ends as
 * an event with its date. The finder is read only through findDateMentions(text, lang) and the
 * start, end and expression of its mentions. Runs are reproducible: FAST_CHECK_SEED picks another seed, and a
 * failure prints the seed and the smallest input that breaks the property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../src/ingest/dates/index.ts';
import { loadGazetteer } from '../src/ingest/entities/index.ts';
import { ingestSource } from '../src/ingest/pipeline.ts';
import { readSource } from '../src/ingest/readers/index.ts';
import type { SourceMeta } from '../src/schema/records.ts';

const SEED = Number(process.env.FAST_CHECK_SEED ?? 16_2026);
const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 120);
const FORMATS = ['wikitext', 'markdown', 'plaintext', 'blog'] as const;
type Format = (typeof FORMATS)[number];

// ---------- random markup ----------

/** Any text at all, markup characters and odd code points weighted in. */
const soup = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 3, arbitrary: fc.constantFrom('{{', '}}', '[[', ']]', '|', "'''", "''", '<ref>', '</ref>', '<ref name="a"/>', '-{', '}-', '{|', '|}', '==', '\n', '\n\n', '* ', '# ', '> ', '- ', '1. ', '**', '`', '```', '<!--', '-->', '<div>', '</div>', '\\[3\\]', '[12]', '](http://x)', '&nbsp;', '\u0000', '\u200b', '\ufeff', '\r') },
      { weight: 1, arbitrary: fc.constantFrom('5 March 2014', '2014年3月5日', '3月', 'the following day', '次日', 'May', '1944', '31 April', '2月30日') },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const WORDS = ['rebels', 'advanced', 'town', 'Aleppo', 'the', 'fighters', 'road', 'north', '反对派', '阿勒颇', '控制', '镇', 'x', '42'];
const word = fc.constantFrom(...WORDS);

/** Inline markup that opens and closes within its paragraph, nested a little. */
function inlineMarkup(format: Format): fc.Arbitrary<string> {
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      word,
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => `${a} ${b}`),
      ...(format === 'wikitext'
        ? [
            tie('node').map((x) => `'''${x}'''`),
            word.map((w) => `[[${w}]]`),
            fc.tuple(word, tie('node')).map(([w, x]) => `[[${w}|${x}]]`),
            tie('node').map((x) => `{{lang|en|${x}}}`),
            word.map((w) => `<ref>{{cite web|title=${w}|url=http://example.org/${w}}}</ref>`),
            tie('node').map((x) => `-{${x}}-`),
            word.map((w) => `<!-- ${w} -->`),
          ]
        : format === 'markdown'
          ? [tie('node').map((x) => `**${x}**`), tie('node').map((x) => `*${x}*`), fc.tuple(tie('node'), word).map(([x, w]) => `[${x}](http://example.org/${w})`), word.map((w) => `\`${w}\``), fc.constant('\\[4\\]')]
          : [fc.constant('[7]'), word.map((w) => `${w} | ${w}`)]),
    ),
  }));
  return node;
}

/** A paragraph of random markup: text, a list item, a quote or a heading (never an apparatus one). */
function noiseParagraph(format: Format): fc.Arbitrary<string> {
  const inline = inlineMarkup(format);
  const forms: fc.Arbitrary<string>[] = [inline];
  if (format === 'wikitext') forms.push(inline.map((x) => `* ${x}`), word.map((w) => `== ${w} ==`));
  if (format === 'markdown') forms.push(inline.map((x) => `- ${x}`), inline.map((x) => `> ${x}`), word.map((w) => `## ${w}`));
  if (format === 'plaintext' || format === 'blog') forms.push(inline.map((x) => `• ${x}`));
  return fc.oneof(...forms);
}

// ---------- random dates ----------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const day = fc
  .record({ y: fc.integer({ min: 2011, max: 2016 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));
const iso = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A dated paragraph: a full date opening a sentence long enough to read as prose in every format. */
const datedParagraph = (lang: 'en' | 'zh-Hans') =>
  day.map((date) => ({
    date,
    text:
      lang === 'en'
        ? `On ${date.d} ${MONTHS[date.m - 1]} ${date.y}, rebels took the town after a long battle with its defenders.`
        : `${date.y}年${date.m}月${date.d}日，反对派在与守军激战多时之后攻占了该镇。`,
  }));

const gazetteer = loadGazetteer('content/entities');

function ingestText(format: Format, lang: 'en' | 'zh-Hans', text: string) {
  const meta: SourceMeta = { id: 'fuzz', file: 'fuzz.txt', title: 'Fuzz', lang, format };
  return ingestSource({ meta, text }, gazetteer);
}

describe('fuzz: readers', () => {
  it('never throw on any text, in any format, and every block has a line in the file and some text', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom(...FORMATS), (text, format) => {
        const result = readSource({ file: 'soup.txt', format }, text);
        const lines = text.split(/\r\n?|\n/).length;
        for (const block of result.blocks) {
          expect(block.line).toBeGreaterThanOrEqual(1);
          expect(block.line).toBeLessThanOrEqual(lines);
          expect(block.text.trim()).not.toBe('');
        }
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('the whole ingest of a source never throws on any text', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom(...FORMATS), fc.constantFrom('en', 'zh-Hans') as fc.Arbitrary<'en' | 'zh-Hans'>, (text, format, lang) => {
        const { report } = ingestText(format, lang, text);
        for (const w of report.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  for (const format of FORMATS) {
    for (const lang of ['en', 'zh-Hans'] as const) {
      it(`never lose a dated paragraph among random ${format} markup (${lang})`, () => {
        const doc = fc.array(fc.oneof(noiseParagraph(format).map((text) => ({ noise: text })), datedParagraph(lang).map((dated) => ({ dated }))), { minLength: 1, maxLength: 8 });
        fc.assert(
          fc.property(doc, (paragraphs) => {
            // A title and a lead of prose, as every real source has (the plain-text reader reads a
            // page head up to its first line of prose).
            const head = format === 'markdown' ? '# Chronicle\n\n' : format === 'wikitext' ? '' : 'Chronicle\n\n';
            const lead = lang === 'en' ? 'This chronicle lists the fighting around the town as the reports of the time gave it.' : '本条目按照当时的报道列出该镇周围发生的战斗，以及各方在此期间的行动。';
            const text = `${head}${lead}\n\n${paragraphs.map((p) => ('noise' in p ? p.noise : p.dated.text)).join('\n\n')}\n`;
            const { events } = ingestText(format, lang, text);
            for (const p of paragraphs) {
              if (!('dated' in p)) continue;
              const found = events.some((e) => e.text.includes(p.dated.text) && e.date.start === iso(p.dated.date) && e.date.precision === 'day');
              expect(found, `${p.dated.text}\n--- in ---\n${text}`).toBe(true);
            }
          }),
          { seed: SEED, numRuns: RUNS },
        );
      });
    }
  }
});

describe('fuzz: the date finder', () => {
  it('never throws, and every mention is the text it claims, in order and without overlap', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom('en', 'zh-Hans', 'zh-Hant') as fc.Arbitrary<'en' | 'zh-Hans' | 'zh-Hant'>, (text, lang) => {
        const mentions = findDateMentions(text, lang);
        let end = 0;
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(end);
          expect(m.end).toBeGreaterThan(m.start);
          expect(text.slice(m.start, m.end)).toBe(m.expression);
          end = m.end;
        }
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('finds a written date wherever it stands among random words', () => {
    const context = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(context, day, context, fc.constantFrom('en', 'zh-Hans') as fc.Arbitrary<'en' | 'zh-Hans'>, (before, date, after, lang) => {
        const written = lang === 'en' ? `${date.d} ${MONTHS[date.m - 1]} ${date.y}` : `${date.y}年${date.m}月${date.d}日`;
        const sep = lang === 'en' ? ', ' : '，';
        const text = `${before}${sep}${written}${sep}${after}`;
        const at = before.length + sep.length;
        const mentions = findDateMentions(text, lang);
        // Only the finder's stable surface (start, end, expression) is read here.
        const covering = mentions.find((m) => m.start <= at && m.end >= at + written.length);
        expect(covering, text).toBeDefined();
        expect(covering!.expression).toContain(written);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});
