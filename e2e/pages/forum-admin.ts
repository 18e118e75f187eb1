import type { Locator, Page } from '@playwright/test';

/** The Overview's "Archive or delete" card, the read-only banner and the delete dialog. */
export class ForumAdmin {
  readonly archiveButton: Locator;
  readonly unarchiveButton: Locator;
  readonly deleteButton: Locator;
  readonly editForumButton: Locator;
  readonly archivedBanner: Locator;
  readonly showArchived: Locator;
  readonly loadSampleButton: Locator;
  readonly deleteDialog: Locator;
  readonly confirmTitle: Locator;
  readonly confirmDelete: Locator;

  constructor(readonly page: Page) {
    this.archiveButton = page.getByRole('button', { name: 'Archive forum' });
    this.unarchiveButton = page.getByRole('button', { name: 'Unarchive forum' });
    this.deleteButton = page.getByRole('button', { name: 'Delete forum…' });
    this.editForumButton = page.getByRole('button', { name: 'Edit forum' });
    this.archivedBanner = page.getByRole('status').filter({ hasText: 'archived and read-only' });
    this.showArchived = page.getByRole('switch', { name: 'Show archived' });
    this.loadSampleButton = page.getByRole('button', { name: 'Load the sample forum' });
    this.deleteDialog = page.getByRole('dialog', { name: 'Delete this forum?' });
    this.confirmTitle = this.deleteDialog.getByLabel('Type the forum’s title to confirm');
    this.confirmDelete = this.deleteDialog.getByRole('button', { name: 'Delete forum' });
  }
}
