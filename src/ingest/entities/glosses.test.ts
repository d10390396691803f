import { beforeAll, describe, expect, it } from 'vitest';
import { learnGlosses, loadGazetteer, tagText, textContext, withLearned, type Gazetteer, type TagContext } from './index.ts';

let gaz: Gazetteer;
let syria: TagContext;
beforeAll(() => {
  gaz = loadGazetteer('content/entities');
  syria = textContext(gaz, 'opposition-isil-2014', []);
});

const run = (passages: string[]) => {
  const tagged = passages.map((p) => tagText(gaz, p, [], 'zh-Hans', syria));
  const learned = learnGlosses(gaz, passages.join('\n'), syria, tagged.flatMap((t) => t.cued ?? []));
  return withLearned(gaz, passages, tagged, learned);
};

describe('names a text glosses', () => {
  it('tags a glossed Han name where the text writes it again alone', () => {
    const [first, second] = run(['3月2日，炮弹落在塔迪夫（Tadif）东部。', '3月4日，政府军撤出塔迪夫。']);
    expect(first!.places).toContain('tadif');
    expect(second!.places).toEqual(['tadif']);
    expect(second!.spellings).toEqual({ tadif: ['塔迪夫'] });
  });

  it('learns the ending of the run the text repeats, and a place a cue made in the text', () => {
    const [, second] = run(['叛军正在围攻卡尔穆塔（Qarmuta）村。', '一周后卡尔穆塔的守军投降。']);
    expect(second!.places).toEqual(['qarmuta']);
  });

  it('learns nothing from a gloss of an unknown name, or a name written once', () => {
    expect(run(['指挥官阿布·扎伊德（Abu Zaid）受伤。', '阿布·扎伊德后来康复。'])[1]!.places).toEqual([]);
    expect(run(['炮弹落在塔迪夫（Tadif）东部。', '政府军撤出了城镇。'])[1]!.places).toEqual([]);
  });
});

describe('names a cue gave', () => {
  it('tags a place a cue made wherever the text names it again', () => {
    const passages = ['On 3 May the rebels took the village of Qarmuta.', 'Two days later shells fell on Qarmuta again.', 'Nothing happened in Aleppo.'];
    const tagged = passages.map((p) => tagText(gaz, p, [], 'en', syria));
    const out = withLearned(gaz, passages, tagged, { names: new Map() });
    expect(out.map((t) => t.places.includes('qarmuta'))).toEqual([true, true, false]);
    // inside a longer name it is not that place (the dam is a place of its own)
    const longer = ['On 3 May the rebels took the village of Qarmuta.', 'Water was cut at the Qarmuta Dam.'];
    expect(withLearned(gaz, longer, longer.map((p) => tagText(gaz, p, [], 'en', syria)), { names: new Map() })[1]!.places).toEqual(['qarmuta-dam']);
    // a spelling a cue read as a known place: that place
    const spelled = ['In Aleppo province, the army retook the town of Taddef.', 'Taddef was shelled again.'];
    const again = withLearned(gaz, spelled, spelled.map((p) => tagText(gaz, p, [], 'en', syria)), { names: new Map() });
    expect(again[1]!.places).toEqual(['tadif']);
  });

  it('knows a place a cue made with its article also without it, but not a short remainder', () => {
    const passages = ['The militants held the town of Al-Qaryat Sharqiya for a week.', 'Shelling of Qaryat Sharqiya resumed at dawn.'];
    const tagged = passages.map((p) => tagText(gaz, p, [], 'en', syria));
    expect(tagged[0]!.cued?.[0]?.aliases).toEqual(['Al-Qaryat Sharqiya', 'Qaryat Sharqiya']);
    expect(withLearned(gaz, passages, tagged, { names: new Map() })[1]!.places).toEqual(tagged[0]!.places);
    // "Rumi" alone is too short to be read as the name
    expect(tagText(gaz, 'Fighters reached the village of al-Rumi on foot.', [], 'en', syria).cued?.[0]?.aliases).toEqual(['al-Rumi']);
  });
});
