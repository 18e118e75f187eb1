import { expect, type Locator, type Page } from '@playwright/test';

/** "Data and handover": backups, restore, passphrase, retention. */
export class DataPage {
  readonly backUpNow: Locator;
  readonly restoreButton: Locator;
  readonly restoreDialog: Locator;
  readonly backupsTable: Locator;

  constructor(readonly page: Page) {
    this.backUpNow = page.getByRole('button', { name: 'Back up now' });
    this.restoreButton = page.getByRole('button', { name: 'Restore from backup' });
    this.restoreDialog = page.getByRole('dialog', { name: 'Restore from backup' });
    this.backupsTable = this.restoreDialog.getByRole('table', { name: 'Backups' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Data' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Data and handover' })).toBeVisible();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await this.page.getByLabel('Current passphrase').fill(current);
    await this.page.getByLabel('New passphrase', { exact: true }).fill(next);
    await this.page.getByLabel('Confirm new passphrase').fill(next);
    await this.page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(
      this.page.getByText('The database is now encrypted with the new passphrase.'),
    ).toBeVisible({ timeout: 60_000 });
  }

  /** Opens "Restore from backup" and chooses the backup on row `row` (0 = newest). */
  async chooseBackup(row: number): Promise<void> {
    await this.restoreButton.click();
    await expect(this.backupsTable).toBeVisible();
    await this.backupsTable
      .getByRole('button', { name: /^Restore the backup of/ })
      .nth(row)
      .click();
  }
}
