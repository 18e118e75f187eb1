import { expect, type Locator, type Page } from '@playwright/test';

/** "Data and handover": backups, restore, passphrase, retention, the forum package. */
export class DataPage {
  readonly heading: Locator;
  readonly backUpNow: Locator;
  /** "Last backup: …", once there is one. */
  readonly lastBackup: Locator;
  readonly restoreButton: Locator;
  readonly restoreDialog: Locator;
  readonly backupsTable: Locator;
  /** Each backup's "Restore the backup of …" button in the restore dialog. */
  readonly restoreBackupButtons: Locator;
  readonly restoreThisBackupButton: Locator;
  /** Asked when the chosen backup was made under an older passphrase. */
  readonly backupPassphrase: Locator;
  readonly retention: Locator;
  readonly retentionMonths: Locator;
  readonly saveRetentionButton: Locator;
  readonly forumPackage: ForumPackage;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Data and handover' });
    this.backUpNow = page.getByRole('button', { name: 'Back up now' });
    this.lastBackup = page.getByText(/Last backup:/);
    this.restoreButton = page.getByRole('button', { name: 'Restore from backup' });
    this.restoreDialog = page.getByRole('dialog', { name: 'Restore from backup' });
    this.backupsTable = this.restoreDialog.getByRole('table', { name: 'Backups' });
    this.restoreBackupButtons = this.restoreDialog.getByRole('button', {
      name: /^Restore the backup of/,
    });
    this.restoreThisBackupButton = this.restoreDialog.getByRole('button', {
      name: 'Restore this backup',
    });
    this.backupPassphrase = this.restoreDialog.getByLabel('Passphrase of this backup');
    this.retention = page.getByLabel('Delete personal data N months after the final report');
    this.retentionMonths = page.getByLabel('Months after the final report (N)');
    this.saveRetentionButton = page.getByRole('button', { name: 'Save retention' });
    this.forumPackage = new ForumPackage(page.getByRole('main'));
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Data' })
      .click();
    await expect(this.heading).toBeVisible();
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

/** The forum package for next year's team: export it with a passphrase, or import one. */
export class ForumPackage {
  readonly recipientPassphrase: Locator;
  readonly confirmPassphrase: Locator;
  readonly includeSafeguards: Locator;
  readonly exportButton: Locator;
  readonly file: Locator;
  readonly passphrase: Locator;
  readonly showContentsButton: Locator;
  readonly contents: Locator;
  readonly importButton: Locator;

  constructor(readonly main: Locator) {
    this.recipientPassphrase = main.getByLabel('Passphrase for the recipient');
    this.confirmPassphrase = main.getByLabel('Confirm passphrase');
    this.includeSafeguards = main.getByLabel('Include incidents and disruptive actors');
    this.exportButton = main.getByRole('button', { name: 'Export forum package' });
    this.file = main.getByLabel('Package file');
    this.passphrase = main.getByLabel('Package passphrase');
    this.showContentsButton = main.getByRole('button', { name: 'Show what it contains' });
    this.contents = main.getByLabel('Package contents');
    this.importButton = main.getByRole('button', { name: 'Import forum package' });
  }

  /** Chooses the package file through the file chooser, as a user would. */
  async chooseFile(path: string): Promise<void> {
    const chooser = this.main.page().waitForEvent('filechooser');
    await this.file.click();
    await (await chooser).setFiles(path);
  }
}
