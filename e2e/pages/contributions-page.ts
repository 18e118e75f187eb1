import { expect, type Locator, type Page } from '@playwright/test';

/** The contributions list: search, sortable columns, saved filters and the Export dialog. */
export class ContributionsPage {
  readonly main: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly exportButton: Locator;
  readonly exportDialog: Locator;
  readonly statusFilter: Locator;
  /** "N contributions" above the table. */
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.table = this.main.getByRole('table', { name: 'Contributions' });
    this.search = this.main.getByRole('searchbox', { name: 'Search contributions' });
    this.exportButton = this.main.getByRole('button', { name: 'Export', exact: true });
    this.exportDialog = page.getByRole('dialog', { name: 'Export contributions' });
    this.statusFilter = this.main.getByRole('combobox', { name: 'Status', exact: true });
    this.count = this.main.getByRole('status').filter({ hasText: /contributions?$|Loading/ });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Contributions' })
      .click();
    await expect(this.table).toBeVisible();
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true });
  }

  /** Sorts by a column (the backend orders the whole list) and waits for the rows in that order. */
  async sortBy(name: string): Promise<void> {
    await this.columnHeader(name).getByRole('button', { name, exact: true }).click();
    await this.listed();
  }

  /** Waits until the table shows the answer to the last request (busy while one is on its way). */
  async listed(): Promise<void> {
    await expect(this.table).toHaveAttribute('aria-busy', 'false');
  }

  /** The button of page `n` below the table (the pages have no group of their own to name). */
  pageButton(n: number): Locator {
    return this.main.getByRole('button', { name: String(n), exact: true });
  }

  /** Shows page `n` of the list and waits until its rows are in the table. */
  async goToPage(n: number): Promise<void> {
    await this.pageButton(n).click();
    await expect(this.pageButton(n)).toHaveAttribute('aria-current', 'page');
    await this.listed();
  }

  /** The titles in the table, top to bottom. */
  async titles(): Promise<string[]> {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
      .evaluateAll((rows) =>
        rows.map((r) => r.querySelector('[role=cell], td')?.querySelector('p')?.textContent ?? ''),
      );
  }

  /** Exports the list for `audience` as CSV through the Export dialog; returns the download. */
  async exportCsv(audienceLabel: string) {
    await this.exportButton.click();
    await this.exportDialog.getByRole('combobox', { name: 'Audience' }).selectOption({
      label: audienceLabel,
    });
    await this.exportDialog
      .getByRole('combobox', { name: 'Format' })
      .selectOption({ label: 'CSV (spreadsheet)' });
    await expect(this.exportDialog.getByText(/entr(y|ies) ·/)).toBeVisible();
    const downloading = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: 'Save file' }).click();
    return downloading;
  }
}
