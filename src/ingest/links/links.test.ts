/**
 * The linking rule on made-up pairs, in a made-up land: accounts in two languages that meet
 * through entity ids, dates, types and numbers, and hard negatives (same day, same governorate,
 * similar words, different happenings). The real pairs of the five sources are in
 * tests/links.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Entity, EventDraft, Figure } from '../../schema/records.ts';
import { comparePair, corpusOf, dateRelation, happeningId, linkEvents, loadLinkRules, profileOf } from './index.ts';

const rules = loadLinkRules();

const entities: Pick<Entity, 'id' | 'kind' | 'parent'>[] = [
  { id: 'land', kind: 'country' },
  { id: 'north', kind: 'governorate', parent: 'land' },
  { id: 'south', kind: 'governorate', parent: 'land' },
  { id: 'capital', kind: 'city', parent: 'north' },
  { id: 'old-quarter', kind: 'neighbourhood', parent: 'capital' },
  { id: 'alpha', kind: 'town', parent: 'north' },
  { id: 'beta', kind: 'town', parent: 'north' },
  { id: 'gamma', kind: 'village', parent: 'north' },
  { id: 'delta', kind: 'village', parent: 'south' },
  { id: 'rebels', kind: 'coalition' },
  { id: 'army', kind: 'state forces' },
  { id: 'front', kind: 'armed group' },
  { id: 'brigade', kind: 'armed group' },
];

interface Spec {
  source?: string;
  start?: string;
  end?: string;
  precision?: EventDraft['date']['precision'];
  lang?: EventDraft['lang'];
  text?: string;
  line?: number;
  places?: string[];
  groups?: string[];
  type?: string;
  subtype?: string;
  acts?: { type: string; subtype?: string }[];
  figures?: Partial<Figure>[];
}

let serial = 0;
function ev(spec: Spec): EventDraft {
  const n = serial++;
  const start = spec.start ?? '2020-03-05';
  const type = spec.type ?? 'battles';
  const subtype = spec.subtype ?? (spec.type ? undefined : 'armed-clash');
  return {
    id: `e-${String(n).padStart(3, '0')}-${start}-${(0xabc000 + n).toString(16)}`,
    date: { start, end: spec.end ?? start, precision: spec.precision ?? 'day', expression: start, basis: 'stated' },
    text: spec.text ?? `Passage ${n}.`,
    lang: spec.lang ?? 'en',
    source: { id: spec.source ?? 'en-source', file: `${spec.source ?? 'en-source'}.txt`, title: 'T', section: [], line: spec.line ?? 10 + n },
    places: spec.places ?? [],
    groups: spec.groups ?? [],
    citations: [],
    type: type as EventDraft['type'],
    ...(subtype ? { subtype: subtype as EventDraft['subtype'] } : {}),
    acts: (spec.acts ?? [{ type, ...(subtype ? { subtype } : {}) }]).map((a) => ({ ...a, text: 'x' })) as EventDraft['acts'],
    figures: (spec.figures ?? []).map((f) => ({ kind: 'killed', low: null, high: null, who: 'unknown', reporter: null, vague: false, text: 'n', ...f })) as Figure[],
    url: `/day/${start}/#x`,
  };
}

/** Passages of other days that make the two sides common, as they are in a real chronology. */
function background(): EventDraft[] {
  const out: EventDraft[] = [];
  for (let i = 0; i < 12; i++)
    out.push(ev({ source: i % 2 ? 'en-source' : 'zh-source', start: `2020-02-${String(i + 1).padStart(2, '0')}`, places: ['capital', 'north'], groups: ['rebels', 'front'] }));
  return out;
}

function pair(a: EventDraft, b: EventDraft, others: EventDraft[] = background()) {
  const events = [...others, a, b];
  const corpus = corpusOf(events, entities);
  return comparePair(profileOf(a, corpus, rules), profileOf(b, corpus, rules), corpus, rules);
}

function linked(events: EventDraft[], a: EventDraft, b: EventDraft): boolean {
  const { happeningOf } = linkEvents([...background(), ...events], entities as Entity[]);
  return happeningOf.get(a.id) === happeningOf.get(b.id);
}

const killed = (low: number, high: number | null = low, text = `${low} killed`): Partial<Figure> => ({ kind: 'killed', low, high, who: 'rebels', text });

describe('two accounts of one happening', () => {
  const en = ev({
    source: 'en-source',
    text: 'On 5 March, the Front attacked a rebel checkpoint in Alpha with a car bomb, killing 17 fighters; the rebels answered with a 12-hour ultimatum.',
    places: ['alpha', 'north'],
    groups: ['front', 'rebels'],
    type: 'explosions-remote-violence',
    subtype: 'car-bomb',
    figures: [killed(17)],
  });
  const zh = ev({
    source: 'zh-source',
    lang: 'zh-Hans',
    text: '3月5日，阵线在Alpha用汽车炸弹袭击了反对派的检查站，打死17名武装分子；反对派随后发出12小时的最后通牒。',
    places: ['alpha'],
    groups: ['front', 'rebels'],
    type: 'explosions-remote-violence',
    subtype: 'car-bomb',
    figures: [killed(17, 17, '打死17名武装分子')],
  });

  it('meet through ids, the date, the type and the numbers: no translation needed', () => {
    const c = pair(en, zh)!;
    expect(c.verdict).toBe('link');
    expect(c.kinds).toEqual(['place', 'actors', 'act', 'numbers']);
    expect(c.places).toContain('alpha');
    expect(c.figures).toEqual([{ kind: 'killed', a: '17 killed', b: '打死17名武装分子', exact: true }]);
    // the hours of the ultimatum, outside the date words "5 March" / "3月5日"
    expect(c.numbers).toEqual([12]);
    expect(linked([en, zh], en, zh)).toBe(true);
  });

  it('nearly agreeing counts still link, and say that they differ', () => {
    const other = { ...zh, id: 'e-900-2020-03-05-aaaaaa', figures: [killed(20, 20, '打死20名武装分子')] as Figure[] };
    const c = pair(en, other)!;
    expect(c.verdict).toBe('link');
    expect(c.figures).toEqual([{ kind: 'killed', a: '17 killed', b: '打死20名武装分子', exact: false }]);
  });

  it('a day later in one source links when the rest agrees fully', () => {
    const later = { ...zh, id: 'e-901-2020-03-06-bbbbbb', date: { ...zh.date, start: '2020-03-06', end: '2020-03-06' } };
    const c = pair(en, later)!;
    expect(c.date).toBe('adjacent');
    expect(c.verdict).toBe('link');
  });

  it('two days apart, they are not compared at all', () => {
    const apart = { ...zh, id: 'e-902-2020-03-07-cccccc', date: { ...zh.date, start: '2020-03-07', end: '2020-03-07' } };
    expect(pair(en, apart)).toBeUndefined();
  });

  it('a short account inside a longer one links', () => {
    const long = ev({
      source: 'en-source',
      text: 'Fighting spread across the north: the army shelled Beta, a car bomb hit the checkpoint at Alpha, and the rebels took Gamma.',
      places: ['beta', 'alpha', 'gamma', 'north'],
      groups: ['army', 'front', 'rebels'],
      type: 'battles',
      subtype: 'armed-clash',
      acts: [{ type: 'battles', subtype: 'armed-clash' }, { type: 'explosions-remote-violence', subtype: 'shelling' }, { type: 'explosions-remote-violence', subtype: 'car-bomb' }],
    });
    const short = ev({ source: 'zh-source', lang: 'zh-Hans', text: '一枚汽车炸弹袭击了Alpha的检查站。', places: ['alpha'], groups: ['front'], type: 'explosions-remote-violence', subtype: 'car-bomb' });
    expect(pair(long, short)!.verdict).toBe('link');
  });
});

describe('hard negatives: near in date, place, sides or words, different happenings', () => {
  it('two attacks on the same day in the same governorate are two happenings', () => {
    const a = ev({ source: 'en-source', text: 'On 5 March, the Front attacked rebels in Alpha.', places: ['alpha', 'north'], groups: ['front', 'rebels'] });
    const b = ev({ source: 'zh-source', lang: 'zh-Hans', text: '3月5日，阵线在Beta攻击了反对派。', places: ['beta', 'north'], groups: ['front', 'rebels'] });
    const c = pair(a, b)!;
    expect(c.disagree).toContain('place');
    expect(c.verdict).toBe('no');
    expect(linked([a, b], a, b)).toBe(false);
  });

  it('naming only the governorate and the sides is not enough', () => {
    const a = ev({ source: 'en-source', text: 'On 5 March, clashes between the Front and rebels in the North.', places: ['north'], groups: ['front', 'rebels'] });
    const b = ev({ source: 'zh-source', lang: 'zh-Hans', text: '3月5日，阵线和反对派在北方省交火。', places: ['north'], groups: ['front', 'rebels'] });
    expect(pair(a, b)!.verdict).not.toBe('link');
  });

  it('the same town, day and sides, but a statement and a battle', () => {
    const a = ev({ source: 'en-source', text: 'The Brigade called on the Front to leave Alpha.', places: ['alpha'], groups: ['brigade', 'front'], type: 'strategic-developments', subtype: 'statement' });
    const b = ev({ source: 'zh-source', lang: 'zh-Hans', text: '旅在Alpha击退了阵线的进攻。', places: ['alpha'], groups: ['brigade', 'front'], type: 'battles', subtype: 'armed-clash' });
    const c = pair(a, b)!;
    expect(c.disagree).toContain('act');
    expect(c.verdict).not.toBe('link');
  });

  it('the same words and day, the other side taking other villages', () => {
    const a = ev({ source: 'en-source', text: 'On 5 March, it was reported that the army captured Gamma and Beta.', places: ['gamma', 'beta'], groups: ['army'], type: 'battles', subtype: 'government-regains-territory' });
    const b = ev({ source: 'zh-source', lang: 'zh-Hans', text: '3月5日，据报道反对派攻占了Alpha和Delta。', places: ['alpha', 'delta'], groups: ['rebels'], type: 'battles', subtype: 'non-state-actor-takes-territory' });
    const c = pair(a, b)!;
    expect(c.disagree).toEqual(expect.arrayContaining(['place', 'actors']));
    expect(c.verdict).toBe('no');
  });

  it('a long passage that shares a village and the sides with another but tells of much more', () => {
    const a = ev({
      source: 'en-source',
      text: 'On 5 March the rebels besieged the Front in Beta and freed 50 prisoners; the Front kept Gamma.',
      places: ['beta', 'gamma'],
      groups: ['rebels', 'front'],
    });
    const b = ev({
      source: 'zh-source',
      lang: 'zh-Hans',
      text: '3月5日阵线撤出Gamma，在Alpha和Delta附近的战斗中有30人丧生。',
      places: ['gamma', 'alpha', 'delta'],
      groups: ['front', 'rebels'],
      figures: [killed(30, 30, '30人丧生')],
    });
    expect(pair(a, b)!.verdict).not.toBe('link');
  });

  it('a day apart and one shared town are not enough without the rest', () => {
    const a = ev({ source: 'en-source', start: '2020-03-05', text: 'The Front attacked Alpha.', places: ['alpha'], groups: ['front'] });
    const b = ev({ source: 'zh-source', lang: 'zh-Hans', start: '2020-03-06', text: '反对派在Alpha反击。', places: ['alpha'], groups: ['rebels'] });
    expect(pair(a, b)!.verdict).not.toBe('link');
  });

  it('passages of one source are never linked to each other', () => {
    const a = ev({ source: 'en-source', places: ['alpha'], groups: ['front'], figures: [killed(17)] });
    const b = ev({ source: 'en-source', places: ['alpha'], groups: ['front'], figures: [killed(17)] });
    expect(pair(a, b)).toBeUndefined();
    expect(linked([a, b], a, b)).toBe(false);
  });
});

describe('dates', () => {
  const at = (start: string, end = start, precision: EventDraft['date']['precision'] = 'day') => {
    const e = ev({ start, end, precision });
    return profileOf(e, corpusOf([e], entities), rules);
  };
  it('same day, overlapping spans, one day later; periods only with periods of the same span', () => {
    expect(dateRelation(at('2020-03-05'), at('2020-03-05'))).toBe('same');
    expect(dateRelation(at('2020-03-04', '2020-03-06'), at('2020-03-06'))).toBe('overlap');
    expect(dateRelation(at('2020-03-05'), at('2020-03-06'))).toBe('adjacent');
    expect(dateRelation(at('2020-03-05'), at('2020-03-07'))).toBeUndefined();
    expect(dateRelation(at('2020-03-01', '2020-03-20'), at('2020-03-05'))).toBeUndefined();
    expect(dateRelation(at('2020-03-01', '2020-03-20'), at('2020-03-02', '2020-03-20'))).toBe('adjacent');
    expect(dateRelation(at('2020-03-01', '2020-03-31', 'month'), at('2020-03-01', '2020-03-31', 'month'))).toBe('same');
    expect(dateRelation(at('2020-03-01', '2020-03-31', 'month'), at('2020-03-01', '2020-03-10', 'month'))).toBeUndefined();
    expect(dateRelation(at('2020-03-01', '2020-03-31', 'month'), at('2020-03-05'))).toBeUndefined();
  });
});

describe('happenings', () => {
  const account = (source: string, extra: Spec = {}) =>
    ev({
      source,
      places: ['old-quarter', 'capital'],
      groups: ['brigade', 'front'],
      type: 'violence-against-civilians',
      subtype: 'execution',
      figures: [{ kind: 'executed', low: 42, high: 42, text: '42 executed' }],
      ...extra,
    });

  it('every event has one; accounts of one happening share it; it looks like h-YYYY-MM-DD-xxxxxx', () => {
    const a = account('en-source');
    const b = account('zh-source', { lang: 'zh-Hans' });
    const c = account('blog', { start: '2020-03-06' });
    const lone = ev({ source: 'en-source', start: '2020-04-01', places: ['delta'] });
    const { happeningOf, report } = linkEvents([...background(), a, b, c, lone], entities as Entity[]);
    expect(new Set([happeningOf.get(a.id), happeningOf.get(b.id), happeningOf.get(c.id)]).size).toBe(1);
    expect(happeningOf.get(a.id)).toMatch(/^h-2020-03-05-[0-9a-f]{6}$/);
    expect(happeningOf.get(lone.id)).toBe(happeningId([{ id: lone.id, start: '2020-04-01' }]));
    expect(report.byAccounts).toEqual({ 1: 13, 3: 1 });
    expect(report.happenings).toBe(14);
  });

  it('are stable: the same events in any order give the same ids, and a later account does not rename one', () => {
    const a = account('en-source');
    const b = account('zh-source', { lang: 'zh-Hans' });
    const others = background();
    const first = linkEvents([...others, a, b], entities as Entity[]).happeningOf;
    const again = linkEvents([b, ...others.reverse(), a], entities as Entity[]).happeningOf;
    expect(again).toEqual(first);
    const c = account('blog', { start: '2020-03-06' });
    expect(linkEvents([...others, a, b, c], entities as Entity[]).happeningOf.get(a.id)).toBe(first.get(a.id));
  });

  it('hold one account per source: the stronger of two rivals wins, the other is reported', () => {
    const a = account('en-source');
    const strong = account('zh-source', { lang: 'zh-Hans', line: 5 });
    const weak = account('zh-source', { lang: 'zh-Hans', line: 900, places: ['capital'] });
    const { happeningOf, report } = linkEvents([...background(), a, strong, weak], entities as Entity[]);
    expect(happeningOf.get(a.id)).toBe(happeningOf.get(strong.id));
    expect(happeningOf.get(weak.id)).not.toBe(happeningOf.get(a.id));
    expect(report.rejected.find((r) => [r.a, r.b].includes(weak.id))).toMatchObject({ reason: 'rival', instead: { id: strong.id } });
  });

  it('keep a source that splits into two neighbouring passages what another tells in one', () => {
    const whole = ev({
      source: 'en-source',
      text: 'On 5 March the rebels took the Front headquarters in the Old Quarter and freed 300 hostages. Late in the day a car bomb in Beta killed 9.',
      places: ['old-quarter', 'capital', 'beta'],
      groups: ['rebels', 'front'],
      type: 'battles',
      subtype: 'non-state-actor-takes-territory',
      acts: [{ type: 'battles', subtype: 'non-state-actor-takes-territory' }, { type: 'explosions-remote-violence', subtype: 'car-bomb' }],
      figures: [killed(9, 9, 'killed 9')],
    });
    const first = ev({ source: 'zh-source', lang: 'zh-Hans', line: 40, text: '3月5日反对派攻占了阵线在老城区的总部，300名人质获释。', places: ['old-quarter', 'capital'], groups: ['rebels', 'front'], type: 'battles', subtype: 'non-state-actor-takes-territory' });
    const second = ev({ source: 'zh-source', lang: 'zh-Hans', line: 42, text: '当天晚些时候，Beta的一起汽车炸弹袭击造成9人丧生。', places: ['beta'], type: 'explosions-remote-violence', subtype: 'car-bomb', figures: [killed(9, 9, '9人丧生')] });
    const { happeningOf } = linkEvents([...background(), whole, first, second], entities as Entity[]);
    expect(happeningOf.get(first.id)).toBe(happeningOf.get(whole.id));
    expect(happeningOf.get(second.id)).toBe(happeningOf.get(whole.id));
  });
});
