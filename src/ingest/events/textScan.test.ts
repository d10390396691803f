/**
 * The linear-time helpers answer exactly what the slice-and-search questions they replace would,
 * checked against those on random text (fast-check) built from the characters the rules care
 * about: spaces, separators, brackets, citation markers, connectives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITATION, LastMatch, Occurrences, headOf, lastAtOrBefore, lastCharFinder, nextCharFinder, tailOf, wordPatterns } from './textScan.ts';

const SEED = Number(process.env.FAST_CHECK_SEED ?? 20261202);
const pieces = [' ', '  ', ',', '，', '。', ';', '(', ')', '（', '）', '[1]', '[23]', '[a]', '\\[4\\]', 'and', 'but', 'while', 'since', 'x', 'May', '5', '是', '但是', '以来', '\n'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
/** Increasing positions in a text of length n. */
const positions = (n: number) => fc.uniqueArray(fc.integer({ min: 0, max: n }), { maxLength: 12 }).map((a) => a.sort((x, y) => x - y));
const withPositions = text.chain((t) => positions(t.length).map((ps) => ({ t, ps })));

describe('textScan', () => {
  it('LastMatch finds the last match of slice(from, to).matchAll, clause after clause', () => {
    const re = /\s(?:and|but|while)\s/giu;
    fc.assert(
      fc.property(withPositions, fc.integer({ min: 0, max: 3 }), ({ t, ps }, clauses) => {
        const finder = new LastMatch(t, re, 2 + 'while'.length);
        // Mentions in clause order: the clause start moves on now and then, never back.
        let from = 0;
        ps.forEach((to, i) => {
          if (clauses > 0 && i % (clauses + 1) === clauses) from = Math.min(to, from + 3);
          let expected: number | undefined;
          for (const m of t.slice(from, to).matchAll(re)) expected = from + m.index!;
          expect(finder.lastIndex(from, to)).toBe(expected);
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('Occurrences tells whether a listed word lies inside a stretch, not counting one inside an excepted word', () => {
    fc.assert(
      fc.property(withPositions, ({ t, ps }) => {
        const words = new Occurrences(t, wordPatterns(['since', 'and'], true));
        const copula = new Occurrences(t, wordPatterns(['是'], false), wordPatterns(['但是'], false));
        for (const to of ps) {
          const from = Math.max(0, to - 7);
          const lead = t.slice(from, to);
          const naive = ['since', 'and'].some((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'iu').test(lead));
          // Word edges are read in the whole text, so compare only where the stretch does not cut a word.
          const cut = /\p{L}/u.test(t[from - 1] ?? '') || /\p{L}/u.test(t[to] ?? '');
          if (!cut) expect(words.within(from, to)).toBe(naive);
          else words.within(from, to);
          // 是 right after a 但 before the stretch belongs to 但是 in the text, not in the slice.
          const copulaCut = t[from - 1] === '但' && t[from] === '是';
          const naiveCopula = lead.split('但是').join('').includes('是');
          if (!copulaCut) expect(copula.within(from, to)).toBe(naiveCopula);
          else copula.within(from, to);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('nextCharFinder and lastCharFinder find the next and the last separator', () => {
    fc.assert(
      fc.property(withPositions, ({ t, ps }) => {
        const next = nextCharFinder(t, ',，');
        const last = lastCharFinder(t, ',，');
        for (const p of ps) {
          const ahead = t.slice(p).search(/[,，]/);
          expect(next(p)).toBe(ahead < 0 ? t.length : p + ahead);
          expect(last(p)).toBe(p === 0 ? -1 : Math.max(t.lastIndexOf(',', p - 1), t.lastIndexOf('，', p - 1)));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('headOf and tailOf agree with stripping citations from the whole rest', () => {
    fc.assert(
      fc.property(withPositions, ({ t, ps }) => {
        for (const p of ps) {
          let i = p;
          while (i < t.length && /\s/.test(t[i]!)) i++;
          const rest = (i > p ? ' ' : '') + t.slice(i).replace(CITATION, '');
          const head = headOf(t, p, 8);
          expect(head.text.slice(0, 8)).toBe(rest.slice(0, 8));
          if (head.atEnd) expect(head.text).toBe(rest);
          const lead = t.slice(0, p).replace(CITATION, '').trimEnd();
          const tail = tailOf(t, 0, p, 8);
          expect(lead.endsWith(tail.text.slice(-8))).toBe(true);
          if (tail.complete) expect(tail.text).toBe(lead);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('lastAtOrBefore is a binary search for the sentence holding a position', () => {
    const starts = [0, 5, 9, 20];
    expect([0, 4, 5, 8, 9, 19, 20, 99].map((p) => lastAtOrBefore(starts, p))).toEqual([0, 0, 5, 5, 9, 9, 20, 20]);
  });
});
