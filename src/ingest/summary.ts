/**
 * The lead of a source, for the overview: its first substantial paragraph before any heading.
 * Scrapes can cut a lead mid-sentence; such a lead is marked with an ellipsis rather than shown as
 * if complete (a later paragraph would be complete, but it would not be the lead).
 */
import type { Block } from './blocks.ts';

const SENTENCE_END = /[.!?。！？…"”」』)）]$/;

export function leadSummary(blocks: Block[]): string | undefined {
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
  const lead = (firstHeading === -1 ? blocks : blocks.slice(0, firstHeading))
    .filter((b) => b.kind === 'paragraph' && b.text.length >= 40)
    .sort((a, b) => a.line - b.line);
  const chosen = lead[0];
  if (!chosen) return undefined;
  const text = chosen.text.trim();
  return SENTENCE_END.test(text) ? text : `${text} …`;
}
