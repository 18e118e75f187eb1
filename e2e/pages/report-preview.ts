import type { FrameLocator, Locator, Page } from '@playwright/test';

/** The report editor's "Preview as public" button and the dialog with the rendered report. */
export class ReportPreview {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly frame: FrameLocator;
  readonly staleWarning: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('main').getByRole('button', { name: 'Preview as public' });
    this.dialog = page.getByRole('dialog', { name: 'Public preview of the report' });
    this.frame = this.dialog.frameLocator('iframe[title="Public report preview"]');
    this.staleWarning = this.dialog.getByText('Generated sections are out of date');
  }
}
