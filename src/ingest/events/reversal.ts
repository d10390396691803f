/**
 * Reversal: some documents run newest-first. We tell from the dates themselves, never from the
 * file: when most consecutive day-dated paragraphs (and date headings) go back in time, the
 * document is reversed (judgeOrder). Its story order (storyOrder) is rebuilt section by section,
 * so every paragraph stays under its own heading:
 *
 * - Where the headings stand. A newest-first page puts each heading above its paragraphs, as any
 *   page does; a scrape that reversed every block puts it below them. Evidence: a heading right
 *   above a deeper one (a section opening on its first subsection) says above; right above a
 *   shallower one, below; a heading as the last block, below; a date heading (=== 6 June ===)
 *   matching the dated paragraph after it says above, the one before it, below. A document whose
 *   headings stand below is first turned over whole (after its undated lead), which puts them above.
 * - Then each section's subsections, and each section's paragraphs, are put in date order where
 *   they run backwards: judged group by group by their own dates when these say so clearly, else
 *   by what the document's groups say together (for a reversed page whose sections carry no dates
 *   of their own: newest-first, so turned). An undated paragraph stays after the dated one before
 *   it ("One week later, …" goes with its date); undated blocks opening a group keep their place.
 */
import type { Block } from '../blocks.ts';
import type { DateMention } from '../dates/find.ts';
import type { Lang } from '../../schema/records.ts';
import { classifyMentions, type ClassifiedMention } from './anchors.ts';

interface Key {
  year?: number;
  md: number;
}

/** Comparable key of a day-precise mention: with the year when written, else month/day only. */
function dayKey(m: DateMention): Key | undefined {
  const d = m.date;
  if (m.kind !== 'absolute' || !d || m.invalid || m.rangeEnd || d.month === undefined || d.day === undefined || d.twoDigitYear) return undefined;
  return { year: d.year, md: d.month * 32 + d.day };
}

/** Like dayKey, but a month or a year alone also places a section (== 2015 ==, === March ===). */
function coarseKey(m: DateMention): Key | undefined {
  const d = m.date;
  if (m.kind !== 'absolute' || !d || m.invalid || d.twoDigitYear) return undefined;
  if (d.month === undefined && d.year === undefined) return undefined;
  if (d.month === undefined) return { year: d.year, md: 0 };
  return { year: d.year, md: d.month * 32 + (d.day ?? 0) };
}

/** A heading that is nothing but a date ("=== 6 June ===", "### 2014年3月"): its one mention. */
function dateOnlyHeading(block: Block, list: DateMention[]): DateMention | undefined {
  if (block.kind !== 'heading' || list.length !== 1 || list[0]!.kind !== 'absolute') return undefined;
  const m = list[0]!;
  const rest = block.text.slice(0, m.start) + block.text.slice(m.end);
  return /[\p{L}\p{N}]/u.test(rest) ? undefined : m;
}

/**
 * The mentions that open a sentence of a block. With the language, by the anchor rules; without
 * it, those standing within the first few characters of the block or of a sentence.
 */
function openingMentions(block: Block, list: DateMention[], lang: Lang | undefined, classified?: ClassifiedMention[]): DateMention[] {
  if (block.kind === 'dateLine') return list;
  if (lang)
    return (classified ?? classifyMentions(block.text, list, lang, block.citations.map((c) => c.offset)))
      .filter((c) => c.role === 'anchor' && c.rule === 'initial')
      .map((c) => c.mention);
  const starts = [0, ...[...block.text.matchAll(/[.!?。！？]\s*/gu)].map((m) => m.index! + m[0].length)];
  return list.filter((m) => starts.some((s) => m.start >= s && m.start - s <= OPENING_CHARS));
}
const OPENING_CHARS = 15;

/** Signed step from one key to the next, with its weight; undefined when they cannot be compared. */
function step(a: Key, b: Key): { diff: number; weight: number } | undefined {
  if (a.year !== undefined && b.year !== undefined) return { diff: (b.year - a.year) * 1000 + (b.md - a.md), weight: 2 };
  if (a.year === undefined && b.year === undefined) return { diff: b.md - a.md, weight: 1 };
  return undefined;
}

interface Steps {
  forward: number;
  backward: number;
}

function countSteps(keys: (Key | undefined)[]): Steps {
  const present = keys.filter((k): k is Key => k !== undefined);
  const steps: Steps = { forward: 0, backward: 0 };
  for (let i = 1; i < present.length; i++) {
    const s = step(present[i - 1]!, present[i]!);
    if (!s || s.diff === 0) continue;
    if (s.diff > 0) steps.forward += s.weight;
    else steps.backward += s.weight;
  }
  return steps;
}

/** Clearly backwards, clearly forwards, or not clear (then the caller's default applies). */
function verdictOf(steps: Steps, minimum: number): 'reversed' | 'forward' | undefined {
  if (steps.backward >= minimum && steps.backward > 2 * steps.forward) return 'reversed';
  if (steps.forward >= minimum && steps.forward > 2 * steps.backward) return 'forward';
  return undefined;
}

export interface OrderVerdict {
  reversed: boolean;
  forward: number;
  backward: number;
}

/**
 * Compares the first day-precise date opening a sentence of each paragraph (or standing alone in
 * a heading) with the next one's. Pairs where both carry a year count double; pairs where only one
 * does are skipped (they may straddle a year). Reversed when backward steps are at least 3 and
 * more than twice the forward ones.
 */
export function judgeOrder(blocks: Block[], mentions: DateMention[][], lang: Lang = 'en', classified?: (ClassifiedMention[] | undefined)[]): OrderVerdict {
  // Only dates that open their sentence ("On 9 October, …") step the story: a date met in
  // passing ("prior to the 2 April invasion") or a summary range says nothing about the order.
  const keys = blocks.map((b, i) => {
    if (b.kind === 'heading') {
      const only = dateOnlyHeading(b, mentions[i]!);
      return only ? dayKey(only) : undefined;
    }
    return openingMentions(b, mentions[i]!, lang, classified?.[i]).map(dayKey).find((k) => k !== undefined);
  });
  const { forward, backward } = countSteps(keys);
  return { reversed: backward >= 3 && backward > 2 * forward, forward, backward };
}

interface Section {
  heading?: number;
  level: number;
  content: number[];
  children: Section[];
}

/** Sections of blocks given in heading-first order (indices into `blocks`). */
function sectionTree(order: number[], blocks: Block[]): Section {
  const root: Section = { level: 0, content: [], children: [] };
  const open: Section[] = [root];
  for (const i of order) {
    const block = blocks[i]!;
    if (block.kind !== 'heading') {
      open[open.length - 1]!.content.push(i);
      continue;
    }
    const level = block.level ?? 1;
    while (open.length > 1 && open[open.length - 1]!.level >= level) open.pop();
    const section: Section = { heading: i, level, content: [], children: [] };
    open[open.length - 1]!.children.push(section);
    open.push(section);
  }
  return root;
}

/** Where the headings of a document stand relative to the paragraphs they govern. */
function headingPlacement(blocks: Block[], mentions: DateMention[][], keyOf: (i: number) => Key | undefined): 'above' | 'below' {
  let above = 0;
  let below = 0;
  const isHeading = (i: number) => blocks[i]?.kind === 'heading';
  for (let i = 0; i + 1 < blocks.length; i++) {
    if (!isHeading(i) || !isHeading(i + 1)) continue;
    const a = blocks[i]!.level ?? 1;
    const b = blocks[i + 1]!.level ?? 1;
    if (b > a) above++;
    else if (b < a) below++;
  }
  if (blocks.length > 1 && isHeading(blocks.length - 1)) below++;
  const same = (x: Key | undefined, y: Key | undefined) => !!x && !!y && x.md === y.md && (x.year === undefined || y.year === undefined || x.year === y.year);
  blocks.forEach((block, i) => {
    const only = dateOnlyHeading(block, mentions[i]!);
    const own = only && dayKey(only);
    if (!own) return;
    let after: Key | undefined;
    for (let j = i + 1; j < blocks.length && !isHeading(j) && !after; j++) after = keyOf(j);
    let before: Key | undefined;
    for (let j = i - 1; j >= 0 && !isHeading(j) && !before; j--) before = keyOf(j);
    if (same(own, after)) above++;
    else if (same(own, before)) below++;
  });
  return below > above ? 'below' : 'above';
}

/**
 * Story order of a reversed document, as indices into `blocks` (see the file comment). `lang`
 * lets the anchor rules tell which dates open a sentence; without it, position does.
 */
export function storyOrder(blocks: Block[], mentions: DateMention[][], lang?: Lang): number[] {
  const keys = blocks.map((b, i) => {
    if (b.kind === 'heading') {
      const only = dateOnlyHeading(b, mentions[i]!);
      return only ? coarseKey(only) : undefined;
    }
    return openingMentions(b, mentions[i]!, lang).map(coarseKey).find((k) => k !== undefined);
  });
  const keyOf = (i: number) => keys[i];
  const placement = headingPlacement(blocks, mentions, keyOf);

  let lead: number[];
  let body: number[];
  if (placement === 'below') {
    // Every block was written backwards: the leading blocks with no date at all (title, lead) keep
    // their place, the rest is turned over, which sets each heading above its paragraphs again.
    let n = 0;
    while (n < blocks.length && !mentions[n]!.some((m) => m.kind === 'absolute')) n++;
    lead = blocks.map((_, i) => i).slice(0, n);
    body = blocks.map((_, i) => i).slice(n).reverse();
  } else {
    lead = [];
    body = blocks.map((_, i) => i);
  }

  const tree = sectionTree(body, blocks);
  // Units of a section's paragraphs: a dated paragraph and the undated ones after it.
  const unitsOf = (content: number[]): number[][] => {
    const units: number[][] = [];
    for (const i of content) {
      if (units.length === 0 || keyOf(i) !== undefined) units.push([i]);
      else units[units.length - 1]!.push(i);
    }
    return units;
  };
  const firstKey = (section: Section): Key | undefined => {
    if (section.heading !== undefined && keyOf(section.heading)) return keyOf(section.heading);
    for (const i of section.content) if (keyOf(i)) return keyOf(i);
    for (const child of section.children) {
      const k = firstKey(child);
      if (k) return k;
    }
    return undefined;
  };
  const unitKey = (unit: number[]) => keyOf(unit[0]!);

  // What the document's groups say together: the default for a group whose own dates are not clear.
  const paragraphSteps: Steps = { forward: 0, backward: 0 };
  const sectionSteps: Steps = { forward: 0, backward: 0 };
  const tally = (section: Section): void => {
    const p = countSteps(unitsOf(section.content).map(unitKey));
    paragraphSteps.forward += p.forward;
    paragraphSteps.backward += p.backward;
    const s = countSteps(section.children.map(firstKey));
    sectionSteps.forward += s.forward;
    sectionSteps.backward += s.backward;
    section.children.forEach(tally);
  };
  tally(tree);
  const turnedAlready = placement === 'below';
  const paragraphDefault = (verdictOf(paragraphSteps, 2) ?? 'forward') === 'reversed';
  const sectionDefault = (verdictOf(sectionSteps, 2) ?? (turnedAlready ? 'forward' : 'reversed')) === 'reversed';

  /** Puts a group in date order: its undated opening members stay first, the rest is turned when it runs backwards. */
  const arrange = <T>(group: T[], keyOfMember: (m: T) => Key | undefined, byDefault: boolean): T[] => {
    let fixed = 0;
    while (fixed < group.length && keyOfMember(group[fixed]!) === undefined) fixed++;
    const rest = group.slice(fixed);
    const own = verdictOf(countSteps(rest.map(keyOfMember)), 2);
    const turn = own ? own === 'reversed' : byDefault;
    return [...group.slice(0, fixed), ...(turn ? [...rest].reverse() : rest)];
  };

  const emit = (section: Section): number[] => [
    ...(section.heading !== undefined ? [section.heading] : []),
    ...arrange(unitsOf(section.content), unitKey, paragraphDefault).flat(),
    ...arrange(section.children, firstKey, sectionDefault).flatMap(emit),
  ];
  return [...lead, ...emit(tree)];
}
