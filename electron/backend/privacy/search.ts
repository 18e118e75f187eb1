/**
 * Search without an oracle: for a reader outside coordinators, a search may only find what that
 * reader can see. The full-text indexes hold the real text, so their hits are candidates only:
 * a query that itself names a protected person finds nothing, a candidate stays only when its
 * redacted text holds every word of the query, and snippets are cut from the redacted text (a
 * snippet cut from the real text can split a name before redaction sees it).
 */
import type { HighlightedText } from '../../../shared/contributionsApi';
import { fold } from '../../../shared/domain/fold';
import type { Redactor } from '../../../shared/domain/redaction';

/** The query's words, folded (case and accents), as the visible-text check compares them. */
export function queryWords(query: string): string[] {
  return fold(query.replace(/[^\p{L}\p{N}]+/gu, ' '))
    .split(' ')
    .filter(Boolean)
    .slice(0, 20);
}

/** True when the query contains an identifier of a protected person. */
export const namesProtected = (query: string, redactor: Redactor): boolean =>
  redactor.redact(query).count > 0;

/** True when the (already redacted) text holds every word: what the reader could find by eye. */
export function visiblyMatches(words: readonly string[], redactedText: string): boolean {
  if (words.length === 0) return false;
  const folded = fold(redactedText.replace(/[^\p{L}\p{N}]+/gu, ' '));
  return words.every((w) => folded.includes(w));
}

/** About `width` words of redacted text around the first hit, the words that match marked. */
export function redactedSnippet(
  redactedText: string,
  words: readonly string[],
  width = 24,
): HighlightedText {
  const parts = redactedText.split(/(\s+)/).filter((p) => p.length > 0);
  const isHit = (part: string) => {
    const f = fold(part.replace(/[^\p{L}\p{N}]+/gu, ' '));
    return f.length > 0 && words.some((w) => f.includes(w));
  };
  const first = Math.max(
    0,
    parts.findIndex((p) => isHit(p)),
  );
  // Parts alternate word / space, so twice the width covers `width` words.
  const from = Math.max(0, first - width);
  const to = Math.min(parts.length, from + width * 2);
  const out: HighlightedText = [];
  if (from > 0) out.push({ text: '…', hit: false });
  for (const part of parts.slice(from, to)) {
    const hit = !/^\s+$/.test(part) && isHit(part);
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += part;
    else out.push({ text: part, hit });
  }
  if (to < parts.length) out.push({ text: '…', hit: false });
  return out;
}
