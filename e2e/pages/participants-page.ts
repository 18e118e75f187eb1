import { expect, type Locator, type Page } from '@playwright/test';
import { ParticipantForm, type ParticipantFields } from './participant-form';

/** The participant registry: search, filters, the virtual list, add / open / remove. */
export class ParticipantsPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly addButton: Locator;
  readonly importButton: Locator;
  /** "Export": the participant directory, through the export dialog. */
  readonly exportButton: Locator;
  readonly search: Locator;
  readonly stakeholderGroupFilter: Locator;
  readonly regionFilter: Locator;
  readonly clearFiltersButton: Locator;
  /** "N participants" under the filters. */
  readonly count: Locator;
  readonly table: Locator;
  readonly noMatch: Locator;
  readonly addDialog: Locator;
  readonly addForm: ParticipantForm;
  readonly detail: Locator;
  readonly confirmRemoval: Locator;
  /** "Protect participant", opened from a participant's page. */
  readonly protectDialog: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { name: 'Participants', level: 1 });
    this.addButton = this.main.getByRole('button', { name: 'Add participant' });
    this.importButton = this.main.getByRole('button', { name: 'Import CSV' });
    this.exportButton = this.main.getByRole('button', { name: 'Export', exact: true });
    this.search = this.main.getByRole('searchbox', { name: 'Search participants' });
    this.stakeholderGroupFilter = this.main.getByRole('combobox', {
      name: 'Stakeholder group',
      exact: true,
    });
    this.regionFilter = this.main.getByRole('combobox', { name: 'Region', exact: true });
    this.clearFiltersButton = this.main.getByRole('button', { name: 'Clear filters' });
    this.count = this.main.getByRole('status').filter({ hasText: /participants?$|Loading/ });
    this.table = this.main.getByRole('table', { name: 'Participants' });
    this.noMatch = this.main.getByText('No participants match these filters.');
    this.addDialog = page.getByRole('dialog', { name: 'Add participant' });
    this.addForm = new ParticipantForm(this.addDialog);
    this.detail = page.getByRole('dialog', { name: 'Participant', exact: true });
    this.confirmRemoval = page.getByRole('dialog', { name: 'Remove participant?' });
    this.protectDialog = page.getByRole('dialog', { name: 'Protect participant' });
  }

  /** The data rows on screen (the list is virtual: only rows near the viewport exist). */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The row whose cells contain `text` (a name, an organisation...). */
  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Waits until the list says it holds exactly `n` participants. */
  async expectCount(n: number): Promise<void> {
    await expect(this.count).toHaveText(
      `${n.toLocaleString('en')} ${n === 1 ? 'participant' : 'participants'}`,
    );
  }

  async addParticipant(p: ParticipantFields): Promise<void> {
    await this.addButton.click();
    await this.addForm.fill(p);
    await this.addForm.save();
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async filterByGroup(label: string): Promise<void> {
    await this.stakeholderGroupFilter.selectOption({ label });
  }

  async filterByRegion(label: string): Promise<void> {
    await this.regionFilter.selectOption({ label });
  }

  /** Opens a participant's page from the list. */
  async open(name: string): Promise<void> {
    await this.row(name).first().click();
    await expect(this.detail.getByRole('heading', { name, exact: true })).toBeVisible();
  }

  /** Removes the participant whose page is open, confirming when asked. */
  async removeOpenParticipant(): Promise<void> {
    await this.detail.getByRole('button', { name: 'Remove participant' }).click();
    await expect(this.confirmRemoval).toBeVisible();
    await this.confirmRemoval.getByRole('button', { name: 'Remove', exact: true }).click();
  }

  /** Protects the participant whose page is open, giving `reason`; waits for the dialog to close. */
  async protectOpenParticipant(reason: string): Promise<void> {
    await this.detail.getByRole('button', { name: 'Protect participant' }).click();
    await this.protectDialog.getByLabel('Reason').fill(reason);
    await this.protectDialog.getByRole('button', { name: 'Protect participant' }).click();
    await expect(this.protectDialog).toBeHidden();
  }

  /** A field of the open participant's page: the row headed `label`. */
  detailField(label: string): Locator {
    return this.detail.getByRole('row', { name: label, exact: false }).filter({
      has: this.page.getByRole('rowheader', { name: label, exact: true }),
    });
  }

  /** A column header of the list (its sort state is `aria-sort`). */
  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true });
  }

  /** Sorts by a column by clicking its header's button (again to turn the order round). */
  async sortBy(name: string): Promise<void> {
    await this.columnHeader(name).getByRole('button', { name, exact: true }).click();
  }

  /** The full names in the rows on screen, top to bottom (from their "Select …" boxes). */
  async namesShown(): Promise<string[]> {
    await expect(this.rows.first()).toBeVisible();
    const labels = await this.rows
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label') ?? ''));
    return labels.map((l) => l.replace(/^Select /, ''));
  }

  /** Ticks (or unticks) a participant's row for a bulk action. */
  async select(fullName: string, on = true): Promise<void> {
    await this.table
      .getByRole('checkbox', { name: `Select ${fullName}`, exact: true })
      .setChecked(on);
  }

  get selectAllOnPage(): Locator {
    return this.table.getByRole('checkbox', { name: 'Select all on this page' });
  }

  /** The bar of bulk actions shown while rows are selected. */
  get bulkActions(): Locator {
    return this.main.getByRole('toolbar', { name: 'Selected participants' });
  }

  /** "Change role" for the selection: picks the role in its dialog and confirms. */
  async changeRoleOfSelection(roleLabel: string): Promise<void> {
    await this.bulkActions.getByRole('button', { name: 'Change role' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Change role of \d+ participants?$/ });
    await dialog.getByRole('combobox', { name: 'New role' }).selectOption({ label: roleLabel });
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The role shown in a participant's row. */
  roleOf(rowText: string | RegExp): Locator {
    return this.row(rowText).getByRole('cell').nth(6);
  }

  get savedFilter(): Locator {
    return this.main.getByRole('combobox', { name: 'Saved filter' });
  }

  /** Saves the search, filters and sort shown now under `name`. */
  async saveFilter(name: string): Promise<void> {
    await this.main.getByRole('button', { name: 'Save filter' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save filter' });
    await dialog.getByRole('textbox', { name: 'Filter name' }).fill(name);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Deletes the saved filter picked now, confirming when asked. */
  async deletePickedFilter(): Promise<void> {
    await this.main.getByRole('button', { name: 'Delete saved filter' }).click();
    const confirm = this.page.getByRole('dialog', { name: 'Delete saved filter?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(confirm).toBeHidden();
  }

  /** The "Undo" action of the notification shown after a removal. */
  get undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo' });
  }

  /** A button of the bar of bulk actions ("Protect", "Export selection", "Clear selection"). */
  bulkAction(name: string): Locator {
    return this.bulkActions.getByRole('button', { name });
  }
}
