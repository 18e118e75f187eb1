import type { Locator, Page } from '@playwright/test';

/** "Unlock Intersession": set the passphrase on first run, or type it after a restart. */
export class UnlockPage {
  readonly heading: Locator;
  readonly passphrase: Locator;
  readonly confirm: Locator;
  readonly setUpButton: Locator;
  readonly unlockButton: Locator;
  readonly wrongPassphrase: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Unlock Intersession' });
    this.passphrase = page.getByLabel('Passphrase', { exact: true });
    this.confirm = page.getByLabel('Confirm passphrase');
    this.setUpButton = page.getByRole('button', { name: 'Set passphrase and unlock' });
    this.unlockButton = page.getByRole('button', { name: 'Unlock' });
    this.wrongPassphrase = page.getByText('Wrong passphrase');
  }

  /** The strength hint under the new passphrase, e.g. `strength('too short')`. */
  strength(text: string | RegExp): Locator {
    return this.page.getByText(
      typeof text === 'string' ? `Strength: ${text}` : new RegExp(`Strength: ${text.source}`),
    );
  }

  async unlock(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.unlockButton.click();
  }
}
