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
  });

  it('tags the groups of the Syrian war only in texts about it; state forces anywhere', () => {
    const none: TagContext = {};
    expect(groups('Turkish troops and allied Syrian rebels shelled SDF positions overnight.', none)).toEqual(['turkish-armed-forces']);
    expect(groups('The US-led coalition bombed the bridge.', none)).toEqual([]);
    expect(groups('US forces landed at dawn.', none)).toEqual(['us-armed-forces']);
  });

  it('reads "Turkish" as the military only with a military noun', () => {
    const t = tagText(gaz, 'Refugees crossed the Turkish border as Turkish officials watched.', [], 'en', syria);
    expect(t.groups).toEqual([]);
    expect(t.places).toEqual(['turkey']);
  });
});
