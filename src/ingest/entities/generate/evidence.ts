/**
 * Names across languages from evidence in real texts, not typing:
 *  - wiki links: `[[曼比季]]`, `[[阿勒頗|阿勒颇]]`, Markdown wikilinks `[曼比季](../Page/曼比季.md "wikilink")`:
 *    the link target is the article title, the name the Chinese wiki gives the thing;
 *  - interlanguage templates `{{le|阿尔米 (叙利亚)|Armi|阿尔米}}`, `{{tsl|en|Armi|阿尔米}}`: a Chinese
 *    title paired with the English one;
 *  - glosses in Chinese texts: `泰爾艾納比曼度（Tell al-Nabi Mando）`, `Salaheddine（薩拉赫丁）`.
 * Every finding keeps the file and line it came from. Pure: texts in, findings out.
 */
import { HAN } from '../fold.ts';

export interface NameEvidence {
  /** The Han-script name. */
  han: string;
  /** The Latin-script name paired with it (glosses, interlanguage templates), if any. */
  latin?: string;
  /** Another spelling shown for the same thing (a link's display text), if any. */
  display?: string;
  kind: 'link' | 'interlanguage' | 'gloss';
  file: string;
  line: number;
}

const HAN_NAME = /^[\u3400-\u9fff\uf900-\ufaff·・\-‧]+$/;
/** A bracketed disambiguator at the end of a title: "阿尔米 (叙利亚)". */
const DISAMBIGUATOR = /\s*[(（][^()（）]*[)）]\s*$/;

function bareTitle(t: string): string {
  return t.split('#')[0]!.replace(/_/g, ' ').replace(DISAMBIGUATOR, '').trim();
}

/** The Han name that ends `run`: after the last boundary word ("的", "在", "和") of `boundaries`. */
export function trailingName(run: string, boundaries: string[]): string {
  let cut = 0;
  for (const b of boundaries) {
    const at = run.lastIndexOf(b);
    if (at >= 0 && at + b.length > cut && at + b.length < run.length) cut = at + b.length;
  }
  return run.slice(cut);
}

export function harvestNames(file: string, text: string, boundaries: string[]): NameEvidence[] {
  const out: NameEvidence[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const line = i + 1;
    const push = (e: Omit<NameEvidence, 'file' | 'line'>) => {
      if (e.han && HAN_NAME.test(e.han) && e.han.length >= 2) out.push({ ...e, file, line });
    };
    for (const m of lineText.matchAll(/\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/g)) {
      const target = bareTitle(m[1]!);
      if (/[:：]/.test(target)) continue;
      const display = m[2]?.trim();
      if (HAN.test(target)) push({ han: target, kind: 'link', ...(display && display !== target ? { display } : {}) });
    }
    for (const m of lineText.matchAll(/\[([^\]]+)\]\(\.\.\/Page\/([^)\s]+)\.md\s+"wikilink"\)/g)) {
      let target = m[2]!;
      try {
        target = decodeURIComponent(target);
      } catch {
        /* as written */
      }
      target = bareTitle(target);
      const display = m[1]!.trim();
      if (HAN.test(target)) push({ han: target, kind: 'link', ...(display !== target ? { display } : {}) });
    }
    for (const m of lineText.matchAll(/\{\{\s*(?:le|link-en|tsl)\s*\|([^{}]*)\}\}/gi)) {
      const args = m[1]!.split('|').map((a) => a.trim());
      // {{le|中文|English|shown}}; {{tsl|en|English|中文}}
      const [zh, en] = /^[a-z]{2,3}$/.test(args[0] ?? '') ? [args[2], args[1]] : [args[0], args[1]];
      if (zh && en && /\p{Script=Latin}/u.test(en)) push({ han: bareTitle(zh), latin: bareTitle(en), kind: 'interlanguage' });
    }
    // 中文（Latin） and Latin（中文）: full-width or ASCII brackets
    for (const m of lineText.matchAll(/([\u3400-\u9fff\uf900-\ufaff·]+)\s*[（(]\s*([A-Z][\p{Script=Latin}'’\- .]{1,60}?)\s*[)）]/gu)) {
      const latin = m[2]!.trim();
      if (/^[A-Z]{2,6}$/.test(latin)) continue; // an acronym (SANA) glosses an agency's long name
      push({ han: trailingName(m[1]!, boundaries), latin, kind: 'gloss' });
    }
    for (const m of lineText.matchAll(/([A-Z][\p{Script=Latin}'’\- .]{1,60}?)\s*[（(]\s*([\u3400-\u9fff\uf900-\ufaff·]{2,16})\s*[)）]/gu)) {
      push({ han: m[2]!, latin: m[1]!.trim(), kind: 'gloss' });
    }
  });
  return out;
}
