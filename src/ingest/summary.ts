/** The lead of a source: its first paragraph before any heading, as the overview's summary. */
import type { Block } from './blocks.ts';

export function leadSummary(blocks: Block[]): string | undefined {
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
  const lead = (firstHeading === -1 ? blocks : blocks.slice(0, firstHeading)).filter((b) => b.kind === 'paragraph');
  const longest = lead.sort((a, b) => a.line - b.line).find((b) => b.text.length >= 40);
  return longest?.text;
}
