import type { Locator, Page } from '@playwright/test';

export interface ForumFields {
  title: string;
  topic?: string;
  year?: number | string;
  mandate?: string;
}

/** The forum form, on the welcome page or in the "New forum" / "Edit forum" dialog. */
export class ForumForm {
  readonly title: Locator;
  readonly topic: Locator;
  readonly year: Locator;
  readonly mandate: Locator;
  readonly createButton: Locator;
  readonly saveButton: Locator;
  readonly errorSummary: Locator;

  constructor(readonly scope: Page | Locator) {
    this.title = scope.getByRole('textbox', { name: 'Title', exact: true });
    this.topic = scope.getByRole('textbox', { name: 'Topic', exact: true });
    this.year = scope.getByRole('textbox', { name: 'Year', exact: true });
    this.mandate = scope.getByRole('textbox', { name: 'Mandate and scope', exact: true });
    this.createButton = scope.getByRole('button', { name: 'Create forum' });
    this.saveButton = scope.getByRole('button', { name: 'Save forum' });
    this.errorSummary = scope.getByRole('alert', {
      name: /^There (is a problem|are \d+ problems)$/,
    });
  }

  /** The date input of milestone `n` (1-based). */
  milestoneDate(n: number): Locator {
    return this.scope.getByLabel(`Milestone ${n} date`, { exact: true });
  }

  /** All milestone date inputs, in order. */
  get milestoneDates(): Locator {
    return this.scope.getByLabel(/^Milestone \d+ date$/);
  }

  async fill(fields: ForumFields): Promise<void> {
    await this.title.fill(fields.title);
    if (fields.topic !== undefined) await this.topic.fill(fields.topic);
    if (fields.year !== undefined) await this.year.fill(String(fields.year));
    if (fields.mandate !== undefined) await this.mandate.fill(fields.mandate);
  }

  async create(fields: ForumFields): Promise<void> {
    await this.fill(fields);
    await this.createButton.click();
  }
}

/** The confirmation asked when a forum's year changes after its milestones were edited. */
export class MoveMilestonesDialog {
  readonly dialog: Locator;
  readonly moveButton: Locator;
  readonly keepButton: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Move the milestones?' });
    this.moveButton = this.dialog.getByRole('button', { name: 'Move milestones' });
    this.keepButton = this.dialog.getByRole('button', { name: 'Keep the dates' });
  }
}
