/**
 * Reversal detection: some scrapes list a document newest-first (each heading after the
 * paragraphs it governs). We tell from the dates themselves, never from the file: when most
 * consecutive day-dated paragraphs go back in time, the document is reversed.
 */
import type { Block } from '../blocks.ts';
import type { DateMention } from '../dates/find.ts';
import type { Lang } from '../../schema/records.ts';
import { classifyMentions } from './anchors.ts';

/** Comparable key of a day-precise mention: with the year when written, else month/day only. */
function dayKey(m: DateMention): { year?: number; md: number } | undefined {
  const d = m.date;
  if (m.kind !== 'absolute' || !d || m.invalid || m.rangeEnd || d.month === undefined || d.day === undefined || d.twoDigitYear) return undefined;
  return { year: d.year, md: d.month * 32 + d.day };
}

export interface OrderVerdict {
  reversed: boolean;
  forward: number;
  backward: number;
}

/**
 * Compares the first day-precise date opening a sentence of each paragraph with the next paragraph's. Pairs where
 * both carry a year count double; pairs where only one does are skipped (they may straddle a
 * year). Reversed when backward steps are at least 3 and more than twice the forward ones.
 */
export function judgeOrder(blocks: Block[], mentions: DateMention[][], lang: Lang = 'en'): OrderVerdict {
  // Only dates that open their sentence ("On 9 October, …") step the story: a date met in
  // passing ("prior to the 2 April invasion") or a summary range says nothing about the order.
  const opening = (b: Block, list: DateMention[]): DateMention[] =>
    b.kind === 'dateLine' ? list : classifyMentions(b.text, list, lang).filter((c) => c.role === 'anchor' && c.rule === 'initial').map((c) => c.mention);
  const keys = blocks
    .map((b, i) => (b.kind === 'heading' ? undefined : opening(b, mentions[i]!).map(dayKey).find((k) => k !== undefined)))
    .filter((k): k is { year?: number; md: number } => k !== undefined);
  let forward = 0;
  let backward = 0;
  for (let i = 1; i < keys.length; i++) {
    const a = keys[i - 1]!;
    const b = keys[i]!;
    let diff: number;
    let weight = 1;
    if (a.year !== undefined && b.year !== undefined) {
      diff = (b.year - a.year) * 1000 + (b.md - a.md);
      weight = 2;
    } else if (a.year === undefined && b.year === undefined) diff = b.md - a.md;
    else continue;
    if (diff > 0) forward += weight;
    else if (diff < 0) backward += weight;
  }
  return { reversed: backward >= 3 && backward > 2 * forward, forward, backward };
}

/**
 * Story order of a reversed document, as indices into `blocks`: the leading blocks that carry no
 * date at all (title, lead) keep their place; everything after them is read backwards.
 */
export function storyOrder(blocks: Block[], mentions: DateMention[][]): number[] {
  let lead = 0;
  while (lead < blocks.length && !mentions[lead]!.some((m) => m.kind === 'absolute')) lead++;
  const indices = blocks.map((_, i) => i);
  return [...indices.slice(0, lead), ...indices.slice(lead).reverse()];
}
