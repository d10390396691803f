/**
 * Which of a block's links belong to a passage cut from it: a link whose title (underscores as
 * spaces, a trailing "(disambiguation)" dropped) is written in the passage, case-insensitively,
 * and a link whose title is never written in its block (a piped link, [[Target|other words]]):
 * that one goes to every passage.
 *
 * A paragraph of a thousand linked sentences is cut into a thousand passages; testing every title
 * against the block and against every passage would cost links x text. Instead the titles are
 * compiled once per block into one Aho-Corasick automaton (@monyone/aho-corasick), which finds
 * every title written in a text in a single pass over it: the block once, then each passage once.
 */
import { AhoCorasick } from '@monyone/aho-corasick';

/** The title a link is looked for by in the text, lower-cased ('' for none). */
export function linkName(link: string): string {
  return link.replace(/_/g, ' ').replace(/\s*\(.*\)$/, '').toLowerCase();
}

/**
 * The links of a block (`links`, in its order, repeats kept) for each passage of its `text`:
 * the returned function takes the passage's text and gives its links, in the block's order.
 */
export function passageLinker(text: string, links: readonly string[]): (passage: string) => string[] {
  if (links.length === 0) return () => [];
  const names = links.map(linkName);
  // Link positions by title, for the titles written somewhere in the block.
  const byName = new Map<string, number[]>();
  for (const name of names) if (name) byName.set(name, []);
  const automaton = new AhoCorasick([...byName.keys()]);
  const written = new Set(automaton.matchInText(text.toLowerCase()).map((m) => m.keyword));
  const everywhere: number[] = [];
  names.forEach((name, i) => {
    if (name && written.has(name)) byName.get(name)!.push(i);
    else everywhere.push(i);
  });
  if (written.size === 0) return () => everywhere.map((i) => links[i]!);
  return (passage) => {
    const found = new Set(automaton.matchInText(passage.toLowerCase()).map((m) => m.keyword));
    if (found.size === 0) return everywhere.map((i) => links[i]!);
    const picked = [...everywhere];
    for (const name of found) for (const i of byName.get(name)!) picked.push(i);
    return picked.sort((a, b) => a - b).map((i) => links[i]!);
  };
}
