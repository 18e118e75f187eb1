/** Markdown-aware redaction of a record's free text (the document-tree redactor). */
export { redactMarkdown } from './redactTree';
