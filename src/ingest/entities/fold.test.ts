import { describe, expect, it } from 'vitest';
import { foldName, foldText, inCapitalisedRun, isLatinWordChar, isLatinWordCode } from './fold.ts';

/** The definition of the lower-case copy: each UTF-16 unit lower-cased alone, kept if that grows it. */
function lowerUnitByUnit(text: string): string {
  let out = '';
  for (const unit of text.split('')) {
    const l = unit.toLowerCase();
    out += l.length === 1 ? l : unit;
  }
  return out;
}

describe('foldText', () => {
  const samples = [
    'Rebels entered AL-BAB on 3 March.',
    'Ἀθῆναι ΟΔΟΣ ΣΟΦΟΣ',
    'İstanbul and DİYARBAKIR',
    'Şanlıurfa, ÇOBAN BEY',
    '𝐀𝐁 math capitals and 😀',
    'Ａｌｅｐｐｏ ＦＳＡ',
    '伊斯蘭國在阿勒頗 — “the IS” ’s',
    'tab\tnew\nline\u00a0nbsp\u3000wide',
    '\ud800 lone surrogate Σ',
  ];

  it('keeps length and lower-cases one unit at a time', () => {
    for (const s of samples) {
      const f = foldText(s);
      expect(f.lower).toBe(lowerUnitByUnit(f.text));
      expect(f.lower.length).toBe(f.text.length);
    }
  });

  it('unifies apostrophes, dashes and odd spaces', () => {
    expect(foldText('al‐Bab’s—Tal\u00a0Abyad').text).toBe("al Bab's Tal Abyad");
  });

  it('folds Traditional characters to Simplified', () => {
    expect(foldText('伊斯蘭國').text).toBe('伊斯兰国');
  });
});

describe('foldName', () => {
  it('collapses space runs and trims, the same object each time', () => {
    expect(foldName('  Tal   Abyad ')).toEqual({ text: 'Tal Abyad', lower: 'tal abyad' });
    expect(foldName('  Tal   Abyad ')).toBe(foldName('  Tal   Abyad '));
  });
});

describe('isLatinWordCode', () => {
  it('agrees with isLatinWordChar', () => {
    for (let c = 0; c < 0x2000; c++) expect(isLatinWordCode(c), c.toString(16)).toBe(isLatinWordChar(String.fromCharCode(c)));
    expect(isLatinWordCode(Number.NaN)).toBe(false);
  });
});

describe('inCapitalisedRun', () => {
  const at = (text: string, name: string) => {
    const f = foldText(text);
    const start = f.text.indexOf(name);
    return inCapitalisedRun(f, start, start + name.length);
  };
  it('sees a capitalised word right before or after the name', () => {
    expect(at('Minister Ruiz Laval resigned.', 'Laval')).toBe(true);
    expect(at('The Laval Accord was signed.', 'Laval')).toBe(true);
    expect(at('They reached Laval. Rain fell.', 'Laval')).toBe(false);
    expect(at('Laval fell at dawn.', 'Laval')).toBe(false);
    expect(at('守军在衡阳城外', '衡阳')).toBe(false);
    // a sentence's first word that the passage writes in lower case too is a word
    expect(at('In Lyon the troops rested; in May they left.', 'Lyon')).toBe(false);
    expect(at('Rain fell. In Lyon the troops rested; in May they left.', 'Lyon')).toBe(false);
    expect(at('Pierre Laval spoke in Lyon.', 'Laval')).toBe(true);
  });
});
