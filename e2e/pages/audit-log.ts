import type { Locator, Page } from '@playwright/test';

/** Safeguards → Audit log: the entries table, each row with a link to its item. */
export class AuditLog {
  readonly tab: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.tab = main.getByRole('tab', { name: 'Audit log' });
    this.table = main.getByRole('table', { name: 'Audit log' });
  }

  /** The row whose sentence contains `text`. */
  entry(text: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }
}
