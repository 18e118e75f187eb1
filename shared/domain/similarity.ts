/**
 * Near-duplicate detection for contributions: similar titles (character trigrams) or similar text
 * (word 3-shingles), each compared with the Jaccard index over normalised (case-, accent- and
 * punctuation-folded) text. Pure.
 */
import { fold } from './fold';

/** Title similarity at or above this flags a possible duplicate. */
export const TITLE_THRESHOLD = 0.6;
/** Text (summary + full text) similarity at or above this flags a possible duplicate. */
export const TEXT_THRESHOLD = 0.5;
/** Texts shorter than this many words are not compared (too little to go on). */
export const MIN_TEXT_WORDS = 8;

/** Folded words without punctuation ("São-Paulo's" -> ["sao", "paulo", "s"]). */
export function words(s: string): string[] {
  return fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

/** Character trigrams of the normalised text, padded at word edges. */
export function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(s)) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Word shingles of `size` consecutive words (the words themselves when the text is shorter). */
export function shingles(s: string, size = 3): Set<string> {
  const ws = words(s);
  const out = new Set<string>();
  if (ws.length < size) {
    for (const w of ws) out.add(w);
    return out;
  }
  for (let i = 0; i + size <= ws.length; i++) out.add(ws.slice(i, i + size).join(' '));
  return out;
}

export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface SimilarityInput {
  title: string;
  /** Summary and full text. */
  text: string;
}

export interface Similarity {
  title: number;
  text: number;
  duplicate: boolean;
  /** What made it a possible duplicate. */
  reason: 'title' | 'text' | null;
}

/** How similar two contributions are, and whether that flags a possible duplicate. */
export function similarity(a: SimilarityInput, b: SimilarityInput): Similarity {
  const title = jaccard(trigrams(a.title), trigrams(b.title));
  const enough = words(a.text).length >= MIN_TEXT_WORDS && words(b.text).length >= MIN_TEXT_WORDS;
  const text = enough ? jaccard(shingles(a.text), shingles(b.text)) : 0;
  const reason = title >= TITLE_THRESHOLD ? 'title' : text >= TEXT_THRESHOLD ? 'text' : null;
  return { title, text, duplicate: reason !== null, reason };
}
