import type { Download, Locator, Page } from '@playwright/test';

/**
 * An export dialog ("Export series calendar", "Export the report"...): audience and format, the
 * redaction preview, and "Save file", which downloads.
 */
export class ExportDialog {
  readonly dialog: Locator;
  readonly audience: Locator;
  readonly format: Locator;
  /** "N items redacted" in the preview. */
  readonly redacted: Locator;
  readonly saveButton: Locator;

  constructor(
    readonly page: Page,
    name: string,
  ) {
    this.dialog = page.getByRole('dialog', { name });
    this.audience = this.dialog.getByLabel('Audience');
    this.format = this.dialog.getByLabel('Format');
    this.redacted = this.dialog.getByText(/\d+ items? redacted/);
    this.saveButton = this.dialog.getByRole('button', { name: 'Save file' });
  }

  /** Clicks "Save file" and returns the download it starts. */
  async save(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.saveButton.click();
    return downloading;
  }
}
