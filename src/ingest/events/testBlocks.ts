/** Hand-built blocks for the events tests (no reader involved). */
import type { AnchoredCitation, Block, BlockKind } from '../blocks.ts';

let nextLine = 1;

export function resetLines(): void {
  nextLine = 1;
}

export function block(kind: BlockKind, text: string, extra: Partial<Block> = {}): Block {
  const line = extra.line ?? nextLine;
  nextLine = line + 2;
  return { kind, text, section: [], line, links: [], citations: [], ...extra };
}

export const para = (text: string, extra: Partial<Block> = {}): Block => block('paragraph', text, extra);
export const heading = (text: string, level = 1, extra: Partial<Block> = {}): Block => block('heading', text, { level, ...extra });
export const dateLine = (text: string, extra: Partial<Block> = {}): Block => block('dateLine', text, extra);
export const cite = (offset: number, title: string): AnchoredCitation => ({ offset, citation: { title } });
