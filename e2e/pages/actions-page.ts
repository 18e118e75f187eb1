import type { Locator, Page } from '@playwright/test';

/** Actions: every open action item of the forum's calls. */
export class ActionsPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('main').getByRole('table', { name: 'Action items' });
  }

  /** The row of the action item titled `title`. */
  row(title: string): Locator {
    return this.table.getByRole('row', { name: new RegExp(title) });
  }

  async complete(title: string): Promise<void> {
    await this.row(title)
      .getByRole('button', { name: `Complete ${title}` })
      .click();
  }
}
