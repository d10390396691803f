/**
 * Sentence and clause spans of a passage, shared by the stages that read acts and figures.
 * Works on any text of the same length as the passage (its folded copy included).
 */

/** A sentence ends at 。！？；; or a full stop followed by a space and a capital, digit or quote. */
const SENTENCE_END = /[。！？；;!?\n]|\.(?=\s+[A-Z0-9"“‘(\[])|\.$/g;
/** Clause punctuation inside a sentence. */
export const CLAUSE_PUNCTUATION = /[，,：:（）()]/;

export interface Span {
  start: number;
  end: number;
}

/** Sentences as [start, end) spans covering the whole text. */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index! + m[0].length;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The sentence holding position `at`. */
export function sentenceAt(spans: Span[], at: number): Span {
  return spans.find((s) => at >= s.start && at < s.end) ?? spans[spans.length - 1] ?? { start: 0, end: 0 };
}

/** The clause around [from, to): bounded by clause punctuation or the sentence. */
export function clauseAround(text: string, sentence: Span, from: number, to: number): Span {
  let start = from;
  while (start > sentence.start && !CLAUSE_PUNCTUATION.test(text[start - 1]!)) start--;
  let end = to;
  while (end < sentence.end && !CLAUSE_PUNCTUATION.test(text[end]!)) end++;
  return { start, end };
}
