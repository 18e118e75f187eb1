/**
 * Redacts Markdown (and every free text, which may hold Markdown) for a reader outside
 * coordinators. Placeholder for the document-tree version (privacy/document.ts + redactTree.ts,
 * swapped in at merge): the free-text redactor runs over the source, then once more over a view
 * where inline emphasis marks (`*`, `_`, `~`, backticks) read as spaces, so a name split by
 * markup (`**Given** Family`) is found too. The view keeps every offset, so its matches replace
 * the same characters of the source.
 */
import type { Redactor } from '../../../shared/domain/redaction';

const INLINE_MARKS = /[*_~`]/g;

export function redactMarkdown(
  md: string,
  redactor: Redactor,
): { text: string; count: number; pseudonyms: string[] } {
  const first = redactor.redact(md);
  let text = first.text;
  const pseudonyms = new Set(first.pseudonyms);
  let count = first.count;
  if (/[*_~`]/.test(text)) {
    const matches = redactor.findMatches(text.replace(INLINE_MARKS, ' '));
    for (const m of [...matches].reverse()) {
      text = text.slice(0, m.start) + m.pseudonym + text.slice(m.end);
      pseudonyms.add(m.pseudonym);
    }
    count += matches.length;
  }
  return { text, count, pseudonyms: [...pseudonyms] };
}
