import { describe, expect, it } from 'vitest';
import { fatalities } from './fatalities.ts';
import type { Figure } from '../../schema/records.ts';

const f = (over: Partial<Figure>): Figure => ({ kind: 'killed', low: 1, high: 1, who: 'unknown', reporter: null, vague: false, text: 'x', ...over });

describe('fatalities', () => {
  it('adds the dead of one account; one bound counts at both ends', () => {
    expect(fatalities([f({ low: 10, high: null }), f({ low: null, high: 30 }), f({ kind: 'executed', low: 4, high: 6 })])).toEqual({ low: 44, high: 46 });
  });
  it('leaves out parts of a total, other kinds, mixed kinds and vague counts', () => {
    expect(
      fatalities([f({ low: 66, high: 66 }), f({ low: 11, high: 11, partOf: 0 }), f({ kind: 'wounded', low: 9, high: 9 }), f({ low: 40, high: 40, orKind: 'wounded' }), f({ low: null, high: null, vague: true })]),
    ).toEqual({ low: 66, high: 66 });
  });
  it('spans the accounts of one happening instead of adding them', () => {
    expect(fatalities([f({ low: 70, high: 70 }), f({ low: 100, high: 100, alternative: true })])).toEqual({ low: 70, high: 100 });
  });
  it('is null without a count of the dead', () => {
    expect(fatalities([f({ kind: 'captured' })])).toBeNull();
  });
});
