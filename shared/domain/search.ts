/**
 * Turning what a user types into a search box into an FTS5 query, and FTS5's marked-up snippets
 * into highlighted segments. Pure.
 */

/** Marks put around hits by snippet()/highlight(); control characters cannot occur in stored text. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

const tokens = (input: string) =>
  input
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 20);

/**
 * An FTS5 query for the words typed: every word must occur (AND); the last one may be the start of
 * a word (prefix). Operators and quotes are taken as plain words, so nothing the user types can
 * make the query invalid. Returns null when there is nothing to search for.
 */
export function ftsQuery(input: string): string | null {
  const words = tokens(input);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** An FTS5 query matching any of the words (for finding candidates, e.g. possible duplicates). */
export function ftsAnyQuery(input: string, max = 12): string | null {
  const words = [...new Set(tokens(input).filter((w) => w.length > 2))].slice(0, max);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"`).join(' OR ');
}

/** Splits text marked with HIT_START/HIT_END into segments. */
export function highlightSegments(marked: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start < 0) {
      out.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(HIT_END, start + 1);
    const stop = end < 0 ? rest.length : end;
    out.push({ text: rest.slice(start + 1, stop), hit: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return out.filter((s) => s.text.length > 0);
}
