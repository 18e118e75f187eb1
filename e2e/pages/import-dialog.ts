import type { Locator, Page } from '@playwright/test';

/** The "Import participants from CSV" wizard, opened with the "Import CSV" button. */
export class ImportDialog {
  readonly dialog: Locator;
  readonly fileInput: Locator;
  /** "N rows: A to add, M to merge, S to skip, I invalid". */
  readonly summary: Locator;
  readonly preview: Locator;
  readonly invalidRows: Locator;
  readonly progress: Locator;
  readonly cancelImportButton: Locator;
  readonly finished: Locator;
  readonly doneButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import participants from CSV' });
    this.fileInput = this.dialog.getByLabel('CSV file');
    this.summary = this.dialog.getByRole('status').filter({ hasText: /rows:/ });
    this.preview = this.dialog.getByRole('table', { name: 'Import preview' });
    this.invalidRows = this.dialog.getByRole('heading', { name: /^Invalid rows/ });
    this.progress = this.dialog.getByRole('progressbar', { name: 'Import progress' });
    this.cancelImportButton = this.dialog.getByRole('button', { name: 'Cancel import' });
    this.finished = this.dialog.getByRole('alert').filter({ hasText: 'Import finished' });
    this.doneButton = this.dialog.getByRole('button', { name: 'Done' });
  }

  /** The select that says which column of the file feeds a participant field. */
  column(field: string): Locator {
    return this.dialog.getByRole('combobox', { name: field, exact: true });
  }

  /** The card of an invalid row, named after its line in the file. */
  invalidLine(line: number): Locator {
    return this.dialog.getByLabel(`Line ${line}`, { exact: true });
  }

  /** The "Import N rows" button. */
  importButton(rows?: number): Locator {
    return this.dialog.getByRole('button', {
      name:
        rows === undefined ? /^Import [\d,]+ rows$/ : `Import ${rows.toLocaleString('en')} rows`,
    });
  }

  async chooseFile(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
  }
}
