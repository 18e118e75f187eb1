import type { Locator, Page } from '@playwright/test';
import { ExportDialog } from './export-dialog';

/** Report: start a report, its outline and section editor, versions and their comparison. */
export class ReportPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly noReport: Locator;
  readonly newReportButton: Locator;
  readonly outline: Locator;
  /** The autosave state: "Saved", "Saving…" or "Not saved". */
  readonly saveStatus: Locator;
  readonly preview: Locator;
  readonly versionName: Locator;
  readonly saveVersionButton: Locator;
  readonly versions: Locator;
  readonly fromVersion: Locator;
  readonly toVersion: Locator;
  readonly compareButton: Locator;
  readonly differences: Locator;
  readonly exportButton: Locator;
  readonly exportDialog: ExportDialog;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Report' });
    this.noReport = this.main.getByText('No report yet');
    this.newReportButton = this.main.getByRole('button', { name: 'New report' });
    this.outline = this.main.getByRole('navigation', { name: 'Outline' });
    this.saveStatus = this.main
      .getByRole('status')
      .filter({ hasText: /^(Saved|Saving…|Not saved)$/ });
    this.preview = this.main.getByRole('region', { name: 'Preview' });
    this.versionName = this.main.getByLabel('Version name');
    this.saveVersionButton = this.main.getByRole('button', { name: 'Save version' });
    this.versions = this.main.getByRole('table', { name: 'Saved versions' });
    this.fromVersion = this.main.getByLabel('From version');
    this.toVersion = this.main.getByLabel('To version');
    this.compareButton = this.main.getByRole('button', { name: 'Compare', exact: true });
    this.differences = this.main.getByRole('region', { name: 'Differences' });
    this.exportButton = this.main.getByRole('button', { name: 'Export', exact: true });
    this.exportDialog = new ExportDialog(page, 'Export the report');
  }

  /** A numbered section of the outline, e.g. "2.1 Barriers". */
  outlineSection(name: string): Locator {
    return this.outline.getByRole('group', { name });
  }

  /** Opens a section in the editor from the outline: `number` "2.1", `title` "Barriers". */
  async openSection(number: string, title: string): Promise<void> {
    await this.outlineSection(`${number} ${title}`)
      .getByRole('button', { name: new RegExp(title) })
      .click();
  }

  /** The text box of a section, e.g. `sectionText('2.1 Barriers')`. */
  sectionText(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.main.getByRole('textbox', { name: new RegExp(`Section text: ${escaped}`) });
  }

  /** A tab of the report editor ("Write", "Versions"...). */
  tab(name: RegExp): Locator {
    return this.main.getByRole('tab', { name });
  }

  /** Saves the text as it is now as a version named `name`. */
  async saveVersion(name: string): Promise<void> {
    await this.versionName.fill(name);
    await this.saveVersionButton.click();
  }

  /** A changed section in the comparison. */
  differenceIn(section: string): Locator {
    return this.differences.getByRole('article', { name: section });
  }

  /** The button in the report list that opens a report. */
  reportButton(name: RegExp): Locator {
    return this.main.getByRole('button', { name });
  }
}
