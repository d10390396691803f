import { describe, expect, it } from 'vitest';
import { asciiKey, geocode, type GeoData, type HandPlace } from './geocode.ts';
import { harvestNames, trailingName } from './evidence.ts';
import { attachEvidence, bothScripts, fillNames } from './names.ts';
import { parseGeonamesLine, type Locality } from './datasets.ts';

const town = (geonameid: number, name: string, lon: number, lat: number, admin1: string, extra: Partial<Locality> = {}): Locality => ({
  geonameid, name, asciiName: name, alternateNames: [], lon, lat, featureCode: 'PPLA3', country: 'SY', admin1, population: 1000, dataset: 'cities500', ...extra,
});

const data: GeoData = {
  localities: [
    town(1, 'Qaryat Umbra', 37.5, 36.4, '09'),
    town(2, 'Qaryat Umbra', 36.6, 35.9, '12'),
    town(3, 'Madinat Lumen', 37.2, 36.2, '09', { featureCode: 'PPLA', population: 100000, alternateNames: ['Lumen City'] }),
    town(4, 'Kafr Tinn', 37.3, 36.3, '09'),
  ],
  countries: [{ id: 1, name: 'Syria', iso2: 'SY', numeric: '760', lon: 38, lat: 35 }],
  states: [{ id: 7, name: 'Aleppo', country: 'SY', iso: 'SY-HL', type: 'province', lon: 37.39, lat: 36.15 }],
  centroids: new Map([['760', [38.49, 35.02]]]),
};
const place = (id: string, kind: string, en: string, extra: Partial<HandPlace> = {}): HandPlace => ({ id, kind, name: { en }, aliases: [], ...extra });

describe('geocode', () => {
  const places = [
    place('syria', 'country', 'Syria'),
    place('aleppo-governorate', 'governorate', 'Aleppo Governorate', { parent: 'syria', geonamesAdmin: '09' }),
    place('umbra', 'village', 'Qaryat Umbra', { parent: 'aleppo-governorate' }),
    place('lumen', 'city', 'Lumen City', { parent: 'aleppo-governorate' }),
    place('old-quarter', 'neighbourhood', 'Old Quarter', { parent: 'lumen' }),
    place('fountain', 'landmark', 'The Fountain', { parent: 'old-quarter' }),
    place('kafr-tinn-airbase', 'base', 'Kafr Tinn Airbase', { parent: 'aleppo-governorate' }),
    place('lost-hamlet', 'village', 'Lost Hamlet', { parent: 'aleppo-governorate' }),
    place('somewhere', 'region', 'Somewhere'),
  ];
  const out = geocode(places, data);

  it('places countries at their shape centroid and governorates at their unit, precision 3', () => {
    expect(out.get('syria')).toMatchObject({ coords: [38.49, 35.02], geoPrecision: 3 });
    expect(out.get('aleppo-governorate')).toMatchObject({ coords: [37.39, 36.15], geoPrecision: 3 });
    expect(out.get('aleppo-governorate')!.coordsSource).toContain('SY-HL');
  });

  it('matches a locality within its governorate, also by an alternate name, precision 1', () => {
    expect(out.get('umbra')).toMatchObject({ coords: [37.5, 36.4], geoPrecision: 1, geonameid: 1 });
    expect(out.get('lumen')).toMatchObject({ geonameid: 3, geoPrecision: 1 });
    expect(out.get('umbra')!.coordsSource).toMatch(/geonameid 1 /);
  });

  it('places a neighbourhood and what lies in it at their town, precision 2; a base at the village it is named after', () => {
    expect(out.get('old-quarter')).toMatchObject({ coords: [37.2, 36.2], geoPrecision: 2 });
    expect(out.get('fountain')).toMatchObject({ coords: [37.2, 36.2], geoPrecision: 2 });
    expect(out.get('kafr-tinn-airbase')).toMatchObject({ coords: [37.3, 36.3], geoPrecision: 2 });
  });

  it('falls back to the governorate centroid (precision 3) and guesses nothing else', () => {
    expect(out.get('lost-hamlet')).toMatchObject({ coords: [37.39, 36.15], geoPrecision: 3 });
    expect(out.has('somewhere')).toBe(false);
  });

  it('folds transliterations to one key', () => {
    expect(asciiKey("Ma'arrat al-Nu'man")).toBe(asciiKey('Ma`arrat an Nu`man'));
    expect(asciiKey('Tall Rif‘at')).toBe(asciiKey('Tall Rifat'));
  });

  it('reads a GeoNames table line', () => {
    const line = ['9', 'Qaryat Umbra', 'Qaryat Umbra', 'Umbra,翁布拉', '36.4', '37.5', 'P', 'PPL', 'SY', '', '09', '', '', '', '1200', '', '400', 'Asia/Damascus', '2020-01-01'].join('\t');
    expect(parseGeonamesLine(line)).toMatchObject({ geonameid: 9, lon: 37.5, lat: 36.4, admin1: '09', alternateNames: ['Umbra', '翁布拉'], population: 1200 });
    expect(parseGeonamesLine(line.replace('\tP\t', '\tS\t'))).toBeUndefined();
  });
});

describe('names from evidence', () => {
  const boundaries = ['的', '在', '和'];

  it('finds wiki links, Markdown wikilinks, interlanguage templates and glosses, with their lines', () => {
    const text = [
      '守军撤往[[翁布拉村|翁布拉]]。',
      '炮击了[卢門城](../Page/卢門城.md "wikilink")的市场。',
      '{{le|丁恩机场|Kafr Tinn Airbase}}',
      '战斗在城西的老城区（Old Quarter）展开，Fountain Square（噴泉廣場）被毁。',
    ].join('\n');
    const found = harvestNames('x.txt', text, boundaries);
    expect(found).toEqual([
      { han: '翁布拉村', display: '翁布拉', kind: 'link', file: 'x.txt', line: 1 },
      { han: '卢門城', kind: 'link', file: 'x.txt', line: 2 },
      { han: '丁恩机场', latin: 'Kafr Tinn Airbase', kind: 'interlanguage', file: 'x.txt', line: 3 },
      { han: '老城区', latin: 'Old Quarter', kind: 'gloss', file: 'x.txt', line: 4 },
      { han: '噴泉廣場', latin: 'Fountain Square', kind: 'gloss', file: 'x.txt', line: 4 },
    ]);
    expect(trailingName('战斗在城西的老城区', boundaries)).toBe('老城区');
  });

  it('fills only missing languages, the other script through OpenCC, and records the source', () => {
    const ev = harvestNames('y.txt', '城西的舊城區（Old Quarter）', boundaries);
    const attached = attachEvidence(ev, (n) => (n === 'Old Quarter' ? ['old-quarter'] : []));
    const fill = fillNames({ en: 'Old Quarter' }, attached.get('old-quarter')!);
    expect(fill.name).toEqual({ 'zh-Hans': '旧城区', 'zh-Hant': '舊城區' });
    expect(fill.nameSources['zh-Hant']).toBe('gloss in y.txt:1');
    expect(fill.nameSources['zh-Hans']).toMatch(/^OpenCC/);
    expect(fillNames({ en: 'X', 'zh-Hans': '阿勒颇' }, []).name).toEqual({ 'zh-Hant': bothScripts('阿勒颇')['zh-Hant'] });
    expect(fillNames({ en: 'X', 'zh-Hans': '甲', 'zh-Hant': '甲' }, attached.get('old-quarter')!).name).toEqual({});
  });

  it('leaves evidence that names several entities unused', () => {
    const ev = harvestNames('z.txt', '翁布拉（Qaryat Umbra）', boundaries);
    expect(attachEvidence(ev, () => ['umbra-1', 'umbra-2']).size).toBe(0);
  });
});
