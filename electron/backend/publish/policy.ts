/** The redaction policy now lives in the low-level privacy module; kept for older imports. */
export { participantForAudience, rowForAudience, RedactionTally } from '../privacy/policy';
