import { describe, expect, it } from 'vitest';
import { detectFormat, detectLang } from './detect.ts';
import { sourceText } from './readers/testSupport.ts';

describe('detectFormat', () => {
  it('recognises each source format from its text', () => {
    expect(detectFormat(sourceText('000_144564388ffd4dde.txt'))).toBe('wikitext');
    expect(detectFormat(sourceText('001_285ae1a0c3e52f84.txt'))).toBe('plaintext');
    expect(detectFormat(sourceText('002_05092bd0643b1bd0.txt'))).toBe('markdown');
    expect(detectFormat(sourceText('003_0100bfe34d1bbbb8.txt'))).toBe('plaintext');
    expect(detectFormat(sourceText('004_356500fd48192b0e.txt'))).toBe('blog');
  });

  it('works on small new texts', () => {
    expect(detectFormat('== A ==\nText [[Link]].<ref>x</ref>\n')).toBe('wikitext');
    expect(detectFormat('## A\n\n**7月1日**\n\nText [a](http://x).\n')).toBe('markdown');
    expect(detectFormat('Post title\n\nBody text.\n\nRelated Posts\n\n  1. A comment\n\nLeave a Comment\n')).toBe('blog');
    expect(detectFormat('Just some text.\n\nAnother paragraph.\n')).toBe('plaintext');
  });
});

describe('detectLang', () => {
  it('tells English, simplified and traditional Chinese apart', () => {
    expect(detectLang(sourceText('001_285ae1a0c3e52f84.txt'))).toBe('en');
    expect(detectLang(sourceText('000_144564388ffd4dde.txt'))).toBe('zh-Hans');
    expect(detectLang(sourceText('002_05092bd0643b1bd0.txt'))).toBe('zh-Hans');
    expect(detectLang('反對派武裝人員撤離阿勒頗東部，政府軍宣佈收復全境。')).toBe('zh-Hant');
    expect(detectLang('反对派武装人员撤离阿勒颇东部，政府军宣布收复全境。')).toBe('zh-Hans');
    expect(detectLang('ISIS captured 阿勒颇 in a long English sentence with many words.')).toBe('en');
  });
});
