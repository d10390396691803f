/**
 * Section paths computed from the heading blocks of a block list, in the order given. Readers use
 * it for their own output; the dates stage calls it again after reversing a document written
 * newest-first (where each heading follows the paragraphs it governs), so that once reversed,
 * every heading again governs what follows it.
 */
import type { Block } from './blocks.ts';

/** Returns new blocks whose `section` is the path of headings governing each one. Pure. */
export function assignSections(blocks: Block[]): Block[] {
  const open: { level: number; text: string }[] = [];
  return blocks.map((block) => {
    if (block.kind === 'heading') {
      const level = block.level ?? 1;
      while (open.length > 0 && open[open.length - 1].level >= level) open.pop();
      const section = open.map((h) => h.text);
      open.push({ level, text: block.text });
      return { ...block, section };
    }
    return { ...block, section: open.map((h) => h.text) };
  });
}

/**
 * Renumbers heading levels so the shallowest heading present is level 1 (the Block contract:
 * 1 = top), whatever raw depth the format used (`==` in wikitext, `##` in converted Markdown).
 */
export function normalizeHeadingLevels(blocks: Block[]): Block[] {
  const levels = blocks.filter((b) => b.kind === 'heading').map((b) => b.level ?? 1);
  if (levels.length === 0) return blocks;
  const shift = Math.min(...levels) - 1;
  if (shift === 0) return blocks;
  return blocks.map((b) => (b.kind === 'heading' ? { ...b, level: (b.level ?? 1) - shift } : b));
}
