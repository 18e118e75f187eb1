/**
 * Redacts Markdown for a public or participants reader. Placeholder: runs the free-text redactor
 * over the whole source (which already matches across `**emphasis**`, since the matcher skips
 * punctuation between name parts); the document-tree version (privacy/document.ts + redactTree.ts)
 * replaces it at merge.
 */
import type { Redactor } from '../../../shared/domain/redaction';

export function redactMarkdown(md: string, redactor: Redactor): { text: string; count: number } {
  const r = redactor.redact(md);
  return { text: r.text, count: r.count };
}
