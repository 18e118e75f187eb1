import type { Locator } from '@playwright/test';

export interface ParticipantFields {
  fullName: string;
  preferredName?: string;
  email?: string;
  organisation?: string;
  /** The stakeholder group's label, e.g. "Civil society". */
  stakeholderGroup?: string;
  /** The country's name, e.g. "Kenya". */
  country?: string;
  timeZone?: string;
  /** The gender's label, e.g. "Woman". */
  gender?: string;
}

/** The participant form, in the "Add participant" or "Edit participant" dialog. */
export class ParticipantForm {
  readonly fullName: Locator;
  readonly preferredName: Locator;
  readonly email: Locator;
  readonly organisation: Locator;
  readonly stakeholderGroup: Locator;
  readonly country: Locator;
  readonly timeZone: Locator;
  readonly gender: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;
  /** The error summary at the top of the form (role=alert), shown after a failed save. */
  readonly errorSummary: Locator;

  constructor(readonly dialog: Locator) {
    this.fullName = dialog.getByRole('textbox', { name: 'Full name', exact: true });
    this.preferredName = dialog.getByRole('textbox', { name: 'Preferred name', exact: true });
    this.email = dialog.getByRole('textbox', { name: 'Email', exact: true });
    this.organisation = dialog.getByRole('textbox', { name: 'Organisation', exact: true });
    this.stakeholderGroup = dialog.getByRole('combobox', {
      name: 'Stakeholder group',
      exact: true,
    });
    this.country = dialog.getByRole('combobox', { name: 'Country', exact: true });
    this.timeZone = dialog.getByRole('combobox', { name: 'Time zone', exact: true });
    this.gender = dialog.getByRole('combobox', { name: 'Gender', exact: true });
    this.saveButton = dialog.getByRole('button', { name: 'Save participant' });
    this.cancelButton = dialog.getByRole('button', { name: 'Cancel' });
    this.errorSummary = dialog.getByRole('alert', {
      name: /^There (is a problem|are \d+ problems)$/,
    });
  }

  async fill(p: ParticipantFields): Promise<void> {
    await this.fullName.fill(p.fullName);
    if (p.preferredName !== undefined) await this.preferredName.fill(p.preferredName);
    if (p.email !== undefined) await this.email.fill(p.email);
    if (p.organisation !== undefined) await this.organisation.fill(p.organisation);
    if (p.stakeholderGroup !== undefined)
      await this.stakeholderGroup.selectOption({ label: p.stakeholderGroup });
    if (p.country !== undefined) await this.country.selectOption({ label: p.country });
    if (p.timeZone !== undefined) await this.timeZone.selectOption(p.timeZone);
    if (p.gender !== undefined) await this.gender.selectOption({ label: p.gender });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}

/** The links of an error summary: one whole sentence per field in error. */
export function errorLinks(summary: Locator): Locator {
  return summary.getByRole('link');
}
