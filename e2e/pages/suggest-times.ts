import { expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

/** The "Suggest times" dialog of a call series, driven by role and label. */
export class SuggestTimesDialog {
  constructor(private readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Suggest times' });
  }

  async open() {
    await this.page.getByRole('main').getByRole('button', { name: 'Suggest times' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Chooses the number of slots and exactly the given days (full names, e.g. "Tuesday"). */
  async choose(slots: 1 | 2 | 3, days: string[]) {
    await this.dialog
      .getByRole('radio', { name: slots === 1 ? '1 slot' : `${slots} slots` })
      .check();
    const all = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    for (const d of all)
      await this.dialog.getByRole('checkbox', { name: d }).setChecked(days.includes(d));
  }

  async show() {
    await this.dialog.getByRole('button', { name: 'Show suggestion' }).click();
    await expect(this.heatMap).toBeVisible();
  }

  get heatMap() {
    return this.dialog.getByRole('table', { name: 'Burden heat map' });
  }

  get worstCalls() {
    return this.dialog.getByRole('table', { name: 'Worst call per region' });
  }

  async expectAccessible() {
    await expectNoSeriousA11yViolations(this.page, 'the Suggest times dialog', '[role="dialog"]');
  }

  async accept() {
    await this.dialog.getByRole('button', { name: 'Accept' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async cancel() {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
