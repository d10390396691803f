/**
 * The rule engine: one syntax for every date shape of every language, in the manner of
 * HeidelTime. A language is a folder resources/<lang>/ with
 *   patterns.json  named word lists and their normalisations ("month": {"January": 1, …}), or a
 *                  regular expression whose match is a number ("day": {"regex": "\\d{1,2}"}),
 *                  or a numeral system ("n": {"numeral": …}: one, twenty-one, 二十, 一千五百);
 *   rules.json     rules: a pattern with named parts -> a normalisation.
 *
 * Rule syntax. `pattern` is a regular expression (flags `u`, `g`, plus `i` when the rule says
 * `ignoreCase`) in which `%name` stands for the pattern `name` captured under its own name,
 * `%name:part` for the same pattern captured as `part` (a rule may use one pattern twice), and
 * `%%name` for the pattern without capture (for look-arounds and connectives). The rule's `value`
 * says what the match means; every string in it is an expression over the captured parts:
 *   "$d"            the normalised value of part d (absent when d did not match: the field is left out)
 *   "$y|$yy"        the first of them that matched
 *   "$n*$u*$dir"    arithmetic (+ - * % and parentheses) over parts and numbers
 *   "$h.month"      a field of a part whose pattern names several numbers ({"month": 12, "day": 25})
 *   "?yy"           true when part yy matched
 * Fields: kind (absolute | relative | weekday; default absolute), date and rangeEnd
 * ({year, month, day, season, fuzzy, decade, twoDigitYear, yearOffset}), relative ({days, months,
 * years, vague: [a, b], same, deictic}), weekday. `require` lists comparisons ("$last > $y") that
 * must hold for the match to count; `let` names expressions the value and `require` may use.
 *
 * The engine knows no word of any language: the rules and patterns are the language.
 */
import { readFileSync, readdirSync } from 'node:fs';

export type PatternSpec =
  | { values: Record<string, Normal>; ignoreCase?: boolean }
  | { words: string[]; ignoreCase?: boolean }
  | { regex: string }
  | { numeral: NumeralSystem };

/** A numeral system: units add, multipliers multiply what came before (twenty-one, 二十一, 一千五百). */
export interface NumeralSystem {
  units: Record<string, number>;
  /** Multiply the units before them (二十, two hundred). */
  multipliers?: Record<string, number>;
  /** Multiply everything before them (一万两千, two thousand five hundred). */
  scales?: Record<string, number>;
  /** Written between parts and ignored (the hyphen of twenty-one, "and" of a hundred and five). */
  joiners?: string[];
  ignoreCase?: boolean;
}

/** What a written form stands for: a number, a name, or named numbers ({"month": 12, "day": 25}). */
export type Normal = number | string | Record<string, number>;

export interface RuleValue {
  kind?: 'absolute' | 'relative' | 'weekday';
  date?: Record<string, unknown>;
  rangeEnd?: Record<string, unknown>;
  relative?: Record<string, unknown>;
  weekday?: string;
}

export interface RuleSpec {
  name: string;
  pattern: string;
  ignoreCase?: boolean;
  let?: Record<string, string>;
  require?: string[];
  value: RuleValue;
  /** Why the rule exists; never read by the engine. */
  _?: string;
}

export interface RuleMatch {
  rule: string;
  start: number;
  end: number;
  kind: 'absolute' | 'relative' | 'weekday';
  date?: Record<string, unknown>;
  rangeEnd?: Record<string, unknown>;
  relative?: Record<string, unknown>;
  weekday?: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so a regex alternation prefers "the end of" to "end". */
export const alternation = (words: string[]): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');

/**
 * A pattern that ignores case inside a rule that does not ("In" before a year, where month names
 * must keep their capitals): each cased letter becomes a class of both cases.
 */
function caseless(source: string, ignoreCase: boolean | undefined): string {
  if (!ignoreCase) return source;
  return source.replace(/\\.|\p{L}/gu, (ch) => {
    if (ch.startsWith('\\')) return ch;
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    return lower === upper ? ch : `[${lower}${upper}]`;
  });
}

interface CompiledPattern {
  source: string;
  normalise: (written: string) => Normal | undefined;
}

function parseNumeral(system: NumeralSystem, written: string): number | undefined {
  const ci = system.ignoreCase ?? false;
  const fold = (w: string): string => (ci ? w.toLowerCase() : w);
  const table = (r: Record<string, number> | undefined) => new Map(Object.entries(r ?? {}).map(([k, v]) => [fold(k), v]));
  const units = table(system.units);
  const multipliers = table(system.multipliers);
  const scales = table(system.scales);
  const joiners = (system.joiners ?? []).map(fold);
  let rest = fold(written).trim();
  if (/^\d+$/.test(rest)) return Number(rest);
  const tokens = [...units.keys(), ...multipliers.keys(), ...scales.keys(), ...joiners].sort((a, b) => b.length - a.length);
  // total: what larger scales closed; section: the current group (二十五, two hundred); digit: the last units.
  let total = 0;
  let section = 0;
  let digit = 0;
  let seen = false;
  while (rest.length) {
    rest = rest.replace(/^\s+/, '');
    if (!rest.length) break;
    const token = tokens.find((t) => rest.startsWith(t));
    if (!token) return undefined;
    rest = rest.slice(token.length);
    if (joiners.includes(token)) continue;
    seen = true;
    if (units.has(token)) digit += units.get(token)!;
    else if (multipliers.has(token)) {
      section += (digit || 1) * multipliers.get(token)!;
      digit = 0;
    } else {
      total += (section + digit || 1) * scales.get(token)!;
      section = 0;
      digit = 0;
    }
  }
  return seen ? total + section + digit : undefined;
}

function compilePattern(spec: PatternSpec): CompiledPattern {
  if ('regex' in spec) return { source: spec.regex, normalise: (w) => (/^\d+$/.test(w) ? Number(w) : w) };
  if ('words' in spec) return { source: caseless(alternation(spec.words), spec.ignoreCase), normalise: (w) => w };
  if ('numeral' in spec) {
    const system = spec.numeral;
    const parts = caseless(alternation([...Object.keys(system.units), ...Object.keys(system.multipliers ?? {}), ...Object.keys(system.scales ?? {})]), system.ignoreCase);
    const joiners = system.joiners?.length ? `(?:\\s*(?:${caseless(alternation(system.joiners), system.ignoreCase)})\\s*|\\s+)?` : '\\s*';
    // Digits, or a run of numeral words (joined as the system writes them). The run is bounded:
    // the longest count a text spells out (九千九百九十九万九千九百九十九, nine hundred and
    // ninety-nine thousand …) has fewer than 16 words, and an unbounded run would be tried from
    // every word of a long run of them ("a a a …"): a cost of the square of its length.
    const source = `\\d{1,3}|(?:${parts})(?:${joiners}(?:${parts})){0,15}`;
    return { source, normalise: (w) => parseNumeral(system, w) };
  }
  const ci = spec.ignoreCase ?? false;
  const index = new Map(Object.entries(spec.values).map(([k, v]) => [ci ? k.toLowerCase() : k, v]));
  const fold = (w: string): string => (ci ? w.toLowerCase() : w).replace(/\s+/g, ' ');
  return {
    source: caseless(alternation(Object.keys(spec.values)), ci),
    normalise: (w) => index.get(fold(w)) ?? index.get(fold(w).replace(/\.$/, '')),
  };
}

// ---------- expressions ----------

type Env = Map<string, Normal | undefined>;

/** Arithmetic over parts: + - * % and parentheses, numbers, $names and $name.field. */
function evaluate(expression: string, env: Env): number | string | undefined {
  const tokens = expression.match(/\$\w+(?:\.\w+)?|\d+(?:\.\d+)?|[-+*%()]/g) ?? [];
  let i = 0;
  const primary = (): number | string | undefined => {
    const t = tokens[i++];
    if (t === '(') {
      const v = sum();
      i++;
      return v;
    }
    if (t === '-') {
      const v = primary();
      return typeof v === 'number' ? -v : undefined;
    }
    if (t?.startsWith('$')) {
      const [name, field] = t.slice(1).split('.');
      const v = env.get(name!);
      if (field !== undefined) return typeof v === 'object' ? v[field] : undefined;
      return typeof v === 'object' ? undefined : v;
    }
    return t === undefined ? undefined : Number(t);
  };
  const product = (): number | string | undefined => {
    let v = primary();
    while (tokens[i] === '*' || tokens[i] === '%') {
      const op = tokens[i++];
      const w = primary();
      v = typeof v === 'number' && typeof w === 'number' ? (op === '*' ? v * w : v % w) : undefined;
    }
    return v;
  };
  const sum = (): number | string | undefined => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++];
      const w = product();
      v = typeof v === 'number' && typeof w === 'number' ? (op === '+' ? v + w : v - w) : undefined;
    }
    return v;
  };
  return sum();
}

function valueOf(template: unknown, env: Env, matched: Set<string>): unknown {
  if (typeof template !== 'string') return template;
  if (template.startsWith('?')) return matched.has(template.slice(1)) || undefined;
  if (!template.includes('$')) return template; // a literal ("early")
  for (const alternative of template.split('|')) {
    const v = evaluate(alternative, env);
    if (v !== undefined && !(typeof v === 'number' && Number.isNaN(v))) return v;
  }
  return undefined;
}

function fill(template: Record<string, unknown> | undefined, env: Env, matched: Set<string>): Record<string, unknown> | undefined {
  if (!template) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, t] of Object.entries(template)) {
    const v = Array.isArray(t) ? t.map((x) => valueOf(x, env, matched)) : valueOf(t, env, matched);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const COMPARE = /^(.+?)\s*(<=|>=|==|!=|<|>)\s*(.+)$/;

function holds(condition: string, env: Env): boolean {
  const m = COMPARE.exec(condition);
  if (!m) throw new Error(`date rule condition "${condition}" is not a comparison`);
  const a = evaluate(m[1]!, env);
  const b = evaluate(m[3]!, env);
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  switch (m[2]) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '==': return a === b;
    default: return a !== b;
  }
}

// ---------- rules ----------

export interface CompiledRule {
  spec: RuleSpec;
  re: RegExp;
  /** Capture name -> pattern that normalises it. */
  parts: Map<string, CompiledPattern>;
  /** Patterns every match holds (named outside any group and alternation, not made optional): a
   * text in which one of them occurs nowhere is not scanned with the rule. */
  needs: { name: string; test: RegExp }[];
}

/**
 * The patterns a rule's every match must hold: references at the top level of its expression (no
 * group, no alternation around them) with no quantifier that lets them be absent. A rule with a
 * top-level alternation needs none.
 */
export function neededPatterns(pattern: string): string[] {
  const needed: string[] = [];
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (c === '[') {
      // a class: up to its unescaped closing bracket
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return [];
    else if (c === '%' && depth === 0) {
      const ref = /^%%?([A-Za-z]\w*)(?::[A-Za-z]\w*)?/.exec(pattern.slice(i));
      if (!ref) continue;
      const after = pattern[i + ref[0].length];
      const optional = after === '?' || after === '*' || (after === '{' && /^\{0[,}]/.test(pattern.slice(i + ref[0].length)));
      if (!optional && !needed.includes(ref[1]!)) needed.push(ref[1]!);
      i += ref[0].length - 1;
    }
  }
  return needed;
}

export interface RuleSet {
  patterns: Map<string, CompiledPattern>;
  rules: CompiledRule[];
}

const REFERENCE = /%(%?)([A-Za-z]\w*)(?::([A-Za-z]\w*))?/g;

export function compileRules(patternSpecs: Record<string, PatternSpec>, ruleSpecs: RuleSpec[], where = 'rules'): RuleSet {
  const patterns = new Map(Object.entries(patternSpecs).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, compilePattern(v)]));
  const rules = ruleSpecs.map((spec): CompiledRule => {
    const parts = new Map<string, CompiledPattern>();
    const source = spec.pattern.replace(REFERENCE, (_all, bare: string, name: string, alias?: string) => {
      const pattern = patterns.get(name);
      if (!pattern) throw new Error(`${where}: rule "${spec.name}" names an unknown pattern %${name}`);
      if (bare) return `(?:${pattern.source})`;
      const part = alias ?? name;
      if (parts.has(part)) throw new Error(`${where}: rule "${spec.name}" captures "${part}" twice; give one an alias (%${name}:other)`);
      parts.set(part, pattern);
      return `(?<${part}>${pattern.source})`;
    });
    const flags = `${spec.ignoreCase ? 'i' : ''}u`;
    const needs = neededPatterns(spec.pattern).map((name) => ({ name: `${name}/${flags}`, test: new RegExp(patterns.get(name)!.source, flags) }));
    try {
      return { spec, re: new RegExp(source, `g${flags}`), parts, needs };
    } catch (error) {
      throw new Error(`${where}: rule "${spec.name}" is not a valid pattern: ${(error as Error).message}`);
    }
  });
  return { patterns, rules };
}

/** Every match of every rule in `text` (overlaps included: choosing among them is the finder's job). */
export function applyRules(set: RuleSet, text: string): RuleMatch[] {
  const out: RuleMatch[] = [];
  // whether each needed pattern occurs in the text, tested once for all the rules that need it
  const occurs = new Map<string, boolean>();
  const present = ({ name, test }: { name: string; test: RegExp }): boolean => {
    let found = occurs.get(name);
    if (found === undefined) occurs.set(name, (found = test.test(text)));
    return found;
  };
  for (const rule of set.rules) {
    if (!rule.needs.every(present)) continue;
    for (const m of text.matchAll(rule.re)) {
      if (m[0].length === 0) continue;
      const env: Env = new Map();
      const matched = new Set<string>();
      for (const [part, pattern] of rule.parts) {
        const written = m.groups?.[part];
        if (written === undefined) continue;
        matched.add(part);
        env.set(part, pattern.normalise(written));
      }
      for (const [name, expression] of Object.entries(rule.spec.let ?? {})) env.set(name, valueOf(expression, env, matched) as Normal | undefined);
      if (!(rule.spec.require ?? []).every((c) => holds(c, env))) continue;
      const v = rule.spec.value;
      const weekday = v.weekday !== undefined ? valueOf(v.weekday, env, matched) : undefined;
      out.push({
        rule: rule.spec.name,
        start: m.index!,
        end: m.index! + m[0].length,
        kind: v.kind ?? (v.relative ? 'relative' : v.weekday !== undefined ? 'weekday' : 'absolute'),
        date: fill(v.date, env, matched),
        rangeEnd: fill(v.rangeEnd, env, matched),
        relative: fill(v.relative, env, matched),
        weekday: typeof weekday === 'number' ? weekday : undefined,
      });
    }
  }
  return out;
}

/** Reads resources/<lang>/patterns.json and rules.json (every *.rules.json too) of one language folder. */
export function loadRuleFiles(dir: URL): { patterns: Record<string, PatternSpec>; rules: RuleSpec[] } {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
  const patterns = read('patterns.json') as Record<string, PatternSpec>;
  const files = readdirSync(dir).filter((f) => f === 'rules.json' || f.endsWith('.rules.json')).sort();
  const rules = files.flatMap((f) => read(f) as RuleSpec[]);
  return { patterns, rules };
}
