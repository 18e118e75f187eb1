import type { Locator, Page } from '@playwright/test';
import { ExportDialog } from './export-dialog';
import { SeriesForm } from './series-form';

/** Calls: the list of series and a series' page (its calls, heat map, slots, export, delete). */
export class CallsPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly newSeriesButton: Locator;
  readonly seriesForm: SeriesForm;
  /** The series' page: its calls, one row each after the header. */
  readonly calls: Locator;
  readonly heatMap: Locator;
  readonly slotTimes: Locator;
  /** The rotation's slots ("Slot 1: …"). */
  readonly slotList: Locator;
  readonly backButton: Locator;
  readonly exportCalendarButton: Locator;
  readonly exportDialog: ExportDialog;
  readonly deleteSeriesButton: Locator;
  readonly deleteSeriesDialog: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Calls' });
    this.newSeriesButton = this.main.getByRole('button', { name: 'New call series' });
    this.seriesForm = new SeriesForm(page);
    this.calls = this.main.getByRole('table', { name: 'Calls of the series' });
    this.heatMap = this.main.getByRole('table', { name: 'Burden heat map' });
    this.slotTimes = this.main.getByRole('table', { name: 'Local times and burden of each slot' });
    this.slotList = this.main.getByRole('list').filter({ hasText: 'Slot 1:' });
    this.backButton = this.main.getByRole('button', { name: '← Back' });
    this.exportCalendarButton = this.main.getByRole('button', { name: 'Export calendar (.ics)' });
    this.exportDialog = new ExportDialog(page, 'Export series calendar');
    this.deleteSeriesButton = this.main.getByRole('button', { name: 'Delete series' });
    this.deleteSeriesDialog = page.getByRole('dialog', { name: 'Delete this call series?' });
  }

  /** The level-1 heading of a series' page. */
  seriesHeading(title: string): Locator {
    return this.main.getByRole('heading', { level: 1, name: title });
  }

  /** The button in the list that opens a series. */
  seriesButton(title: string): Locator {
    return this.main.getByRole('button', { name: `Open ${title}` });
  }

  /** Row `n` of the series' calls table (0 is the header, 1 the first call). */
  callRow(n: number): Locator {
    return this.calls.getByRole('row').nth(n);
  }

  /** Opens call `n` (from 1) of the series. */
  async openCall(n: number): Promise<void> {
    await this.calls.getByRole('button', { name: `Open call ${n}`, exact: true }).click();
  }

  /** Deletes the series whose page is open, confirming when asked. */
  async deleteSeries(): Promise<void> {
    await this.deleteSeriesButton.click();
    await this.deleteSeriesDialog.getByRole('button', { name: 'Delete series' }).click();
  }
}
