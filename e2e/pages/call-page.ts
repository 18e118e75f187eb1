import type { Locator, Page } from '@playwright/test';

/** One call's page: cancel or move it, its attendance, action items and minutes. */
export class CallPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly cancelCallButton: Locator;
  readonly cancelDialog: Locator;
  readonly moveCallButton: Locator;
  readonly markAllInvitedButton: Locator;
  readonly markAttendedButton: Locator;
  readonly importAttendanceButton: Locator;
  readonly importAttendance: AttendanceImportDialog;
  readonly attendanceCounts: Locator;
  readonly actionText: Locator;
  readonly actionDueDate: Locator;
  readonly addActionItemButton: Locator;
  readonly actionItems: Locator;
  readonly sendMinutesButton: Locator;
  readonly sendMinutesDialog: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.cancelCallButton = this.main.getByRole('button', { name: 'Cancel call' });
    this.cancelDialog = page.getByRole('dialog', { name: 'Cancel this call?' });
    this.moveCallButton = this.main.getByRole('button', { name: 'Move call' });
    this.markAllInvitedButton = this.main.getByRole('button', { name: 'Mark all invited' });
    this.markAttendedButton = this.main.getByRole('button', { name: 'Mark attended' });
    this.importAttendanceButton = this.main.getByRole('button', {
      name: 'Import attendance report',
    });
    this.importAttendance = new AttendanceImportDialog(page);
    this.attendanceCounts = this.main.getByRole('region', { name: 'Attendance counts' });
    this.actionText = this.main.getByLabel('Action', { exact: true });
    this.actionDueDate = this.main.getByLabel('Due date');
    this.addActionItemButton = this.main.getByRole('button', { name: 'Add action item' });
    this.actionItems = this.main.getByRole('table', { name: 'Action items' });
    this.sendMinutesButton = this.main.getByRole('button', { name: 'Send minutes' });
    this.sendMinutesDialog = page.getByRole('dialog', { name: 'Send minutes (e-mail draft)' });
  }

  /** A tab of the call: "Attendance", "Action items", "Minutes". */
  tab(name: string): Locator {
    return this.main.getByRole('tab', { name });
  }

  /** A status badge or line on the call's page, e.g. "Cancelled", "Held", "Needs minutes". */
  status(text: string): Locator {
    return this.main.getByText(text, { exact: true });
  }

  /** The select of a participant's attendance. */
  attendanceOf(name: string): Locator {
    return this.main.getByLabel(`Attendance of ${name}`);
  }

  /** A participant's row in the attendance list. */
  attendee(name: string): Locator {
    return this.main.getByRole('row', { name: new RegExp(name) });
  }

  /** The checkbox that selects a participant for a bulk change of attendance. */
  select(name: string): Locator {
    return this.main.getByLabel(`Select ${name}`);
  }

  /** One of the attendance counts' tables, "Stakeholder group" or "Gender". */
  countsBy(name: string): Locator {
    return this.attendanceCounts.getByRole('table', { name });
  }

  /** Cancels the call, confirming when asked. */
  async cancelCall(): Promise<void> {
    await this.cancelCallButton.click();
    await this.cancelDialog.getByRole('button', { name: 'Yes, cancel the call' }).click();
  }
}

/** "Import attendance report": a Zoom or Teams report, matched to members. */
export class AttendanceImportDialog {
  readonly dialog: Locator;
  readonly fileField: Locator;
  readonly minimumMinutes: Locator;
  readonly recordButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import attendance report' });
    this.fileField = this.dialog.getByLabel(/Participant report/);
    this.minimumMinutes = this.dialog.getByLabel('Minimum minutes to count as attended');
    this.recordButton = this.dialog.getByRole('button', { name: 'Record attendance' });
  }

  /** Chooses the report file through the file chooser, as a user would. */
  async chooseFile(path: string): Promise<void> {
    const choosing = this.page.waitForEvent('filechooser');
    await this.fileField.click();
    await (await choosing).setFiles(path);
  }

  button(name: string): Locator {
    return this.dialog.getByRole('button', { name });
  }

  /** The select of the member an attendee is matched to. */
  memberFor(attendee: string): Locator {
    return this.dialog.getByLabel(`Member for ${attendee}`);
  }
}
