/**
 * Casualty figures: every count of people killed, wounded, captured, executed or missing that a
 * passage states, with its bounds, who was counted, who reported it and the words as written.
 *
 * A count is a number (digits, number words, Chinese numerals, a vague word like "dozens") with
 * its modifiers ("at least", 至少, 余), followed by the people it counts (a noun phrase ending in a
 * person noun or a group name; in Chinese, a classifier of people: 名, 人, 具). Counts joined by
 * "and" / 和 form a list that shares one kind word. The kind comes from the nearest kind word that
 * governs the list in its clause: after it ("24 rebels were killed", 24人丧生) or before it
 * ("killed 24 rebels", 打死24名). A list right after "including" / 其中包括 is part of the count
 * before it. Everything language-specific is in resources/<language>.json.
 */
import { toSimplifiedScript, type Folded } from '../entities/fold.ts';
import type { Gazetteer } from '../entities/index.ts';
import { sentenceSpans, type Span } from '../sentences.ts';
import type { PhraseMatch } from '../phrases.ts';
import { loadFigureResource, type CompiledFigureResource, type KindEntry, type Modifier, type Role } from './resources.ts';
import type { Figure, FigureKind, Lang } from '../../schema/records.ts';

interface Count {
  /** start including its modifiers */
  start: number;
  numStart: number;
  /** end of the number and (Chinese) its classifier */
  numEnd: number;
  /** end of the people it counts */
  npEnd: number;
  low: number | null;
  high: number | null;
  vague: boolean;
  sentence: number;
  /** no person noun: a bare number ("killing 20", "wounded 77") */
  bare: boolean;
  group?: string;
  role?: Role;
  bothRoles?: boolean;
  headKind?: { kind: FigureKind; orKind?: FigureKind };
  list: number;
  /** the classifier is the noun itself (15人): no noun phrase follows */
  closed?: boolean;
}

interface List {
  members: number[];
  sentence: number;
  /** the count this list is part of */
  parent?: number;
  /** where the part marker starts (the span [markerStart, end) belongs to the parent) */
  markerStart?: number;
  kind?: FigureKind;
  orKind?: FigureKind;
  kindSpan?: Span;
  /** the kind word stands before the list */
  kindBefore?: boolean;
}

const CLAUSE_BREAK = /[，；。！？;!?]/;
const PUNCT_ONLY = /^[\s,，、:：;；()（）"“”']*$/;
const CLOSING = /^[\s]*([,.;:!?，。；：！？、)）"”]|$)/;

/** The text in Simplified script when that keeps its length (offsets stay the text's); `folded`, the
 * text's folding when the caller has it, holds the conversion already made. */
function simplifiedCopy(text: string, folded?: Folded): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  const s = folded?.simplified ?? toSimplifiedScript(text);
  return s.length === text.length ? s : text;
}

function parseDigits(raw: string): number | undefined {
  const m = /^([\d,]+(?:\.\d+)?)(?:([千万])(\d*))?$/.exec(raw);
  if (!m) return undefined;
  let n = Number(m[1]!.replace(/,/g, ''));
  if (m[2]) n = n * (m[2] === '千' ? 1000 : 10000) + (m[3] ? Number(m[3]) : 0);
  return Number.isInteger(n) ? n : undefined;
}

function parseHan(raw: string, digits: Record<string, number>, units: Record<string, number>): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of raw) {
    if (c in digits) {
      if (digit !== undefined && digit !== 0) return undefined; // 二三 is not a number
      digit = digits[c]!;
    } else if (c in units) {
      const u = units[c]!;
      if (u === 10000) {
        total = (total + section + (digit ?? 0)) * u;
        section = 0;
      } else section += (digit ?? 1) * u;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

function parseWords(raw: string, words: Record<string, number>): number | undefined {
  const lower = raw.toLowerCase();
  if (lower in words) return words[lower];
  const parts = lower.split(/[- ]/);
  if (parts.length !== 2) return undefined;
  const [a, b] = [words[parts[0]!], words[parts[1]!]];
  if (a === undefined || b === undefined || a < 20 || a % 10 !== 0 || b >= 10) return undefined;
  return a + b;
}

interface Num {
  start: number;
  end: number;
  value: number | null;
  vague: boolean;
}

function numbersIn(src: string, res: CompiledFigureResource): Num[] {
  const out: Num[] = [];
  for (const m of src.matchAll(res.numberPattern)) {
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    let value: number | undefined | null;
    let vague = false;
    if (g.vague) {
      value = null;
      vague = true;
    } else if (g.digits) value = parseDigits(g.digits);
    else if (g.han) {
      if (src[start - 1] === '第') continue; // an ordinal
      value = parseHan(g.han, res.numbers.han ?? {}, res.numbers.hanUnits ?? {});
    } else if (g.words) value = parseWords(g.words, res.numbers.words ?? {});
    if (value === undefined) continue;
    if (src[start - 1] === '第') continue;
    out.push({ start, end, value, vague });
  }
  return out;
}

/** Matches of a matcher indexed for lookups by position. */
class Marks<T> {
  readonly list: PhraseMatch<T>[];
  constructor(list: PhraseMatch<T>[]) {
    this.list = list;
  }
  endingAt(pos: number): PhraseMatch<T> | undefined {
    let best: PhraseMatch<T> | undefined;
    for (const m of this.list) if (m.end === pos && (!best || m.start < best.start)) best = m;
    return best;
  }
  startingAt(pos: number): PhraseMatch<T> | undefined {
    return this.list.find((m) => m.start === pos);
  }
  within(from: number, to: number): PhraseMatch<T>[] {
    return this.list.filter((m) => m.start >= from && m.end <= to);
  }
  firstAfter(from: number, to: number): PhraseMatch<T> | undefined {
    return this.list.find((m) => m.start >= from && m.start < to);
  }
  lastBefore(from: number, to: number): PhraseMatch<T> | undefined {
    let last: PhraseMatch<T> | undefined;
    for (const m of this.list) if (m.start >= from && m.end <= to) last = m;
    return last;
  }
}

const skipSpaceBack = (s: string, pos: number) => {
  while (pos > 0 && /\s/.test(s[pos - 1]!)) pos--;
  return pos;
};
const skipSpace = (s: string, pos: number) => {
  while (pos < s.length && /\s/.test(s[pos]!)) pos++;
  return pos;
};

/** Reporter label for a news agency or monitor of the gazetteer: its acronym when it has one. */
function agencyLabel(gaz: Gazetteer, id: string): string {
  const e = gaz.byId.get(id);
  if (!e) return id;
  return e.aliases.find((a) => /^[A-Z]{2,6}$/.test(a)) ?? e.name.en;
}

/**
 * Every number the text states (digits, number words, Chinese numerals), with its offsets in
 * `text`; vague counts ("dozens") left out. The linking stage compares the numbers of two accounts.
 */
export function statedNumbers(text: string, lang: Lang): { start: number; end: number; value: number }[] {
  return numbersIn(simplifiedCopy(text), loadFigureResource(lang)).flatMap((n) => (n.value === null ? [] : [{ start: n.start, end: n.end, value: n.value }]));
}

export function findFigures(text: string, lang: Lang, gaz: Gazetteer): Figure[] {
  const res = loadFigureResource(lang);
  const zh = res.lang === 'zh';
  // the scan's folding is the text's (foldText), made once for the tags, the types and the figures
  const { matches, folded } = gaz.matcher.scan(text);
  if (!folded.aligned) return [];
  const src = simplifiedCopy(text, folded);
  const sentences = sentenceSpans(folded.text);
  const sentenceOf = (pos: number) => {
    const i = sentences.findIndex((s) => pos >= s.start && pos < s.end);
    return i < 0 ? sentences.length - 1 : i;
  };

  // Most passages count nobody: find the numbers first, and read the rest only when there are some.
  const nums = numbersIn(src, res);
  if (!nums.length) return [];
  if (res.classifiers.length && !nums.some((n) => res.classifiers.some((c) => new RegExp(`^\\s*[余多]?${c}`).test(src.slice(n.end, n.end + 3))))) return [];

  const words = res.words.scan(folded);
  const marks = {
    kinds: new Marks(words.kinds),
    mods: new Marks(words.mods),
    afterMods: new Marks(words.afterMods),
    persons: new Marks(words.persons),
    roles: new Marks(words.roles),
    headKinds: new Marks(words.headKinds),
    mixed: new Marks(words.mixed),
    each: new Marks(words.each),
    passive: new Marks(words.passive),
    stops: new Marks(words.stops),
    notCounts: new Marks(words.notCounts),
    partsAfter: new Marks(words.partsAfter),
    partsBefore: new Marks(words.partsBefore),
    partsClose: new Marks(words.partsClose),
    copulas: new Marks(words.copulas),
    boundaries: new Marks(words.boundaries),
    alternative: new Marks(words.alternative),
    restate: new Marks(words.restate),
    blockers: new Marks(words.blockers),
    running: new Marks(words.running),
    reporters: new Marks(words.reporters),
  };
  if (res.reportVerbs?.length) {
    // a reporting role counts when it reports: 活动人士称 / 据…活动人士
    const verbs = words.reportVerbs;
    const openers = words.reportOpeners;
    const reports = marks.reporters.list.filter(
      (r) =>
        verbs.some((v) => v.start >= r.end && v.start <= r.end + 12 && !/[，。；,;]/.test(src.slice(r.end, v.start))) ||
        openers.some((o) => o.end <= r.start && o.end >= r.start - 12 && !/[，。；,;]/.test(src.slice(o.end, r.start))),
    );
    marks.reporters = new Marks(reports);
  }
  const groupAt: { start: number; end: number; id: string }[] = [];
  const agencyAt: { start: number; end: number; id: string }[] = [];
  for (const m of matches) {
    const group = m.ids.find((id) => gaz.byId.get(id)?.type === 'group');
    const agency = m.ids.find((id) => gaz.byId.get(id)?.type === 'agency');
    if (group) groupAt.push({ start: m.start, end: m.end, id: group });
    else if (agency) agencyAt.push({ start: m.start, end: m.end, id: agency });
  }
  const classifiers = [...res.classifiers].sort((a, b) => b.length - a.length);

  // 1. Numbers, their ranges and modifiers, and the people they count.
  const counts: Count[] = [];
  for (let n = 0; n < nums.length; n++) {
    const first = nums[n]!;
    let low = first.value;
    let high = first.value;
    let numEnd = first.end;
    // a range: 5,641–6,991 / 62到70 / two or three / between 10 and 12
    const next = nums[n + 1];
    if (next && !first.vague && !next.vague) {
      const between = src.slice(first.end, next.start).trim().toLowerCase();
      const betweenOpen = res.ranges.between.some((b) => src.slice(0, first.start).trimEnd().toLowerCase().endsWith(b));
      if ((res.ranges.joiners.includes(between) || (betweenOpen && res.ranges.betweenJoiners.includes(between))) && next.value! > first.value!) {
        high = next.value;
        numEnd = next.end;
        n++;
      }
    }
    // modifiers before: "at least", "nearly", 至少(有)
    let start = first.start;
    let modifier: Modifier | undefined;
    for (let k = 0; k < 2; k++) {
      let p = skipSpaceBack(folded.lower, start);
      for (const gap of res.modifiers.gapAfterModifier) if (folded.lower.slice(0, p).endsWith(gap)) p = skipSpaceBack(folded.lower, p - gap.length);
      const mod = marks.mods.endingAt(p);
      if (!mod) break;
      if (mod.value !== 'approx' || !modifier) modifier = mod.value === 'approx' ? modifier : mod.value;
      start = mod.start;
    }
    let pos = numEnd;
    let noun = false;
    // modifiers right after the number (10余, 十多, "or more") and, in Chinese, the classifier
    const afterMod = () => {
      const m = marks.afterMods.startingAt(skipSpace(folded.lower, pos));
      if (m) {
        if (m.value === 'atLeast') modifier = 'atLeast';
        pos = m.end;
        return true;
      }
      return false;
    };
    afterMod();
    if (classifiers.length) {
      const c = classifiers.find((x) => src.startsWith(x, pos));
      if (!c) continue; // 5个月, 3辆坦克, 1月3日: not people
      pos += c.length;
      afterMod();
      if (src[pos] === '的') pos++;
      else if (res.classifiersNouns?.includes(c)) noun = true;
    } else {
      const at = skipSpace(folded.lower, pos);
      if (src[pos] === '-' || marks.notCounts.startingAt(at)) continue; // 24-hour, 3 January, 80%, 16 villages
    }
    if (first.vague) modifier = undefined;
    if (!first.vague && modifier === 'atLeast') high = null;
    if (!first.vague && modifier === 'atMost') low = null;
    if (low !== null && high !== null && low > high) continue;
    counts.push({
      start,
      numStart: first.start,
      numEnd: pos,
      npEnd: pos,
      low,
      high,
      vague: first.vague,
      sentence: sentenceOf(first.start),
      bare: classifiers.length === 0,
      list: -1,
      ...(noun ? { closed: true } : {}),
    });
  }

  // 2. The people each count counts: the noun phrase after it, to its last person noun or group.
  const prepositions = /[在于因向对从由与被遭为将把并而时后前]/;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    const s = sentences[c.sentence]!;
    let p = c.numEnd;
    if (c.closed) {
      // 15人 is all the count says, unless a copula names the people: 其中23人是反对派武装
      const copula = marks.copulas.startingAt(p);
      if (!copula) continue;
      p = copula.end;
    }
    const limit = Math.min(s.end, counts[i + 1]?.start ?? Infinity, c.numEnd + (zh ? 40 : 90));
    let heads: { start: number; end: number; group?: string }[] = [];
    let tokens = 0;
    while (p < limit) {
      if (/\s/.test(src[p]!)) {
        p++;
        continue;
      }
      const group = groupAt.find((g) => g.start === p);
      const person = marks.persons.startingAt(p);
      if (group || person) {
        const end = Math.max(group?.end ?? 0, person?.end ?? 0);
        heads.push({ start: p, end, group: group?.id });
        p = end;
        tokens++;
        if (!zh && /[,.;:)]/.test(src[p] ?? '')) break;
        continue;
      }
      if (zh) {
        if (/[，。；：（）“”"!?！？,;:]/.test(src[p]!) || (src[p] === '、' && heads.length)) break;
        if (heads.length && (prepositions.test(src[p]!) || marks.kinds.startingAt(p))) break;
        p++;
        continue;
      }
      // English: word by word
      const word = /^[^\s]+/.exec(src.slice(p))![0];
      const bareWord = word.replace(/[,.;:)"”']+$/, '');
      if (/^[,.;:(")]/.test(word)) break;
      const kind = marks.kinds.startingAt(p);
      if (kind && !(tokens === 0 && kind.value.entry.position !== 'after')) break;
      if (/^\d/.test(bareWord)) break;
      const stop = marks.stops.startingAt(p);
      if (stop && stop.end - p >= bareWord.length) {
        if (!(tokens === 0 && marks.copulas.startingAt(p))) break;
      }
      tokens++;
      p += word.length;
      if (bareWord !== word || tokens >= 8) break;
    }
    heads = heads.filter((h) => h.end <= limit);
    if (heads.length) {
      c.npEnd = heads[heads.length - 1]!.end;
      c.bare = false;
    } else if (!zh && /^\s*of\b/i.test(src.slice(c.numEnd, c.numEnd + 4))) {
      c.npEnd = -1; // "one of the villages": no people
      continue;
    }
    const np = { start: c.numEnd, end: c.npEnd };
    if (zh) {
      // Chinese modifiers come first: the last head is the noun, the group nearest before it its owner
      const lastHead = heads[heads.length - 1];
      if (lastHead) {
        const groupsBefore = groupAt.filter((g) => g.start >= np.start && g.end <= lastHead.end);
        const g = lastHead.group ?? groupsBefore[groupsBefore.length - 1]?.id;
        if (g) c.group = g;
      }
    } else if (heads.length) {
      // English: the first person noun is the head ("46 captured fighters of the Ahrar ash-Sham
      // rebel group"); its group stands right before it, is the head itself, or follows "of (the)"
      const personHead = heads.find((h) => marks.persons.startingAt(h.start));
      if (!personHead) c.group = heads[0]!.group;
      else {
        c.npEnd = personHead.end;
        const before = groupAt.filter((g) => g.start >= np.start && g.end <= personHead.start && PUNCT_ONLY.test(src.slice(g.end, personHead.start).replace(/\b(and|or|other|foreign|senior|local)\b/gi, '').replace(/[\s-]+/g, '')));
        const of = /^\s+of\s+(the\s+)?/i.exec(src.slice(personHead.end));
        const after = of ? groupAt.find((g) => g.start === personHead.end + of[0].length) : undefined;
        c.group = personHead.group ?? before[before.length - 1]?.id ?? after?.id;
        if (after && !personHead.group && !before.length) c.npEnd = after.end;
      }
    }
    const roles = marks.roles.within(np.start, c.npEnd);
    c.role = roles[roles.length - 1]?.value;
    c.bothRoles = roles.some((r) => r.value === 'civilians') && roles.some((r) => r.value === 'fighters');
    const headKind = marks.headKinds.within(np.start, c.npEnd).pop();
    if (headKind) c.headKind = headKind.value;
  }
  const live = counts.filter((c) => c.npEnd >= c.numEnd);

  // 3. Lists of counts, and lists that are part of a count.
  const lists: List[] = [];
  const insidePart = (c: Count) => lists[c.list]?.parent !== undefined;
  for (let i = 0; i < live.length; i++) {
    const c = live[i]!;
    const prev = live[i - 1];
    if (prev && prev.sentence === c.sentence) {
      const between = src.slice(prev.npEnd, c.start).replace(/\s+/g, ' ').trim().toLowerCase();
      const prevList = lists[prev.list]!;
      if (!c.bare && !prev.bare && (between === '' || res.joiners.includes(between))) {
        const outer = prevList.parent !== undefined && res.outerJoiners.includes(between) ? lists[live[prevList.parent]!.list]! : prevList;
        c.list = lists.indexOf(outer);
        outer.members.push(i);
        continue;
      }
    }
    c.list = lists.length;
    const list: List = { members: [i], sentence: c.sentence };
    lists.push(list);
    // part of the count before it: "66 combatants, including 11 ISIL fighters" / "42人被处决，包括21名…"
    const marker = marks.partsAfter.lastBefore(prev?.npEnd ?? sentences[c.sentence]!.start, c.start);
    if (marker && prev && prev.sentence === c.sentence && PUNCT_ONLY.test(src.slice(marker.end, c.start).replace(/\s+/g, ' ').replace(new RegExp(res.parts.afterCopula.join('|') || '$^'), ''))) {
      list.parent = i - 1;
      list.markerStart = marker.start;
    }
  }
  // part of the count after it: 包括6名反对派武装在内的16人
  for (const list of lists) {
    if (list.parent !== undefined || !res.parts.before.length) continue;
    const firstC = live[list.members[0]!]!;
    const lastC = live[list.members[list.members.length - 1]!]!;
    const open = marks.partsBefore.endingAt(skipSpaceBack(folded.lower, firstC.start));
    const close = marks.partsClose.startingAt(skipSpace(folded.lower, lastC.npEnd));
    if (!open || !close) continue;
    const after = live.findIndex((c) => c.start >= close.end && c.start <= close.end + 2);
    if (after >= 0) {
      list.parent = after;
      list.markerStart = open.start;
    }
  }

  const listStart = (l: List) => live[l.members[0]!]!.start;
  const listEnd = (l: List) => live[l.members[l.members.length - 1]!]!.npEnd;
  const descendantSpans = (l: List): Span[] => {
    const own = new Set(l.members);
    return lists.filter((x) => x.parent !== undefined && own.has(x.parent)).map((x) => ({ start: x.markerStart ?? listStart(x), end: listEnd(x) }));
  };
  const inNp = (pos: number) => live.some((c) => pos >= c.numEnd && pos < c.npEnd);
  const clauseBreakBetween = (from: number, to: number, skip: Span[]) => {
    for (let p = from; p < to; p++) {
      if (skip.some((s) => p >= s.start && p < s.end)) continue;
      if (CLAUSE_BREAK.test(src[p]!)) return p;
    }
    return -1;
  };

  // 4. The kind of each list: the nearest kind word governing it in its clause.
  const verbOk = (k: PhraseMatch<{ entry: KindEntry; toll: boolean }>, from: number) => {
    if (!k.value.entry.verb) return true;
    if (marks.passive.within(from, k.start).length) return true;
    const rest = folded.lower.slice(k.end);
    if (CLOSING.test(rest)) return true;
    const word = skipSpace(folded.lower, k.end);
    const end = res.objectEnds.find((w) => folded.lower.startsWith(w, word) && (zh ? CLOSING.test(folded.lower.slice(word + w.length)) : !/[\p{L}]/u.test(folded.lower[word + w.length] ?? '')));
    return end !== undefined;
  };
  const order = [...lists.keys()].sort((a, b) => (lists[a]!.parent === undefined ? 0 : 1) - (lists[b]!.parent === undefined ? 0 : 1) || a - b);
  for (const li of order) {
    const l = lists[li]!;
    const s = sentences[l.sentence]!;
    const lStart = listStart(l);
    const lEnd = listEnd(l);
    const skip = descendantSpans(l);
    const nextList = lists.find((x) => x !== l && x.sentence === l.sentence && listStart(x) >= lEnd && !skip.some((sp) => listStart(x) >= sp.start && listStart(x) < sp.end) && x.parent === undefined);
    let afterLimit = Math.min(s.end, nextList ? listStart(nextList) : Infinity);
    const boundary = marks.boundaries.firstAfter(lEnd, afterLimit);
    if (boundary) afterLimit = boundary.start;
    if (zh) {
      const br = clauseBreakBetween(lEnd, afterLimit, skip);
      if (br >= 0) afterLimit = br;
    }
    const after = marks.kinds
      .within(lEnd, afterLimit)
      .filter((k) => !k.value.toll && k.value.entry.position !== 'before' && !k.value.entry.weak)
      .filter((k) => !skip.some((sp) => k.start >= sp.start && k.start < sp.end) && !inNp(k.start))
      .filter((k) => !(zh && !k.value.entry.verb && src[k.start - 1] === '的'))
      .find((k) => verbOk(k, lEnd));
    let kind: { entry: KindEntry; span: Span; before: boolean } | undefined = after ? { entry: after.value.entry, span: after, before: false } : undefined;
    if (!kind) {
      const prevList = [...lists].reverse().find((x) => x !== l && x.sentence === l.sentence && listEnd(x) <= lStart && x.parent === undefined);
      let from = Math.max(s.start, prevList ? Math.max(listEnd(prevList), prevList.kindSpan && !prevList.kindBefore ? prevList.kindSpan.end : 0) : 0);
      const boundaryBefore = marks.boundaries.lastBefore(from, lStart);
      if (boundaryBefore) from = boundaryBefore.end;
      if (!zh) {
        const comma = src.lastIndexOf(',', lStart - 1);
        if (comma >= from) from = comma + 1;
      }
      const blocker = marks.blockers.lastBefore(from, lStart);
      if (blocker) from = blocker.end;
      const candidates = marks.kinds.within(from, lStart).filter((k) => k.value.entry.position !== 'after' && !inNp(k.start));
      let nearest: (typeof candidates)[number] | undefined = candidates[candidates.length - 1];
      if (nearest && !nearest.value.toll) {
        const gap = src.slice(nearest.end, lStart);
        if (zh && /[，；]/.test(gap)) nearest = undefined;
        else if (!zh && live[l.members[0]!]!.bare && !/^[\s]*$/.test(gap.replace(/\b(the|a|an|of|some|all)\b/gi, ''))) nearest = undefined;
      }
      if (!nearest) {
        const toll = [...candidates].reverse().find((k) => k.value.toll);
        if (toll && !/[，；;]/.test(src.slice(toll.end, lStart))) nearest = toll;
      }
      if (nearest) kind = { entry: nearest.value.entry, span: nearest, before: true };
    }
    // Chinese: a list whose clause has no kind word may take the one that ends the next clause,
    // when that clause counts nobody itself (15名士兵以及一名武装分子，委员会成员X在冲突中丧生)
    if (!kind && zh && afterLimit < s.end && /[，]/.test(src[afterLimit] ?? '')) {
      let end = afterLimit + 1;
      while (end < s.end && !CLAUSE_BREAK.test(src[end]!)) end++;
      const counted = live.some((c) => c.start > afterLimit && c.start < end);
      const last = marks.kinds.within(afterLimit + 1, end).pop();
      if (!counted && last && last.end === end && last.value.entry.position === 'after' && !last.value.toll) kind = { entry: last.value.entry, span: last, before: false };
    }
    // a bare English count needs its kind word right next to it ("killing 20", "hundreds dead")
    const firstCount = live[l.members[0]!]!;
    if (kind && !kind.before && firstCount.bare && !zh) {
      const gap = folded.lower.slice(lEnd, kind.span.start);
      const allowed = [...marks.passive.within(lEnd, kind.span.start), ...marks.mixed.within(lEnd, kind.span.start), ...marks.each.within(lEnd, kind.span.start)];
      let rest = gap;
      for (const a of allowed) rest = rest.replace(folded.lower.slice(a.start, a.end), '');
      if (rest.replace(/\b(also|all|reportedly|later|each|were|been)\b/g, '').trim() !== '') kind = undefined;
    }
    if (kind) {
      l.kind = kind.entry.kind;
      if (kind.entry.orKind) l.orKind = kind.entry.orKind;
      l.kindSpan = { start: kind.span.start, end: kind.span.end };
      l.kindBefore = kind.before;
    } else if (l.parent !== undefined) {
      const parentList = lists[live[l.parent]!.list]!;
      if (parentList.kind) {
        l.kind = parentList.kind;
        if (parentList.orKind) l.orKind = parentList.orKind;
      }
    }
  }

  // 5. Figures.
  type Draft = Figure & { count: number; at: number };
  const drafts: Draft[] = [];
  for (const [ci, c] of live.entries()) {
    const l = lists[c.list]!;
    let kind = l.kind;
    let orKind = l.orKind;
    if (!kind && c.headKind) {
      // bodies count the dead, unless their own words say how they died (遭到处决的尸体)
      const inside = marks.kinds.within(c.numEnd, c.npEnd).find((k) => !k.value.toll && k.value.entry.kind !== 'killed' && k.value.entry.kind !== c.headKind!.kind);
      kind = inside && c.headKind.kind === 'killed' && inside.value.entry.kind === 'executed' ? 'executed' : c.headKind.kind;
      orKind = kind === c.headKind.kind ? c.headKind.orKind : undefined;
    }
    const s = sentences[c.sentence]!;
    const restate = marks.restate.lastBefore(s.start, c.start);
    if (!kind && restate) {
      const prev = drafts[drafts.length - 1];
      if (prev) {
        kind = prev.kind;
        orKind = prev.orKind;
      }
    }
    if (!kind) continue;
    if (c.bare && !l.kindSpan && !c.headKind) continue;

    // who
    const region = { start: Math.max(s.start, Math.min(c.start, l.kindSpan?.start ?? c.start) - 4), end: Math.min(s.end, Math.max(c.npEnd, l.kindSpan?.end ?? c.npEnd) + 16) };
    const mixed = marks.mixed.within(region.start, region.end).length > 0;
    let who: string | undefined;
    if (c.role === 'civilians') who = 'civilians';
    else if (c.bothRoles) who = 'mixed';
    else if (c.group) who = c.group;
    if (!who && zh) {
      const before = groupAt.filter((g) => g.end <= c.start && g.end >= c.start - 4 && /^(方面|一方)?有?$/.test(src.slice(g.end, c.start).trim()));
      if (before.length) who = before[before.length - 1]!.id;
    }
    if (!who && l.kindSpan && l.kindBefore) {
      const g = groupAt.find((x) => x.end <= l.kindSpan!.start && x.end >= l.kindSpan!.start - 2);
      if (g && marks.kinds.within(l.kindSpan.start, l.kindSpan.end)[0]?.value.toll) who = g.id;
    }
    if (!who || (mixed && (who === 'fighters' || who === 'unknown'))) who = mixed ? 'mixed' : (c.role ?? 'unknown');

    // reporter: the first news agency, monitor or reporting role named in the sentence
    const agency = agencyAt.find((a) => a.start >= s.start && a.end <= s.end);
    const role = marks.reporters.within(s.start, s.end)[0];
    const reporter = agency && (!role || agency.start <= role.start) ? agencyLabel(gaz, agency.id) : (role?.value ?? null);

    // another account of a count already given
    const prevFigure = drafts[drafts.length - 1];
    const alternative = !!prevFigure && (!!restate || marks.alternative.within(Math.max(s.start, prevFigure.at), c.start).length > 0);

    // the words as written
    let from = c.start;
    let to = c.npEnd > c.numEnd ? c.npEnd : c.numEnd;
    if (l.kindSpan && l.kind === kind) {
      if (l.kindBefore) from = Math.min(from, l.kindSpan.start);
      else to = Math.max(to, l.kindSpan.end);
    }
    if (to - from > 160) {
      from = c.start;
      to = Math.max(c.npEnd, c.numEnd);
    }
    const words = text.slice(from, to).trim().replace(/[，,、；;]+$/, '');

    const cumulative = marks.running.within(s.start, c.start).length > 0 || (l.kindSpan !== undefined && marks.running.within(s.start, Math.min(s.end, l.kindSpan.end + 24)).some((m) => m.start > c.npEnd));
    const each = marks.each.within(Math.max(s.start, c.start - 4), Math.min(s.end, c.npEnd + 4)).length > 0 || marks.each.within(c.npEnd, Math.min(s.end, c.npEnd + 16)).some((m) => PUNCT_ONLY.test(src.slice(c.npEnd, m.start)));
    const figure: Draft = {
      kind,
      low: c.low,
      high: c.high,
      who: each && who === 'mixed' ? (c.role ?? 'fighters') : who,
      reporter,
      vague: c.vague,
      text: words || text.slice(c.start, c.numEnd),
      ...(orKind ? { orKind } : {}),
      ...(alternative ? { alternative: true } : {}),
      ...(cumulative ? { cumulative: true } : {}),
      count: ci,
      at: c.npEnd,
    };
    drafts.push(figure);
    if (each) drafts.push({ ...figure });
  }

  // Totals whose parts count both civilians and fighters count a mix.
  for (const d of drafts) {
    if (d.who !== 'unknown') continue;
    const parts = drafts.filter((x) => lists[live[x.count]!.list]!.parent === d.count);
    if (parts.some((p) => p.who === 'civilians') && parts.some((p) => p.who !== 'civilians' && p.who !== 'unknown')) d.who = 'mixed';
  }

  const index = new Map<number, number>();
  drafts.forEach((d, i) => {
    if (!index.has(d.count)) index.set(d.count, i);
  });
  return drafts.map(({ count, at: _at, ...f }) => {
    const parent = lists[live[count]!.list]!.parent;
    const partOf = parent === undefined ? undefined : index.get(parent);
    return partOf === undefined ? f : { ...f, partOf };
  });
}
