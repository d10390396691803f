import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Entity } from '../../schema/records.ts';
import { foldName } from './fold.ts';
import { buildEntityRecords, capitalOf, findUnknownNames, loadGazetteer, namesOf, roleWordsOf, tagText, textContext, type Gazetteer, type TagContext } from './index.ts';

let gaz: Gazetteer;
/** The five sources' chronologies are about the Syrian civil war. */
let syria: TagContext;
beforeAll(() => {
  gaz = loadGazetteer('content/entities');
  syria = textContext(gaz, 'opposition-isil-2014', []);
});

const tag = (text: string, links: string[] = [], lang = 'en') => tagText(gaz, text, links, lang, syria);

describe('hard cases', () => {
  it('tells Bab al-Hawa from al-Bab', () => {
    const t = tag('Two suicide cars exploded at the Bab al-Hawa border crossing.');
    expect(t.places).toEqual(['bab-al-hawa']);
    expect(tag('ISIL also captured al-Bab.').places).toEqual(['al-bab']);
    expect(tag('fighting in Tariq al-Bab and Bab al-Nairab').places).toEqual(['tariq-al-bab', 'bab-al-nairab']);
    expect(tag('3月2日Bab Al-Hawa口岸附近有一辆汽车爆炸').places).toEqual(['bab-al-hawa']);
  });

  it('reads "IS" only as the acronym, never the verb', () => {
    expect(tag('The town is quiet and this is where it is.').groups).toEqual([]);
    expect(tag('IS seized control of eight villages.').groups).toEqual(['isil']);
    expect(tag('Is it over? ISIS and ISIL fighters withdrew.').groups).toEqual(['isil']);
  });

  it('tells the governorate from the city', () => {
    expect(tag('fighting in Aleppo province').places).toEqual(['aleppo-governorate']);
    expect(tag('fighting in Aleppo Governorate').places).toEqual(['aleppo-governorate']);
    expect(tag('fighting in Aleppo').places).toEqual(['aleppo']);
    expect(tag('在阿勒颇省').places).toEqual(['aleppo-governorate']);
    expect(tag('在阿勒颇市').places).toEqual(['aleppo']);
    expect(tag('在阿勒颇').places).toEqual(['aleppo']);
    expect(tag('在阿勒頗省').places).toEqual(['aleppo-governorate']);
  });

  it('folds simplified and traditional script', () => {
    expect(tag('伊斯蘭國').groups).toEqual(['isil']);
    expect(tag('伊斯兰国').groups).toEqual(['isil']);
    expect(tag('伊拉克和沙姆伊斯蘭國').groups).toEqual(['isil']);
    for (const n of ['Jarablus', 'Jarabulus', '賈拉布魯斯', '贾拉布鲁斯']) expect(tag(`在${n}`).places).toEqual(['jarabulus']);
    for (const n of ['努斯拉阵线', '胜利阵线', '勝利陣線', 'Jabhat al-Nusra', 'al-Nusra Front']) expect(tag(`${n} fighters held the hill`).groups).toEqual(['al-nusra-front']);
    expect(tag('Manbij').places).toEqual(['manbij']);
    expect(tag('曼比季').places).toEqual(['manbij']);
  });

  it('never tags news agencies or monitors as parties', () => {
    expect(tag('According to the SOHR, 42 people were executed.').groups).toEqual([]);
    expect(tag('叙利亚人权观察组织说，有9人在村里遇难').places).toEqual([]);
    expect(tag('据阿拉伯叙利亚通讯社（SANA）周二的消息').groups).toEqual([]);
    expect(tag('Rami Abdel Rahman told AFP and Reuters').groups).toEqual([]);
  });

  it('lets the longest name win', () => {
    expect(tag('庫爾德薩拉赫丁旅').places).toEqual([]);
    expect(tag('庫爾德薩拉赫丁旅').groups).toEqual(['kurdish-salahaddin-brigade']);
    expect(tag('a unit of the Jarabulus Brigade moved north').places).toEqual([]);
    expect(tag('叙利亚自由军').places).toEqual([]);
    expect(tag('黎巴嫩真主党').groups).toEqual(['hezbollah']);
  });

  it("reads a country's two-character Chinese name only as a whole word", () => {
    expect(tag('一架從埃及起飛的客機在西奈半島墜毀。', [], 'zh-Hant').places).toContain('egypt');
    // 海地 (Haiti) straddles two words of 沿海地区 (coastal areas)
    expect(tag('沿海地区的居民撤离了。', [], 'zh-Hans').places).toEqual([]);
    // 蒙古 is also inside a first-level unit's own name (内蒙古自治区): it is not read
    expect(gaz.matcher.lookup('蒙古')).toEqual([]);
    // a country named as a product's maker is no place
    expect(tag('他们缴获了一批波兰制造的步枪。', [], 'zh-Hans').places).toEqual([]);
  });

  it('reads a nationality as no place, even when linked', () => {
    expect(tag('当地的一名比利时籍伊斯蘭國指挥官', ['比利时']).places).toEqual([]);
    expect(tag('双方在比利时会谈').places).toEqual(['belgium']);
  });

  it('is case-aware for proper names but not for common nouns', () => {
    expect(tag('the harem of the palace').places).toEqual([]);
    expect(tag('Shelling was heard In the Harem area at dawn').places).toEqual(['harem']);
    expect(tag('Rebels and insurgents').groups).toEqual(['syrian-opposition']);
    expect(tag('the regime forces').groups).toEqual(['syrian-government']);
  });

  it('keeps tags grounded: a link alone tags nothing', () => {
    expect(tag('他们占领了该镇', ['賈拉布魯斯'])).toEqual({ places: [], groups: [] });
  });

  it('tolerates spacing and apostrophe variants', () => {
    expect(tag('near Sahem al- Golan at night').places).toEqual(['sahem-al-jolan']);
    expect(tag('Beza’a and Beza\'a').places).toEqual(['bezaa']);
    expect(tag('Deir-za-Zor, Der-Ezzor and Deir Ez-Zor').places).toEqual(['deir-ez-zor']);
  });

  it('reads no name inside a word an apostrophe runs through, but before a possessive', () => {
    // Manbij is a known town: not in a longer transliterated word, still before "'s"
    expect(tag("fighting in al-Manbij'ah district").places).toEqual([]);
    expect(tag("the outskirts of Ta'Manbij").places).toEqual([]);
    expect(tag("Manbij's council met").places).toEqual(['manbij']);
  });
});

describe('text context: role words and dataset localities', () => {
  it('reads generic role words through the conflict of the text only', () => {
    const line = 'The rebels held the bridge while government forces shelled it.';
    expect(tagText(gaz, line, [], 'en', syria).groups).toEqual(['syrian-opposition', 'syrian-government']);
    expect(tagText(gaz, line, [], 'en', {}).groups).toEqual([]);
    expect(tagText(gaz, '叛军与政府军在桥头交火', [], 'zh-Hans', {}).groups).toEqual([]);
    // the security forces of the war's state are its government's, in English as in Chinese
    const guards = 'Gunmen fought security forces at the checkpoint for an hour.';
    expect(tagText(gaz, guards, [], 'en', syria).groups).toEqual(['syrian-government']);
    expect(tagText(gaz, guards, [], 'en', {}).groups).toEqual([]);
  });

  it('finds the conflict of a text without a chronology from where its places lie', () => {
    const syrian = ['Fighting went on in Idlib and Hama.', 'Rebels shelled Homs; the regime answered from Latakia.'];
    const ctx = textContext(gaz, undefined, syrian);
    expect(ctx.conflict?.id).toBe('syrian-civil-war');
    expect(tagText(gaz, syrian[1]!, [], 'en', ctx).groups).toEqual(['syrian-opposition', 'syrian-government']);
    const elsewhere = ['The rebels entered Dublin.', 'The regime fell in Lisbon and Porto, far from Syria.'];
    expect(textContext(gaz, undefined, elsewhere).conflict).toBeUndefined();
  });

  it('tags a dataset locality only in a text of its region, where its governorate is named', () => {
    const locality = gaz.localities.find(
      (l) => l.country === 'SY' && l.parent && (l.regionAliases ?? []).includes(l.name.en) && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(l.name.en),
    );
    expect(locality).toBeDefined();
    const governorate = gaz.byId.get(locality!.parent!)!;
    const line = `Shelling hit ${locality!.name.en} in ${governorate.name.en} overnight.`;
    expect(tagText(gaz, line, [], 'en', syria).places).toEqual([locality!.id, governorate.id]);
    expect(tagText(gaz, line, [], 'en', {}).places).toEqual([governorate.id]);
    // the same name with no word of its governorate around it stays untagged
    expect(tagText(gaz, `Shelling hit ${locality!.name.en} overnight.`, [], 'en', syria).places).toEqual([]);
  });
});

describe('gazetteer integrity', () => {
  it('gives every alias to one entity, or lists it as deliberately ambiguous', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of [...gaz.places, ...gaz.groups, ...gaz.agencies]) {
      // the dataset's alternate names are matched in their region only, where a hand entry wins
      for (const n of namesOf({ ...e, regionAliases: undefined })) {
        const k = foldName(n).lower;
        owners.set(k, (owners.get(k) ?? new Set()).add(e.id));
      }
    }
    const shared = [...owners].filter(([k, ids]) => ids.size > 1 && !gaz.ambiguous.has(k));
    expect(shared).toEqual([]);
    for (const [k, a] of gaz.ambiguous) {
      for (const id of a.ids) expect(gaz.byId.has(id), `${k}: ${id}`).toBe(true);
      if (a.default) expect(a.ids).toContain(a.default);
    }
  });

  it('has parents and members that exist', () => {
    for (const e of gaz.byId.values()) {
      if (e.parent) expect(gaz.byId.get(e.parent)?.type, `${e.id} -> ${e.parent}`).toBe('place');
      for (const m of e.members ?? []) expect(gaz.byId.get(m)?.type, `${e.id} member ${m}`).toBe('group');
    }
  });

  it('has English names, ascii slugs, and coordinates only with a source', () => {
    for (const e of gaz.byId.values()) {
      expect(e.id).toMatch(/^[a-z0-9-]+$/);
      expect(e.name.en.length).toBeGreaterThan(0);
      if (e.coords) {
        expect(e.coordsSource).toBeTruthy();
        expect([1, 2, 3]).toContain(e.geoPrecision);
        expect(Math.abs(e.coords[0])).toBeLessThanOrEqual(180);
        expect(Math.abs(e.coords[1])).toBeLessThanOrEqual(90);
      }
    }
  });

  it('keeps agencies out of the groups file', () => {
    for (const id of ['sohr', 'sana', 'afp', 'reuters']) expect(gaz.byId.get(id)?.type).toBe('agency');
  });
});

describe('entity records', () => {
  it('publishes every place and group, valid against the schema', () => {
    const records = buildEntityRecords(gaz, [{ id: 'e1', places: ['manbij'], groups: ['isil'] }]);
    expect(records.length).toBe(gaz.places.length + gaz.groups.length);
    for (const r of records) expect(() => Entity.parse(r)).not.toThrow();
    const manbij = records.find((r) => r.id === 'manbij')!;
    expect(manbij.url).toBe('/place/manbij/');
    expect(manbij.coords).toBeDefined();
    expect(records.find((r) => r.id === 'isil')!.url).toBe('/group/isil/');
    expect(records.find((r) => r.id === 'sohr')).toBeUndefined();
    expect(records.find((r) => r.id === 'islamic-front')!.members).toContain('ahrar-al-sham');
  });

  it('refuses events tagged with unknown ids', () => {
    expect(() => buildEntityRecords(gaz, [{ id: 'e1', places: ['atlantis'], groups: [] }])).toThrow(/atlantis/);
  });
});

describe('unknown names', () => {
  it('reports unclaimed link targets and capitalised names, not known ones', () => {
    const names = findUnknownNames(gaz, 'Rebels clashed with the Yellow Lantern Brigade near Manbij and Kafr Umbra.', [], 'en');
    expect(names).toContain('Yellow Lantern Brigade');
    expect(names).toContain('Kafr Umbra');
    expect(names.join(' ')).not.toMatch(/Manbij|Rebels/);
    expect(findUnknownNames(gaz, '在某村', ['某某村', 'File:Map.svg', '巴卜'], 'zh-Hans')).toEqual(['某某村']);
    expect(findUnknownNames(gaz, '反对派在Kafr Zita和Tal Abyss之间设立了检查站', [], 'zh-Hans')).toEqual(['Tal Abyss']);
  });
});

interface Passage {
  file: string;
  snippet: string;
  places: string[];
  groups: string[];
  links?: string[];
}

describe('real passages (hand-checked, tests/expectations/entities-sample.json)', () => {
  const data = JSON.parse(readFileSync('tests/expectations/entities-sample.json', 'utf8')) as { passages: Passage[] };
  const passages = data.passages;

  it('has at least 60 passages, each copied from its source', () => {
    expect(passages.length).toBeGreaterThanOrEqual(60);
    for (const p of passages) {
      const src = readFileSync(`content/sources/${p.file}`, 'utf8')
        .replace(/\[\[(?:[^|\]]*\|)?([^\]]*)\]\]/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<ref[^>]*\/>|<ref[^>]*>[\s\S]*?<\/ref>|<!--[\s\S]*?-->/g, '')
        .replace(/-\{|\}-/g, '')
        .replace(/\[\d+\]/g, '')
        .replace(/\*\*/g, '')
        .replace(/\s+/g, ' ');
      expect(src, p.snippet.slice(0, 60)).toContain(p.snippet.replace(/\s+/g, ' '));
    }
  });

  it('tags at least 95% of named entities, with at least 98% of tags correct', () => {
    let expected = 0;
    let found = 0;
    let tagged = 0;
    let right = 0;
    const misses: string[] = [];
    for (const p of passages) {
      const lang = /[\u3400-\u9fff]/.test(p.snippet) ? 'zh-Hans' : 'en';
      const t = tagText(gaz, p.snippet, p.links ?? [], lang, syria);
      const want = new Set([...p.places, ...p.groups]);
      const got = new Set([...t.places, ...t.groups]);
      expected += want.size;
      tagged += got.size;
      for (const id of want) if (got.has(id)) found++;
      else misses.push(`missed ${id} in ${p.snippet.slice(0, 40)}`);
      for (const id of got) if (want.has(id)) right++;
      else misses.push(`extra ${id} in ${p.snippet.slice(0, 40)}`);
    }
    const recall = found / expected;
    const precision = right / tagged;
    console.log(`entities-sample: recall ${(recall * 100).toFixed(1)}% (${found}/${expected}), precision ${(precision * 100).toFixed(1)}% (${right}/${tagged})\n${misses.join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.98);
  });

  it('grounds every tag in a name that occurs in the passage', () => {
    // a governorate may be named by its capital's name in a governorate context ("the Hama and Homs provinces")
    const capitalNames = new Map<string, string[]>();
    for (const [city, gov] of capitalOf(gaz)) capitalNames.set(gov, [...(capitalNames.get(gov) ?? []), ...namesOf(gaz.byId.get(city)!)]);
    for (const p of passages) {
      const t = tagText(gaz, p.snippet, p.links ?? [], 'en', syria);
      for (const id of [...t.places, ...t.groups]) {
        const e = gaz.byId.get(id)!;
        const text = foldName(p.snippet).lower;
        const names = [...namesOf(e), ...roleWordsOf(gaz, id), ...(capitalNames.get(id) ?? [])];
        expect(names.some((n) => text.includes(foldName(n).lower)), `${id} in ${p.snippet.slice(0, 40)}`).toBe(true);
      }
    }
  });
});

describe('many passages', () => {
  // how fast is a benchmark figure (npm run bench); this checks that tagging holds over many passages
  it('tags ten thousand passages alike', () => {
    const sample = 'On 8 March, ISIL fighters shelled a rebel checkpoint outside Manbij for an hour. 同日在拉卡省Tabqa镇附近，伊斯蘭國与反对派武装交火，双方各有伤亡。';
    const first = tagText(gaz, sample, [], 'en', syria);
    for (let k = 1; k < 10_000; k++) expect(tagText(gaz, sample + k, [], 'en', syria)).toEqual(first);
  });
});

describe('coverage hard cases', () => {
  const tag = (text: string) => tagText(gaz, text, [], 'en', syria);

  it('reads a capital as its governorate in a governorate context', () => {
    expect(tag('Rebels held much of Idlib and Latakia provinces by spring.').places).toEqual(['idlib-governorate', 'latakia-governorate']);
    expect(tag('groups attacked ISIL in the governorates of Aleppo and Idlib.').places).toEqual(['aleppo-governorate', 'idlib-governorate']);
    expect(tag('convoys left the eastern province of Deir ez-Zor, passing the city of Deir ez-Zor.').places).toEqual(['deir-ez-zor-governorate', 'deir-ez-zor']);
    expect(tag('a clinic opened in Al-Sor town in the eastern countryside of Der-Ezzor.').places).toEqual(['al-sor', 'deir-ez-zor-governorate']);
    expect(tag('In the Idlib village of Kafr Takharim, ISIL opened fire.').places).toEqual(['idlib-governorate', 'kafr-takharim']);
    expect(tag('In Aleppo, fighting raged throughout the province.').places).toEqual(['aleppo-governorate']);
    expect(tag('在阿勒颇，战斗在全省范围内展开').places).toEqual(['aleppo-governorate']);
    expect(tag('在伊德利卜的乡村地区').places).toEqual(['idlib-governorate']);
    expect(tag('the town of Azaz in Northern Aleppo').places).toEqual(['azaz', 'aleppo-governorate']);
    // not a governorate context
    expect(tag('fighting in Aleppo and Idlib').places).toEqual(['aleppo', 'idlib']);
    expect(tag('rebels besieged Aleppo city and Idlib province').places).toEqual(['aleppo', 'idlib-governorate']);
    expect(tag('ISIL had won the battle for Ar-Raqqah capturing most of the province and the provincial capital.').places).toEqual(['raqqa']);
    expect(tag('在阿勒颇市及其郊外').places).toEqual(['aleppo']);
  });

  it('tags the place a district or landmark is named after, but not for airports', () => {
    expect(tag('一座位于阿勒颇老城的市场被烧毁').places).toEqual(['aleppo-old-city', 'aleppo']);
    expect(tag('阿勒颇国际机场附近的道路被封锁').places).toEqual(['aleppo-international-airport']);
    expect(tag('这座基地位于阿勒颇机场附近').places).toEqual(['aleppo-international-airport']);
    expect(tag('trucks queued at the Quneitra border crossing all week').places).toEqual(['quneitra-crossing', 'quneitra']);
  });

  it('knows the spellings of bases and neighbourhoods met in the sources', () => {
    for (const t of ['Menagh空军基地', 'Minagh空军基地', 'Minakh空军基地', 'Mennagh军事基地', 'the Menagh military airport was shelled']) expect(tag(t).places).toEqual(['menagh-airbase']);
    for (const t of ['Jirah基地', 'Al-Jarah军用机场', 'jets took off from the Al-Jarah military airport']) expect(tag(t).places).toEqual(['al-jarrah-airbase']);
    for (const t of ['al-Nayrab军用机场', 'Nayrab机场', 'Nairab基地']) expect(tag(t).places).toEqual(['nayrab-airbase']);
    expect(tag('Kweires军用机场').places).toEqual(['kweires-airbase']);
    expect(tag('Al-Hassan清真寺前的广场上').places).toEqual(['al-hassan-mosque']);
    expect(tag('Matahen一带的工厂停工').places).toEqual(['matahen']);
    expect(tag('卡斯泰洛路').places).toEqual(['castillo-road']);
  });

  it('reads neighbouring countries from border phrases', () => {
    expect(tag('a camp near the Turkish border grew').places).toEqual(['turkey']);
    expect(tag('two miles from the Turkish-Syrian border, the road ends').places).toEqual(['turkey']);
    expect(tag('位于土叙边境附近的Bsartoun村').places).toEqual(['turkey', 'bsartoun']);
    expect(tag('the convoy drove toward the Iraqi border').places).toEqual(['iraq']);
    expect(tag('smugglers crossed between Jordanian border posts and the Syrian al-Badia').places).toContain('jordan');
    expect(tag('叙境内的多个城市停电').places).toEqual(['syria']);
    expect(tag('a Turkish news photographer was hurt').places).toEqual([]);
  });

  it('tags both parties of a compound name', () => {
    expect(tag('俄敘聯軍於9月發起另一次攻勢').groups.sort()).toEqual(['russian-armed-forces', 'syrian-government']);
    expect(tag('fighters of the Ar-Raqqah Rebels Brigade regrouped').groups).toEqual(['liwa-thuwwar-al-raqqa']);
    expect(tag('men of the Qadisya Brigade regrouped').groups).toEqual(['qadisiyah-brigade']);
  });
});
