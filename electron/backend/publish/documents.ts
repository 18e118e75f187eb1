/**
 * Table exports as documents: the content becomes a PublicationDocument (privacy/document.ts),
 * redacted as a tree for its audience, then serialised (./serialise.ts).
 */
import { tableDocument, type TableContent } from '../privacy/document';
import { redactDocument } from '../privacy/redactTree';
import type { RedactionTally } from '../privacy/views';
import type { Redactor } from '../../../shared/domain/redaction';
import type { Audience } from '../../../shared/domain/vocabulary';
import { documentToCsv, documentToHtml, documentToMarkdown } from './serialise';

export type Table = TableContent;

/** A table export's bytes and (redacted) file name. */
export function renderTable(
  t: Table,
  format: 'csv' | 'md' | 'html',
  filename: string,
  redactor: Redactor,
  audience: Audience,
  tally: RedactionTally,
): { text: string; filename: string } {
  const doc = redactDocument(tableDocument(t, filename), redactor, audience, tally);
  const text =
    format === 'csv'
      ? documentToCsv(doc, t.columns)
      : format === 'md'
        ? documentToMarkdown(doc)
        : documentToHtml(doc);
  return { text, filename: doc.meta.filename };
}
