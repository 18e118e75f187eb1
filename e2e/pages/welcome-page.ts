import type { Locator, Page } from '@playwright/test';
import { ForumForm } from './forum-form';

/** First run: no forum yet; offers the sample forum or a new one. */
export class WelcomePage {
  readonly heading: Locator;
  readonly sampleOffer: Locator;
  readonly loadSampleButton: Locator;
  readonly forumForm: ForumForm;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Welcome to Intersession' });
    this.sampleOffer = page.getByRole('heading', { name: 'Try it with sample data' });
    this.loadSampleButton = page.getByRole('button', { name: 'Load sample forum' });
    this.forumForm = new ForumForm(page);
  }

  async loadSample(): Promise<void> {
    await this.loadSampleButton.click();
  }
}
