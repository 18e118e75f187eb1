import { expect, type Locator, type Page } from '@playwright/test';
import { ForumForm, type ForumFields } from './forum-form';

export type AreaName =
  | 'Overview'
  | 'Participants'
  | 'Calls'
  | 'Actions'
  | 'NRIs'
  | 'Contributions'
  | 'Representation'
  | 'Report'
  | 'Safeguards'
  | 'Data and handover';

/** The frame around every area once a forum is open: forum switcher, "New forum", navigation. */
export class AppShell {
  readonly forumSelect: Locator;
  readonly newForumButton: Locator;
  readonly navigation: Locator;
  readonly menuButton: Locator;
  readonly previewSwitch: Locator;
  /** The banner shown over every area while previewing as public. */
  readonly previewBanner: Locator;
  readonly skipLink: Locator;
  readonly main: Locator;
  readonly pageHeading: Locator;
  readonly newForumDialog: Locator;

  constructor(readonly page: Page) {
    this.forumSelect = page.getByRole('combobox', { name: 'Forum', exact: true });
    this.newForumButton = page.getByRole('button', { name: 'New forum' });
    this.navigation = page.getByRole('navigation', { name: 'Areas' });
    this.menuButton = page.getByRole('button', { name: /^(Open|Close) navigation$/ });
    this.previewSwitch = page.getByRole('switch', { name: 'Preview as public' });
    this.previewBanner = page.getByText('Previewing as public');
    this.skipLink = page.getByRole('link', { name: 'Skip to content' });
    this.main = page.getByRole('main');
    this.pageHeading = this.main.getByRole('heading', { level: 1 });
    this.newForumDialog = page.getByRole('dialog', { name: 'New forum' });
  }

  area(name: AreaName): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async goTo(name: AreaName): Promise<void> {
    // On a narrow window the navigation sits behind the menu button.
    if (!(await this.area(name).isVisible()) && (await this.menuButton.isVisible()))
      await this.menuButton.click();
    // A click that lands while the shell re-renders (a forum just loaded) can be lost on a loaded
    // machine (seen once in the full suite): click again until the area is the current one.
    await expect(async () => {
      await this.area(name).click();
      await expect(this.area(name)).toHaveAttribute('aria-current', 'page', { timeout: 3000 });
    }).toPass({ timeout: 20_000 });
  }

  /** The "Undo" action of the notification shown after a removal. */
  get undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo' });
  }

  /** The route part of the URL (after `#`), e.g. `/participants/01J…`. */
  route(): string {
    return new URL(this.page.url()).hash.replace(/^#/, '');
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
