import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRules, compileRules, loadRuleFiles, neededPatterns, type PatternSpec, type RuleSpec } from './rules.ts';
import { findDateMentions } from './find.ts';

// A toy language, to test the syntax apart from any real language's rules.
const patterns: Record<string, PatternSpec> = {
  moon: { values: { Wolf: 1, Snow: 2, Worm: 3 } },
  num: { regex: '\\d{1,2}' },
  count: { numeral: { units: { un: 1, deux: 2, trois: 3 }, multipliers: { dix: 10 }, scales: { mille: 1000 }, joiners: ['-'] } },
  soon: { words: ['soon', 'shortly'], ignoreCase: true },
};

describe('rule engine syntax', () => {
  it('captures a pattern under its own name or an alias, and normalises it', () => {
    const rules: RuleSpec[] = [{ name: 'moon-day', pattern: '%num:d of %moon', value: { date: { day: '$d', month: '$moon' } } }];
    const set = compileRules(patterns, rules);
    expect(applyRules(set, 'the 7 of Snow came')).toEqual([
      expect.objectContaining({ rule: 'moon-day', start: 4, end: 13, kind: 'absolute', date: { day: 7, month: 2 } }),
    ]);
  });

  it('leaves out fields whose part did not match, takes the first of alternatives, and tests a part with ?', () => {
    const rules: RuleSpec[] = [
      { name: 'r', pattern: '(?:%num:a|#%num:b) %moon', value: { date: { day: '$a|$b', month: '$moon', decade: '?b' } } },
    ];
    const set = compileRules(patterns, rules);
    expect(applyRules(set, '5 Worm')[0]!.date).toEqual({ day: 5, month: 3 });
    expect(applyRules(set, '#9 Worm')[0]!.date).toEqual({ day: 9, month: 3, decade: true });
  });

  it('computes with + - * % and checks requirements over named values', () => {
    const rules: RuleSpec[] = [
      {
        name: 'span',
        pattern: '%num:a-%num:b',
        let: { last: '$a - $a % 10 + $b' },
        require: ['$last > $a'],
        value: { date: { year: '$a' }, rangeEnd: { year: '$last' } },
      },
    ];
    const set = compileRules(patterns, rules);
    expect(applyRules(set, '12-5')[0]).toMatchObject({ date: { year: 12 }, rangeEnd: { year: 15 } });
    expect(applyRules(set, '18-3')).toEqual([]);
  });

  it('reads numerals: units add, multipliers multiply the units before them, scales all before them', () => {
    const rules: RuleSpec[] = [{ name: 'n', pattern: '%count days', value: { relative: { days: '$count*-1' } } }];
    const set = compileRules(patterns, rules);
    const days = (text: string) => applyRules(set, text)[0]?.relative?.days;
    expect(days('trois days')).toBe(-3);
    expect(days('deux-dix-un days')).toBe(-21);
    expect(days('deux mille trois days')).toBe(-2003);
    expect(days('14 days')).toBe(-14);
  });

  it('reads a numeral of up to 16 words, and from a longer run of numeral words only its last 16', () => {
    const rules: RuleSpec[] = [{ name: 'n', pattern: '(?<![a-z])%count days', value: { relative: { days: '$count' } } }];
    const set = compileRules(patterns, rules);
    const sixteen = Array(16).fill('un').join(' ');
    expect(applyRules(set, `${sixteen} days`)[0]).toMatchObject({ start: 0, relative: { days: 16 } });
    expect(applyRules(set, `deux ${sixteen} days`)[0]).toMatchObject({ start: 5, relative: { days: 16 } });
  });

  it('matches a pattern that ignores case inside a rule that does not', () => {
    const rules: RuleSpec[] = [{ name: 's', pattern: '%%soon %moon', value: { date: { month: '$moon' } } }];
    const set = compileRules(patterns, rules);
    expect(applyRules(set, 'Shortly Wolf')).toHaveLength(1);
    expect(applyRules(set, 'shortly wolf')).toHaveLength(0);
  });

  it('refuses a rule that names an unknown pattern or captures one name twice, saying which', () => {
    expect(() => compileRules(patterns, [{ name: 'bad', pattern: '%tide', value: {} }], 'resources/xx')).toThrow(
      'resources/xx: rule "bad" names an unknown pattern %tide',
    );
    expect(() => compileRules(patterns, [{ name: 'twice', pattern: '%num %num', value: {} }])).toThrow('captures "num" twice');
  });

  it('knows the patterns every match of a rule holds: not those in a group, after an alternation or made optional', () => {
    expect(neededPatterns('(?<![\\p{L}])%num:d%%soon?\\s+of\\s+%moon')).toEqual(['num', 'moon']);
    expect(neededPatterns('(?:%num\\s+)?%moon(?=\\s*%%soon)')).toEqual(['moon']);
    expect(neededPatterns('[(]%num[)] %count*')).toEqual(['num']);
    expect(neededPatterns('%num %moon|%soon')).toEqual([]);
    expect(neededPatterns('\\(%num\\) %moon{0,1}')).toEqual(['num']);
  });

  it('does not scan a text with a rule whose needed pattern occurs nowhere in it', () => {
    const rules: RuleSpec[] = [
      { name: 'moon-day', pattern: '%num:d of %moon', value: { date: { day: '$d', month: '$moon' } } },
      { name: 'soon', pattern: '%%soon', value: { relative: { days: 1 } } },
    ];
    const set = compileRules(patterns, rules);
    expect(set.rules.map((r) => r.needs.map((n) => n.name))).toEqual([['num/u', 'moon/u'], ['soon/u']]);
    // without the pre-test the rules find the same: the test only skips work
    const unfiltered = { ...set, rules: set.rules.map((r) => ({ ...r, needs: [] })) };
    for (const text of ['the 7 of Snow came', 'shortly after 7', 'Snow, 7 of them', ''])
      expect(applyRules(set, text)).toEqual(applyRules(unfiltered, text));
  });
});

// Every rule of every language has sentences written for it (resources/<lang>/examples.json).
const resources = new URL('./resources/', import.meta.url);
for (const language of readdirSync(resources)) {
  const dir = new URL(`${language}/`, resources);
  const { rules } = loadRuleFiles(dir);
  // common/ is read with every language: its examples are checked with English.
  const examples = JSON.parse(readFileSync(new URL('examples.json', dir), 'utf8')) as Record<string, unknown>;
  const lang = language === 'zh' ? 'zh-Hans' : 'en';
  describe(`resources/${language}/rules.json`, () => {
    it('finds the same with and without the needed-pattern pre-test on every example', () => {
      const { patterns: specs } = loadRuleFiles(dir);
      const set = compileRules(specs, rules);
      const unfiltered = { ...set, rules: set.rules.map((r) => ({ ...r, needs: [] })) };
      const texts = Object.values(examples).flatMap((v) => (Array.isArray(v) ? v.map((e: { text: string }) => e.text) : []));
      for (const text of texts) expect(applyRules(set, text)).toEqual(applyRules(unfiltered, text));
    });
    it('has examples for every rule, and none for a rule it lacks', () => {
      const names = rules.map((r) => r.name);
      expect(names.filter((n) => !(n in examples))).toEqual([]);
      expect(Object.keys(examples).filter((k) => !k.startsWith('_') && !names.includes(k))).toEqual([]);
    });
    for (const rule of rules) {
      const cases = (examples[rule.name] ?? []) as ({ text: string; expression?: string; none?: boolean } & Record<string, unknown>)[];
      for (const example of cases) {
        it(`${rule.name}: ${example.text}`, () => {
          const found = findDateMentions(example.text, lang);
          if (example.none) {
            expect(found.map((m) => m.expression)).toEqual([]);
            return;
          }
          const mention = found.find((m) => m.expression === example.expression);
          expect(mention, `mentions: ${found.map((m) => m.expression).join(' | ')}`).toBeDefined();
          for (const key of ['date', 'rangeEnd', 'relative'] as const)
            if (example[key]) expect(mention![key]).toMatchObject(example[key] as object);
          if (example.weekday !== undefined) expect(mention!.weekday).toBe(example.weekday);
        });
      }
    }
  });
}
