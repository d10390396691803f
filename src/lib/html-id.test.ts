import { describe, expect, it } from 'vitest';
import { htmlId } from './html-id.ts';

describe('htmlId', () => {
  it('keeps a slug as it is', () => {
    expect(htmlId('chrono', 'opposition-isil-2014')).toBe('chrono-opposition-isil-2014');
  });
  it('slugs any other value, with a digest that keeps distinct values apart', () => {
    const hostile = htmlId('c', '"><script>alert(1)</script> x');
    expect(hostile).toMatch(/^c-[a-z0-9-]+$/);
    expect(htmlId('c', '阿勒颇战役')).toMatch(/^c-[a-z0-9]+$/);
    expect(htmlId('c', 'A B')).not.toBe(htmlId('c', 'a-b'));
    expect(htmlId('c', 'A B')).toBe(htmlId('c', 'A B'));
  });
});
