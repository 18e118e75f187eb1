/** The tally a publication keeps of what it redacted (also used by the document-tree redactor). */
import type { Redactor } from '../../../shared/domain/redaction';

export class RedactionTally {
  count = 0;
  readonly pseudonyms = new Set<string>();

  withheld(n: number, pseudonym: string): void {
    this.count += n;
    this.pseudonyms.add(pseudonym);
  }

  /** Runs free text through the redactor and counts what it replaced. */
  text(redactor: Redactor, s: string): string;
  text(redactor: Redactor, s: string | null): string | null;
  text(redactor: Redactor, s: string | null): string | null {
    if (!s) return s;
    const r = redactor.redact(s);
    if (r.count > 0) {
      this.count += r.count;
      for (const p of r.pseudonyms) this.pseudonyms.add(p);
    }
    return r.text;
  }

  /** Adds what another redaction pass replaced. */
  add(r: { count: number; pseudonyms: readonly string[] }): void {
    this.count += r.count;
    for (const p of r.pseudonyms) this.pseudonyms.add(p);
  }
}
