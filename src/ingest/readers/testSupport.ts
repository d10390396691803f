/** Shared helpers for the reader tests: the real sources and a markup-residue check. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block } from '../blocks.ts';

export const SOURCES_DIR = fileURLToPath(new URL('../../../content/sources/', import.meta.url));

export function sourceText(file: string): string {
  return readFileSync(`${SOURCES_DIR}${file}`, 'utf8');
}

/** Markup that must never reach block text, whatever the format. */
export const RESIDUE = /\[\[|\{\{|<ref|\*\*|\\\[|\]\(http|-\{|\}-/;

export function residueIn(blocks: Block[]): Block[] {
  return blocks.filter((b) => RESIDUE.test(b.text));
}

export function blockAt(blocks: Block[], line: number, kind?: Block['kind']): Block {
  const found = blocks.find((b) => b.line === line && (kind === undefined || b.kind === kind));
  if (!found) throw new Error(`no ${kind ?? 'block'} at line ${line}`);
  return found;
}
