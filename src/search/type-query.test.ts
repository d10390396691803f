import { describe, expect, it } from 'vitest';
import { normaliseTypeName, typeNameIndex, typeOfQuery } from './type-query.ts';

describe('type queries', () => {
  const index = typeNameIndex({ 'car-bomb': ['Car bomb', '汽车炸弹', '汽車炸彈', 'VBIED'], battles: ['Battles', '交战', '交戰'] });

  it('finds the type a whole query names, in any script, case or spacing', () => {
    for (const q of ['car bomb', 'Car-Bomb', ' carbomb ', '"car bomb"', '汽车炸弹', '汽車炸彈', 'vbied']) expect(typeOfQuery(q, index), q).toBe('car-bomb');
    expect(typeOfQuery('交戰', index)).toBe('battles');
  });

  it('leaves other queries to the text search', () => {
    for (const q of ['car bomb Manbij', 'car', '', '汽车']) expect(typeOfQuery(q, index), q).toBeUndefined();
  });

  it('normalises punctuation away', () => {
    expect(normaliseTypeName('Shelling / artillery / missile attack')).toBe('shellingartillerymissileattack');
  });
});
