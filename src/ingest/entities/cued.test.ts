import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../pipeline.ts';
import { buildEntityRecords, cuedGroupNames, cuedNames, foldText, loadGazetteer, looseKey, spellingsOf, tagText, textContext, unifyCued, type Gazetteer, type TagContext } from './index.ts';

let gaz: Gazetteer;
let syria: TagContext;
beforeAll(() => {
  gaz = loadGazetteer('content/entities');
  syria = textContext(gaz, 'opposition-isil-2014', []);
});

const loose = (name: string) => looseKey(name, spellingsOf(gaz));

// the names a cue makes places of (a known-only cue's names are read only as known places)
const names = (text: string) =>
  cuedNames(gaz, text, foldText(text))
    .filter((n) => !n.knownOnly)
    .map((n) => `${n.name} (${n.kind})`);

describe('place cues', () => {
  it('reads the name a cue opens, and a list after a plural cue', () => {
    expect(names('Rebels took the village of Qarmuta after a night of shelling.')).toEqual(['Qarmuta (village)']);
    expect(names('By noon the villages of Umm Zarqa, Tall Fanus and al-Ruwaydat had fallen.')).toEqual([
      'Umm Zarqa (village)',
      'Tall Fanus (village)',
      'al-Ruwaydat (village)',
    ]);
    expect(names('Fighters reached the town of Zarqat, and the villages nearby.')).toEqual(['Zarqat (town)']);
    // a singular cue names one place: what follows "and" is another matter
    expect(names('They shelled the village of Qarmuta and Turkey protested.')).toEqual(['Qarmuta (village)']);
    // a possessive ends the name
    expect(names("the village of Qarmuta's wells ran dry")).toEqual(['Qarmuta (village)']);
  });

  it('reads the places a capture verb takes as its object', () => {
    expect(names('The militia captured Zarqat, Umm Zarqa, and Tall Fanus before dawn.')).toEqual(['Zarqat (locality)', 'Umm Zarqa (locality)', 'Tall Fanus (locality)']);
    expect(names('Rebels recaptured Qarmuta on Tuesday.')).toEqual(['Qarmuta (locality)']);
    // a hill or a point is named by its number
    expect(names('The army captured Hill 412 and Point 77 before dawn.')).toEqual(['Hill 412 (locality)', 'Point 77 (locality)']);
    expect(names('The army captured Hill, the last height.')).toEqual([]);
    // an adjective before a noun is not the object
    expect(names('The patrol captured Belgian volunteers near the river.')).toEqual([]);
  });

  it('reads a name a Latin cue word closes after a preposition', () => {
    expect(names('Heavy fighting went on near Zarqat village until dusk.')).toEqual(['Zarqat (village)']);
    expect(names('Rebels withdrew to Umm Zarqa town.')).toEqual(['Umm Zarqa (town)']);
    // an adjective, a capitalised heading word, a word inside a longer one
    expect(names('They entered the largely Christian town of Zarqat.')).toEqual(['Zarqat (town)']);
    expect(names('in Zarqat villagers gathered')).toEqual([]);
    expect(names('near Zarqat Village Council offices')).toEqual([]);
  });

  it('needs the cue in lower case and a capitalised name after it', () => {
    expect(names('The Villages Of Rural Hama')).toEqual([]);
    expect(names('the village of some farmers')).toEqual([]);
    expect(names('the town of January')).toEqual([]);
  });

  it('reads a Latin name a Han cue word closes, and a glossed one', () => {
    expect(names('政府军收复了Umm Zarqa村，距离城区两公里。')).toEqual(['Umm Zarqa (village)']);
    const glossed = cuedNames(gaz, '叛军在扎尔卡特（Zarqat）镇附近集结', foldText('叛军在扎尔卡特（Zarqat）镇附近集结'));
    expect(glossed.map((n) => [n.name, n.kind, n.han])).toEqual([['Zarqat', 'town', '扎尔卡特']]);
    // 镇压 is to suppress; a Latin run inside English words is not read
    expect(names('Qarmuta镇压了抗议')).toEqual([]);
    expect(names('fighters in Qarmuta村')).toEqual([]);
  });

  it('reads a name a Latin cue word closes after a preposition or "the", but not a people\'s adjective', () => {
    expect(names('Shells fell in the Qarmut neighborhood at dusk.')).toEqual(['Qarmut (neighbourhood)']);
    expect(names('Families fled from the Christian neighbourhood and into the Lebanese town.')).toEqual([]);
    // after "the", any verb: "recaptured the Qarmut oil field", but not a religion's or people's adjective
    expect(names('By noon they had recaptured the Qarmut oil field.')).toEqual(['Qarmut oil field (oil-field)']);
    expect(names('Militants shelled the Kurdish town and seized the Turkish village.')).toEqual([]);
    // a plural cue word closes a list of names; after one name it is an attribute ("in Zarqat villages")
    expect(names('ISIL overran the Zarqat and Qarmut neighborhoods at night.')).toEqual(['Zarqat (neighbourhood)', 'Qarmut (neighbourhood)']);
    expect(names('Residents of Zarqat villages fled east.')).toEqual([]);
  });

  it('reads a list after "including" where the sentence has just named villages', () => {
    expect(names('The militia took several villages that week, including: Zarqat, Umm Fanus, and Qarmut.')).toEqual([
      'Zarqat (village)',
      'Umm Fanus (village)',
      'Qarmut (village)',
    ]);
    // with no plural cue earlier in the sentence, "including" names nothing
    expect(names('Several groups joined, including Zarqat Brigade.')).toEqual([]);
    expect(names('They shelled villages. Others fled, including Qarmut.')).toEqual([]);
  });

  it('reads a name its own feature word ends or opens', () => {
    expect(names('Shelling hit the besieged Zarqa Mountain and the Umm Fanus Oil Fields overnight.')).toEqual([
      'Zarqa Mountain (mountain)',
      'Umm Fanus Oil Fields (oil-field)',
    ]);
    expect(names('Fighters withdrew through Wadi al-Qarmut towards Jabal Fanus.')).toEqual(['Wadi al-Qarmut (valley)', 'Jabal Fanus (mountain)']);
    expect(names('Shells hit Tal Fanus and the Qarmut Castle at dusk.')).toEqual(['Tal Fanus (locality)', 'Qarmut Castle (landmark)']);
    expect(names('Convoys crossed the Zarqa Bridge and the Fanus Pass to the Qarmut Peninsula.')).toEqual([
      'Zarqa Bridge (landmark)',
      'Fanus Pass (mountain)',
      'Qarmut Peninsula (region)',
    ]);
    // a lower-case feature word, a feature word with no name, a bare particle before the head
    expect(names('the mountain road and the Mountain; Wadi was dry')).toEqual([]);
    expect(names('the Signal Regiment at Qarmut Camp')).toEqual(['Qarmut Camp (camp)']);
    // a numbered unit's name is an army's, not a place's
    expect(names('the XLI Mountain Corps and the 5th Mountain Division advanced')).toEqual([]);
  });

  it('reads every Latin name of a list a Han cue word closes', () => {
    expect(names('坦克开进了Zarqat、Umm Zarqa与Tall Fanus地区。')).toEqual(['Zarqat (district)', 'Umm Zarqa (district)', 'Tall Fanus (district)']);
    expect(names('北部的Qarmuta郊区遭到炮击')).toEqual(['Qarmuta (district)']);
    // the list is of names joined right before the cue: a name further off is not in it
    expect(names('Qarmuta的战士进入了Zarqat地区')).toEqual(['Zarqat (district)']);
    expect(names('Qarmuta区域的局势')).toEqual([]);
  });
});

const groupNames = (text: string) => cuedGroupNames(gaz, text, foldText(text)).map((n) => n.name);

describe('group cues', () => {
  it('reads the capitalised name a group head word ends', () => {
    expect(groupNames('Fighters of the Western Hills Brigade held the ridge.')).toEqual(['Western Hills Brigade']);
    expect(groupNames('Local units formed the Qarmuta Military Council in May.')).toEqual(['Qarmuta Military Council']);
    expect(groupNames("The Desert Lions Battalion's commander was wounded.")).toEqual(['Desert Lions Battalion']);
    // a possessive ends the name before it, unless names hold it (rules.json groupCues.possessives)
    expect(groupNames("The agency's Northern Ridge Brigade regrouped.")).toEqual(['Northern Ridge Brigade']);
    expect(groupNames("Units of the People's Mountain Army crossed the pass.")).toEqual(["People's Mountain Army"]);
  });

  it('needs a capitalised head and a name before it, and leaves numbered units to their army', () => {
    expect(groupNames('the brigade withdrew from the hills')).toEqual([]);
    expect(groupNames('Army units moved in at dawn.')).toEqual([]);
    expect(groupNames('The 12th Armoured Division crossed the river.')).toEqual([]);
    expect(groupNames('Orders reached XIV Corps too late.')).toEqual([]);
    expect(groupNames('The Ninth Army fell back.')).toEqual([]);
  });

  it('reads a name an Arabic word for a unit opens, and leaves a known one to the gazetteer', () => {
    expect(groupNames('Liwa Suqour al-Zarqa and Jabhat Ansar al-Fanus joined the attack.')).toEqual(['Liwa Suqour al-Zarqa', 'Jabhat Ansar al-Fanus']);
    const t = tagText(gaz, 'Liwa Suqour al-Zarqa fought beside Jabhat al-Nusra.', [], 'en', syria);
    expect(t.groups).toEqual(['al-nusra-front', 'liwa-suqour-al-zarqa']);
  });

  it("reads a state's military branch, and leaves it to the state's forces where the gazetteer has them", () => {
    const none = {};
    const navy = tagText(gaz, 'Ships of the Chilean Navy and the Peruvian Air Force met the convoy.', [], 'en', none);
    expect(navy.groups).toEqual(['chilean-navy', 'peruvian-air-force']);
    expect(navy.cued?.map((e) => e.kind)).toEqual(['state forces', 'state forces']);
    // a state whose forces the gazetteer holds: its forces, not a branch of their own
    expect(tagText(gaz, 'The US Navy fired missiles at the airbase.', [], 'en', syria).groups).toEqual(['us-armed-forces']);
  });
});

describe('tagging cued groups', () => {
  it('tags a group the gazetteer lacks as a group of its own; a known place inside its name keeps its tag', () => {
    const t = tagText(gaz, 'The Manbij Hills Brigade fought ISIL near Manbij.', [], 'en', syria);
    expect(t.groups).toEqual(['isil', 'manbij-hills-brigade']);
    expect(t.places).toContain('manbij');
    expect(t.cued).toEqual([{ id: 'manbij-hills-brigade', type: 'group', kind: 'armed group', name: { en: 'Manbij Hills Brigade' }, aliases: ['Manbij Hills Brigade'], cued: true }]);
  });

  it('leaves a name the gazetteer knows to the gazetteer', () => {
    const t = tagText(gaz, 'The Free Syrian Army shelled the base.', [], 'en', syria);
    expect(t.groups).toEqual(['free-syrian-army']);
    expect(t.cued).toBeUndefined();
  });

  it('publishes a cued group once an event is tagged with it', () => {
    const cued = new Map([['hills-brigade', { id: 'hills-brigade', type: 'group' as const, kind: 'armed group', name: { en: 'Hills Brigade' }, aliases: ['Hills Brigade'], cued: true }]]);
    const records = buildEntityRecords(gaz, [{ id: 'e1', places: [], groups: ['hills-brigade'] }], { cued });
    expect(records.find((e) => e.id === 'hills-brigade')).toMatchObject({ type: 'group', kind: 'armed group', url: '/group/hills-brigade/' });
    expect(buildEntityRecords(gaz, [], { cued }).some((e) => e.id === 'hills-brigade')).toBe(false);
  });
});

describe('loose keys', () => {
  it('fold the usual transliteration variants together', () => {
    expect(loose('Tadef')).toBe(loose('Tadif'));
    expect(loose('Abou Taltal')).toBe(loose('Abu Taltal'));
    expect(loose('Tell Rifaat')).toBe(loose('Tal Rif‘at'));
    expect(loose('el-Qaryatein')).toBe(loose('Al Qaryatayn'));
    // one word spelled several ways (rules.json placeCues.spellings)
    expect(loose('Kfar Zita')).toBe(loose('Kafr Zita'));
    expect(loose('Jebel Zawiya')).toBe(loose('Jabal al-Zawiyah'));
  });

  it('keep different names apart', () => {
    expect(loose('Tadif')).not.toBe(loose('Tafas'));
    expect(loose('Kafr Hamra')).not.toBe(loose('Kafr Hamza'));
  });
});

describe('tagging cued places', () => {
  it('tags a place the gazetteer lacks as a place of its own, with the cue as its kind', () => {
    const t = tagText(gaz, 'ISIL fighters stormed the village of Qarmuta at dawn.', [], 'en', syria);
    expect(t.groups).toEqual(['isil']);
    expect(t.places).toEqual(['qarmuta']);
    expect(t.cued).toEqual([{ id: 'qarmuta', type: 'place', kind: 'village', name: { en: 'Qarmuta' }, aliases: ['Qarmuta'], cued: true }]);
  });

  it('gives a glossed Chinese name in both scripts', () => {
    const t = tagText(gaz, '叛軍在扎爾卡特（Zarqat）鎮附近集結', [], 'zh-Hant', syria);
    expect(t.cued?.[0]?.name).toEqual({ en: 'Zarqat', 'zh-Hans': '扎尔卡特', 'zh-Hant': '扎爾卡特' });
  });

  it('leaves a known name to the gazetteer', () => {
    const t = tagText(gaz, 'Rebels entered the town of al-Bab.', [], 'en', syria);
    expect(t.places).toEqual(['al-bab']);
    expect(t.cued).toBeUndefined();
  });

  it('reads another spelling of a known place of the region as that place', () => {
    // Tadif is a known town of Aleppo Governorate; "Taddef" is no spelling the gazetteer holds
    const t = tagText(gaz, 'In Aleppo province, the army retook the town of Taddef.', [], 'en', syria);
    expect(t.places).toContain('tadif');
    expect(t.cued).toBeUndefined();
    expect(t.spellings).toEqual({ tadif: ['Taddef'] });
    // in a text of no region, a place of the region is not read from a dataset spelling (as the
    // matcher does not read it): nor does the spelling make a new place
    const elsewhere = tagText(gaz, 'The army retook the town of Taddef.', [], 'en', {});
    expect(elsewhere.places).toEqual([]);
    expect(elsewhere.cued).toBeUndefined();
  });

  it('tags a name with its own feature word as a place of its own, not the known place inside it', () => {
    const dam = tagText(gaz, 'Engineers inspected the Manbij Dam and the Manbij Airbase at noon.', [], 'en', syria);
    expect(dam.places).toEqual(['manbij-dam', 'manbij-airbase']);
    expect(dam.cued?.map((e) => e.kind)).toEqual(['landmark', 'base']);
    // named outside the feature name too, the known place stays
    expect(tagText(gaz, 'Shells fell on Manbij and on the Manbij Dam.', [], 'en', syria).places).toEqual(['manbij', 'manbij-dam']);
    // a known place of the feature's own kind is the name itself
    expect(tagText(gaz, 'Boats crossed the Euphrates River at dawn.', [], 'en', syria).places).toEqual(['euphrates']);
  });

  it('reads a name after a preposition only as a known place spelled another way', () => {
    const t = tagText(gaz, 'Convoys moved from Aleppo towards Taddef and Qarmuta overnight.', [], 'en', syria);
    expect(t.places).toEqual(['aleppo', 'tadif']);
    expect(t.cued).toBeUndefined();
    const read = cuedNames(gaz, 'Convoys moved from Aleppo towards Taddef and Qarmuta overnight.', foldText('Convoys moved from Aleppo towards Taddef and Qarmuta overnight.'));
    expect(read.filter((n) => n.knownOnly).map((n) => n.name)).toEqual(['Aleppo', 'Taddef', 'Qarmuta']);
    // a Han preposition right before a Latin name
    expect(tagText(gaz, '叛军从Taddef撤退。', [], 'zh-Hans', syria).places).toEqual(['tadif']);
  });
});

describe('one cued place, two spellings', () => {
  it('makes the later spelling of a text an alias of the first', () => {
    const a = tagText(gaz, 'The army shelled the village of Qarmouta overnight.', [], 'en', syria);
    const b = tagText(gaz, 'Families fled the village of Qarmuta and the village of Zarqat.', [], 'en', syria);
    const [ua, ub] = unifyCued(gaz, [a, b]);
    expect(ua).toBe(a);
    expect(ub!.places).toEqual(['qarmouta', 'zarqat']);
    expect(ub!.cued?.map((e) => [e.id, e.name.en])).toEqual([
      ['qarmouta', 'Qarmuta'],
      ['zarqat', 'Zarqat'],
    ]);
    // different names stay apart
    expect(unifyCued(gaz, [b, tagText(gaz, 'Rebels held the village of Zarqa.', [], 'en', syria)])[1]!.places).toEqual(['zarqa']);
  });
});

describe('publishing cued places', () => {
  it('publishes a cued place once an event is tagged with it, with a page url', () => {
    const cued = new Map([['qarmuta', { id: 'qarmuta', type: 'place' as const, kind: 'village', name: { en: 'Qarmuta' }, aliases: ['Qarmuta'], cued: true }]]);
    const records = buildEntityRecords(gaz, [{ id: 'e1', places: ['qarmuta'], groups: [] }], { cued });
    const r = records.find((e) => e.id === 'qarmuta');
    expect(r).toMatchObject({ type: 'place', kind: 'village', name: { en: 'Qarmuta' }, url: '/place/qarmuta/' });
    expect(r?.coords).toBeUndefined();
    expect(buildEntityRecords(gaz, [], { cued }).some((e) => e.id === 'qarmuta')).toBe(false);
    expect(() => buildEntityRecords(gaz, [{ id: 'e1', places: ['qarmuta'], groups: [] }])).toThrow(/qarmuta/);
  });

  it('adds a spelling met in the texts to the known place it names', () => {
    const spellings = new Map([['tadif', new Set(['Taddef'])]]);
    const records = buildEntityRecords(gaz, [{ id: 'e1', places: ['tadif'], groups: [] }], { spellings });
    expect(records.find((e) => e.id === 'tadif')?.aliases).toContain('Taddef');
  });

  it('runs through the ingest: one entity for the same name in two sources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dayline-cued-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'On 3 March 2014, rebels captured the village of Qarmuta near Aleppo after two days of heavy fighting.\n');
      writeFileSync(join(dir, 'b.txt'), 'On 5 March 2014, ISIL shelled the village of Qarmuta again, and its last families left for the city.\n');
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify([
          { id: 'a', file: 'a.txt', title: 'A', lang: 'en', format: 'plaintext', chronology: 'opposition-isil-2014' },
          { id: 'b', file: 'b.txt', title: 'B', lang: 'en', format: 'plaintext', chronology: 'opposition-isil-2014' },
        ]),
      );
      const result = ingest({ sourcesDir: dir, entitiesDir: 'content/entities', gazetteer: gaz });
      expect(result.events.map((e) => e.places.includes('qarmuta'))).toEqual([true, true]);
      expect(result.entities.filter((e) => e.id === 'qarmuta')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
