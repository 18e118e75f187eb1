import type { Locator, Page } from '@playwright/test';
import { ForumForm, type ForumFields } from './forum-form';

/** The frame around every area once a forum is open: forum switcher, "New forum", navigation. */
export class AppShell {
  readonly forumSelect: Locator;
  readonly newForumButton: Locator;
  readonly navigation: Locator;
  readonly main: Locator;
  readonly pageHeading: Locator;
  readonly newForumDialog: Locator;

  constructor(readonly page: Page) {
    this.forumSelect = page.getByRole('combobox', { name: 'Forum', exact: true });
    this.newForumButton = page.getByRole('button', { name: 'New forum' });
    this.navigation = page.getByRole('navigation', { name: 'Areas' });
    this.main = page.getByRole('main');
    this.pageHeading = this.main.getByRole('heading', { level: 1 });
    this.newForumDialog = page.getByRole('dialog', { name: 'New forum' });
  }

  area(name: 'Overview' | 'Participants'): Locator {
    return this.navigation.getByRole('button', { name, exact: true });
  }

  async goTo(name: 'Overview' | 'Participants'): Promise<void> {
    await this.area(name).click();
  }

  /** Opens the "New forum" dialog, fills it and creates the forum. */
  async createForum(fields: ForumFields): Promise<void> {
    await this.newForumButton.click();
    await new ForumForm(this.newForumDialog).create(fields);
  }

  /** Picks a forum in the "Forum" select by its title (the option reads "Title (Year)"). */
  async switchForum(title: string, year: number): Promise<void> {
    await this.forumSelect.selectOption({ label: `${title} (${year})` });
  }
}
