import { describe, expect, it } from 'vitest';
import { eventId, sourceKey, uniqueIds } from './ids.ts';

describe('event ids', () => {
  it('are URL-safe, carry the source key and the start day', () => {
    const id = eventId('000', 'zh-src', '2014-01-05', '反对派夺取了Manbij');
    expect(id).toMatch(/^e-000-2014-01-05-[0-9a-f]{6}$/);
  });
  it('depend only on their own source, date and text', () => {
    expect(eventId('1', 'a', '2014-01-05', 'x')).toBe(eventId('1', 'a', '2014-01-05', 'x'));
    expect(eventId('1', 'a', '2014-01-05', 'x')).not.toBe(eventId('1', 'a', '2014-01-06', 'x'));
  });
  it('take the numeric prefix of a file name, else a slug of the source id', () => {
    expect(sourceKey('004_356500fd48192b0e.txt', 'blog')).toBe('004');
    expect(sourceKey('battle.md', 'battle-of-aleppo')).toBe('battleof');
  });
  it('repeat-proof: identical passages get distinct ids', () => {
    expect(uniqueIds(['a', 'b', 'a'])).toEqual(['a', 'b', 'a-2']);
  });
});
