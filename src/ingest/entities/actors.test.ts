import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer, tagText, textContext, type Gazetteer, type TagContext } from './index.ts';

let gaz: Gazetteer;
let syria: TagContext;
beforeAll(() => {
  gaz = loadGazetteer('content/entities');
  syria = textContext(gaz, 'opposition-isil-2014', []);
});

const groups = (text: string, context: TagContext = syria) => tagText(gaz, text, [], /[\u3400-\u9fff]/.test(text) ? 'zh-Hans' : 'en', context).groups;

describe('actors of the Syrian war', () => {
  it('knows the Kurdish-led forces, the Turkish military and their Chinese names', () => {
    expect(groups('Turkish troops and allied Syrian rebels shelled SDF positions overnight.')).toEqual(['turkish-armed-forces', 'syrian-opposition', 'syrian-democratic-forces']);
    expect(groups('叙利亚民主力量在美军支持下向北推进。')).toEqual(['syrian-democratic-forces', 'us-armed-forces']);
    expect(groups('土耳其軍方稱，土耳其戰機轟炸了敘民主力量的陣地。')).toEqual(['turkish-armed-forces', 'syrian-democratic-forces']);
    expect(groups("YPJ fighters and the Women's Protection Units' commanders")).toEqual(['ypj']);
  });

  it('knows the later jihadist and rebel coalitions, and the foreign forces', () => {
    expect(groups('Hayat Tahrir al-Sham fighters overran an army post, where Iranian Revolutionary Guards advisers were killed.')).toEqual(['hayat-tahrir-al-sham', 'irgc']);
    expect(groups('Jabhat Fateh al-Sham and the Army of Conquest entered the town.')).toEqual(['al-nusra-front', 'jaysh-al-fatah']);
    expect(groups('Peshmerga units joined the US-led coalition offensive.')).toEqual(['peshmerga', 'us-led-coalition']);
    expect(groups('俄罗斯战机与叙军协同进攻。')).toEqual(['russian-armed-forces', 'syrian-government']);
    expect(groups('俄羅斯軍艦發射導彈，反政府軍撤出了陣地。')).toEqual(['russian-armed-forces', 'syrian-opposition']);
    // 俄叙 (Russian-Syrian) names both sides together
    expect(groups('俄敘方面稱空襲取得了成果。').sort()).toEqual(['russian-armed-forces', 'syrian-government']);
  });

  it('tags the groups of the Syrian war only in texts about it; state forces anywhere', () => {
    const none: TagContext = {};
    expect(groups('Turkish troops and allied Syrian rebels shelled SDF positions overnight.', none)).toEqual(['turkish-armed-forces']);
    expect(groups('The US-led coalition bombed the bridge.', none)).toEqual([]);
    expect(groups('US forces landed at dawn.', none)).toEqual(['us-armed-forces']);
  });

  it('reads the army of a civil war as its government', () => {
    expect(groups('Army units pushed the rebels out of the old market.')).toEqual(['syrian-government', 'syrian-opposition']);
    expect(groups('By nightfall the Army had retaken the hill.')).toEqual(['syrian-government']);
    // a role word gives way to a name that starts inside it
    expect(groups('Fighters of the Army of Conquest shelled the hill.')).toEqual(['jaysh-al-fatah']);
    expect(groups('The hill stayed under army control for a week.')).toEqual(['syrian-government']);
    // a named army is its own; in a text about no war listed, the army is nobody's
    expect(groups('The Free Syrian Army held the crossing.')).toEqual(['free-syrian-army']);
    expect(groups('Army units had reached the river.', {})).toEqual([]);
    // the army's supply lines and the police are the government's too
    expect(groups('Raids cut Army supply lines to the north.')).toEqual(['syrian-government']);
    expect(groups('警察部队在郊区撤退。')).toEqual(['syrian-government']);
    // a role word the head of a group's name opens is that group's: "Red Army forces"
    expect(groups('Red Army forces crossed the river.', {})).toEqual(['red-army']);
  });

  it('reads "Turkish" as the military only with a military noun', () => {
    const t = tagText(gaz, 'Refugees crossed the Turkish border as Turkish officials watched.', [], 'en', syria);
    expect(t.groups).toEqual([]);
    expect(t.places).toEqual(['turkey']);
  });
});

describe('a country as the actor of a military act', () => {
  it('names its state forces, and not the place, when the act follows it in its clause', () => {
    const zh = tagText(gaz, '俄罗斯向代尔祖尔增派战机，轰炸伊斯兰国的阵地。', [], 'zh-Hans', syria);
    expect(zh.groups).toEqual(['russian-armed-forces', 'isil']);
    expect(zh.places).toEqual(['deir-ez-zor']);
    const en = tagText(gaz, 'Lebanon deployed troops along the border road.', [], 'en', syria);
    expect(en.groups).toEqual(['lebanese-army']);
    expect(en.places).toEqual([]);
  });

  it('reads the forces in the adjective of a people right before a military act', () => {
    expect(groups('Russian air-strikes hit the convoy near the bridge.')).toEqual(['russian-armed-forces']);
    expect(tagText(gaz, 'Turkish artillery pounded the ridge.', [], 'en', syria).places).toEqual([]);
    expect(groups('Turkish artillery pounded the ridge.')).toEqual(['turkish-armed-forces']);
    // the adjective of another noun is not the state's act
    expect(groups('Syrian rebel aviation was a rumour.')).toEqual(['syrian-opposition']);
  });

  it('reads the forces in the country or its people named right before its soldiers', () => {
    const us = tagText(gaz, 'US special forces waded across the canal at night.', [], 'en', syria);
    expect(us.groups).toEqual(['us-armed-forces']);
    expect(us.places).toEqual([]);
    expect(groups('By noon Syrian troops held the hill.')).toEqual(['syrian-government']);
    // the forces of a war the text is not about are not read
    expect(tagText(gaz, 'Syrian troops held the Golan plateau in June 1967.', [], 'en', {}).groups).toEqual([]);
  });

  it('keeps the place where the country is where the act goes', () => {
    const zh = tagText(gaz, '轰炸机从伊朗起飞，飞往叙利亚执行轰炸任务。', [], 'zh-Hans', syria);
    expect(zh.places).toContain('syria');
    expect(zh.groups).toEqual([]);
  });

  it('keeps the place where the country is only named, or the act is in another clause', () => {
    const visit = tagText(gaz, 'The envoy flew to Russia, and the talks were launched a week later.', [], 'en', syria);
    expect(visit.groups).toEqual([]);
    expect(visit.places).toEqual(['russia']);
    const both = tagText(gaz, '土耳其出兵以前，难民逃往土耳其。', [], 'zh-Hans', syria);
    expect(both.groups).toEqual(['turkish-armed-forces']);
    expect(both.places).toEqual(['turkey']);
  });

  it('reads the forces of the Syrian war only in texts about it', () => {
    expect(groups('Syria shelled the border villages.', {})).toEqual([]);
    expect(groups('Syria shelled the border villages.')).toEqual(['syrian-government']);
  });
});

describe('a place as a role', () => {
  it('reads "the capital" as the capital of the war the text is about, and of no war otherwise', () => {
    const places = (text: string, context: TagContext = syria) => tagText(gaz, text, [], /[\u3400-\u9fff]/.test(text) ? 'zh-Hans' : 'en', context).places;
    expect(places('Rebel columns moved on the capital from the eastern suburbs.')).toEqual(['damascus']);
    expect(places('反对派武装的车队向首都推进。')).toEqual(['damascus']);
    expect(places('Rebel columns moved on the capital from the eastern suburbs.', {})).toEqual([]);
  });
});

describe('a country named by its people', () => {
  it('is a place when its adjective comes before a place noun', () => {
    const places = (text: string) => tagText(gaz, text, [], 'en', syria).places;
    expect(places('Families crossed into the Lebanese town of Qarmuta overnight.')).toContain('lebanon');
    expect(places('Shells fell on the Turkish side of the border.')).toContain('turkey');
    // a country of several adjectives: each names it
    expect(places('Drones crossed into Persian airspace.')).toContain('iran');
    // the people, not the place
    expect(places('Lebanese fighters joined the assault.')).not.toContain('lebanon');
    expect(places('the lebanese town of Qarmuta')).not.toContain('lebanon');
  });
});

describe('the countries of the world', () => {
  const places = (text: string) => tagText(gaz, text, [], /[\u3400-\u9fff]/.test(text) ? 'zh-Hans' : 'en', {}).places;
  it('reads a country no hand entry describes, in either language, in any text', () => {
    expect(places('Border clashes between Honduras and El Salvador began in July.')).toEqual(['honduras', 'el-salvador']);
    // a two-character name (斐济, Fiji) only as a whole word of the passage (entities.test.ts)
    expect(places('代表团从巴基斯坦飞往斐济。')).toEqual(['pakistan', 'fiji-islands']);
  });

  it('leaves out names that name other things too', () => {
    // 斐济 above: a two-character Han name is read only as …国; 沿海地区 holds 海地 (Haiti)
    expect(places('沿海地区的渔民撤离了。')).toEqual([]);
    // refugees of a country are its people, not a place
    expect(places('数百名巴基斯坦难民在营地外集会。')).toEqual([]);
    // a US state, and a country's name inside one
    expect(places('The senator flew home to Georgia, then to New Jersey.')).toEqual([]);
  });
});
