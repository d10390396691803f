/**
 * The common block stream every reader produces: whatever the format, a source becomes an ordered
 * list of headings, paragraphs, list items and date lines with plain text and provenance.
 */
import type { Citation, Warning } from '../schema/records.ts';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'dateLine';

export interface AnchoredCitation {
  /** Offset in `Block.text` (UTF-16 index) where the citation marker stood. */
  offset: number;
  citation: Citation;
}

export interface Block {
  kind: BlockKind;
  /** Plain text: markup removed, original characters and punctuation kept. */
  text: string;
  /** Heading level (1 = top) for headings. */
  level?: number;
  /** Heading path that governs this block, outermost first (headings excluded from their own path). */
  section: string[];
  /** 1-based line in the source file where the block starts. */
  line: number;
  /** Wiki-link targets named in the block (article titles, without fragments). */
  links: string[];
  citations: AnchoredCitation[];
}

/** A stretch of the file that was read and deliberately not turned into blocks. */
export interface Skipped {
  line: number;
  kind: 'infobox' | 'references' | 'toc' | 'navigation' | 'boilerplate' | 'comments' | 'media' | 'language' | 'other';
  firstWords: string;
}

export interface ReadResult {
  blocks: Block[];
  skipped: Skipped[];
  warnings: Warning[];
  /** Title found in the file itself, if any. */
  title?: string;
  /** Infobox fields kept as source metadata (field name -> plain text). */
  infobox?: Record<string, string>;
}

export type Reader = (text: string, file: string) => ReadResult;
