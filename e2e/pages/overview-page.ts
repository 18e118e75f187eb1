import type { Locator, Page } from '@playwright/test';

/** The forum's Overview: the timeline and, once retention is due, its banner and dialog. */
export class OverviewPage {
  readonly nextMilestone: Locator;
  readonly retentionBanner: Locator;
  readonly deleteDataDialog: Locator;
  readonly confirmTitle: Locator;
  readonly replaceButton: Locator;

  constructor(readonly page: Page) {
    this.nextMilestone = page.getByText('Next milestone');
    this.retentionBanner = page
      .getByRole('alert')
      .filter({ hasText: 'Personal data is due for deletion' });
    this.deleteDataDialog = page.getByRole('dialog', { name: 'Delete personal data' });
    this.confirmTitle = this.deleteDataDialog.getByLabel('Forum title');
    this.replaceButton = this.deleteDataDialog.getByRole('button', {
      name: 'Replace personal data by pseudonyms',
    });
  }

  /** Opens "Delete personal data" from the banner. */
  async openDeleteData(): Promise<void> {
    await this.retentionBanner.getByRole('button', { name: 'Delete personal data' }).click();
  }
}
