/** The redaction policy lives in the low privacy module (areas use it too); publish re-exports it. */
export * from '../privacy/views';
