import type { Locator, Page } from '@playwright/test';

/** The "New call series" dialog: dates, the rotation's slots, reminders, "Create series". */
export class SeriesForm {
  readonly dialog: Locator;
  readonly title: Locator;
  readonly firstDate: Locator;
  readonly everyWeeks: Locator;
  readonly ends: Locator;
  readonly numberOfCalls: Locator;
  readonly duration: Locator;
  readonly addSlotButton: Locator;
  readonly meetingLink: Locator;
  readonly createButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'New call series' });
    this.title = this.dialog.getByLabel('Title');
    this.firstDate = this.dialog.getByLabel('First date');
    this.everyWeeks = this.dialog.getByLabel('Every (weeks)');
    this.ends = this.dialog.getByLabel('Ends');
    this.numberOfCalls = this.dialog.getByLabel('Number of calls');
    this.duration = this.dialog.getByLabel('Duration (minutes)');
    this.addSlotButton = this.dialog.getByRole('button', { name: 'Add a slot to the rotation' });
    this.meetingLink = this.dialog.getByLabel('Meeting link');
    this.createButton = this.dialog.getByRole('button', { name: 'Create series' });
  }

  /** The time of slot `n` (from 1). */
  slotTime(n: number): Locator {
    return this.dialog.getByLabel(`Slot ${n} time`);
  }

  /** The text input of slot `n`'s searchable time-zone picker. */
  slotZone(n: number): Locator {
    return this.dialog
      .getByLabel(`Slot ${n} fixed in`, { exact: true })
      .and(this.dialog.locator('input'));
  }

  /** An option of the open time-zone picker. */
  zoneOption(name: RegExp): Locator {
    return this.page.getByRole('option', { name });
  }

  /** Picks slot `n`'s zone by typing part of it, as a user would. */
  async pickZone(n: number, query: string, option: RegExp): Promise<void> {
    const input = this.slotZone(n);
    await input.click();
    await input.fill(query);
    await this.zoneOption(option).first().click();
  }

  /** A reminder's checkbox, e.g. "1 day before". */
  reminder(label: string): Locator {
    return this.dialog.getByLabel(label);
  }
}
