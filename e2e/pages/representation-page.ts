import type { Locator, Page } from '@playwright/test';

/** Representation: the dashboard's charts, the alerts and the stakeholder map. */
export class RepresentationPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly phase: Locator;
  readonly alertsTab: Locator;
  readonly alerts: Locator;
  readonly useSuggestedMapButton: Locator;
  readonly saveMapButton: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { name: 'Representation' });
    this.phase = this.main.getByLabel('Phase', { exact: true });
    this.alertsTab = this.main.getByRole('tab', { name: /Alerts/ });
    this.alerts = this.main.getByRole('list', { name: 'Alerts' });
    this.useSuggestedMapButton = this.main.getByRole('button', { name: 'Use suggested map' });
    this.saveMapButton = this.main.getByRole('button', { name: 'Save map' });
  }

  /** A chart, found by its accessible name (which carries its values). */
  chart(name: RegExp): Locator {
    return this.main.getByRole('img', { name });
  }

  /** A tab: "Dashboard", "Stakeholder map" (the alerts' tab is `alertsTab`). */
  tab(name: string): Locator {
    return this.main.getByRole('tab', { name });
  }

  /** The alert whose text matches `text`. */
  alert(text: RegExp): Locator {
    return this.alerts.getByRole('listitem').filter({ hasText: text });
  }

  /** The stakeholder group of row `n` (from 1) of the stakeholder map. */
  mapGroup(n: number): Locator {
    return this.main.getByLabel(`Stakeholder group, row ${n}`, { exact: true });
  }
}
