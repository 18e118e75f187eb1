import type { Locator, Page } from '@playwright/test';
import { ExportDialog } from './export-dialog';

/** NRIs: the directory, the onsite sessions and a session's page. */
export class NrisPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly directory: Locator;
  readonly search: Locator;
  readonly sessionsTab: Locator;
  readonly planSessionButton: Locator;
  readonly sessionForm: SessionForm;
  readonly sessions: Locator;
  readonly outcomes: Locator;
  readonly attendance: SessionAttendance;
  readonly exportCalendarButton: Locator;
  readonly exportDialog: ExportDialog;
  readonly backButton: Locator;
  readonly removeSessionButton: Locator;
  readonly removeDialog: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'NRIs' });
    this.directory = this.main.getByRole('table', { name: 'NRIs' });
    this.search = this.main.getByRole('searchbox', { name: 'Search NRIs' });
    this.sessionsTab = this.main.getByRole('tab', { name: 'Onsite sessions' });
    this.planSessionButton = this.main.getByRole('button', { name: 'Plan session' });
    this.sessionForm = new SessionForm(page.getByRole('dialog', { name: 'Plan session' }));
    this.sessions = this.main.getByRole('table', { name: 'Onsite sessions' });
    this.outcomes = this.main.getByRole('region', { name: 'Outcomes' });
    this.attendance = new SessionAttendance(this.main.getByRole('region', { name: 'Attendance' }));
    this.exportCalendarButton = this.main.getByRole('button', { name: 'Export calendar (.ics)' });
    this.exportDialog = new ExportDialog(page, 'Export session calendar');
    this.backButton = this.main.getByRole('button', { name: /Back to sessions/ });
    this.removeSessionButton = this.main.getByRole('button', { name: 'Remove session' });
    this.removeDialog = page.getByRole('dialog', { name: 'Remove this session?' });
  }

  /** The directory's rows that contain `text`. */
  nri(text: string): Locator {
    return this.directory.getByRole('row').filter({ hasText: text });
  }

  /** The sessions' rows that contain `title`. */
  session(title: string): Locator {
    return this.sessions.getByRole('row').filter({ hasText: title });
  }

  /** Opens a session's page from its row. */
  async openSession(title: string): Promise<void> {
    await this.session(title).getByRole('button', { name: title }).click();
  }

  /** The heading of a session's page. */
  sessionHeading(title: string): Locator {
    return this.main.getByRole('heading', { name: title });
  }
}

/** The "Plan session" form. */
export class SessionForm {
  readonly nri: Locator;
  readonly title: Locator;
  readonly date: Locator;
  readonly startTime: Locator;
  readonly venueCountry: Locator;
  readonly timeZone: Locator;
  readonly duration: Locator;
  readonly venue: Locator;
  readonly format: Locator;
  readonly localHosts: Locator;
  readonly outcomes: Locator;
  readonly planButton: Locator;

  constructor(readonly dialog: Locator) {
    this.nri = dialog.getByLabel('NRI');
    this.title = dialog.getByRole('textbox', { name: 'Title', exact: true });
    this.date = dialog.getByLabel('Date');
    this.startTime = dialog.getByLabel('Start time');
    this.venueCountry = dialog.getByLabel('Venue country');
    this.timeZone = dialog.getByLabel('Time zone');
    this.duration = dialog.getByLabel('Duration (minutes)');
    this.venue = dialog.getByRole('textbox', { name: 'Venue', exact: true });
    this.format = dialog.getByLabel('Format');
    this.localHosts = dialog.getByLabel('Local hosts');
    this.outcomes = dialog.getByRole('textbox', { name: 'Outcomes', exact: true });
    this.planButton = dialog.getByRole('button', { name: 'Plan session' });
  }
}

/** A session's "Attendance" region: find a participant, tick them, set their attendance. */
export class SessionAttendance {
  readonly find: Locator;
  readonly table: Locator;

  constructor(readonly region: Locator) {
    this.find = region.getByRole('searchbox', { name: 'Find participant' });
    this.table = region.getByRole('table', { name: 'Attendance' });
  }

  /** The checkbox of a search match: ticking it records them as attended. */
  match(name: RegExp): Locator {
    return this.region.getByRole('checkbox', { name });
  }

  /** A recorded attendee's row. */
  entry(name: RegExp): Locator {
    return this.table.getByRole('row', { name });
  }

  attendanceOf(name: string): Locator {
    return this.region.getByLabel(`Attendance of ${name}`);
  }
}
