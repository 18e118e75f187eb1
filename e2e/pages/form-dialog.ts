import type { Locator, Page } from '@playwright/test';

/**
 * A form in a modal dialog, found by the dialog's name: its fields by their visible label, its
 * buttons by name, and the error summary that a failed save puts at its top.
 */
export class FormDialog {
  readonly dialog: Locator;
  /** The error summary at the top of the form (role=alert), shown after a failed save. */
  readonly errorSummary: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.dialog = page.getByRole('dialog', { name, exact: true });
    this.errorSummary = this.dialog.getByRole('alert', {
      name: /^There (is a problem|are \d+ problems)$/,
    });
  }

  textbox(label: string): Locator {
    return this.dialog.getByRole('textbox', { name: label, exact: true });
  }

  combobox(label: string): Locator {
    return this.dialog.getByRole('combobox', { name: label, exact: true });
  }

  checkbox(label: string): Locator {
    return this.dialog.getByRole('checkbox', { name: label, exact: true });
  }

  /** A field by its label, whatever its role (date and time inputs have none in Chromium). */
  field(label: string): Locator {
    // A required field's label ends with Mantine's asterisk.
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.dialog.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
  }

  button(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  /** The summary's links: one whole sentence per field in error. */
  get errorLinks(): Locator {
    return this.errorSummary.getByRole('link');
  }
}
