// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StakeholderMap } from '../../../../shared/api';
import { suggestedStakeholderMap } from '../../../../shared/domain/stakeholderMap';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import {
  expectErrorsBesideFields,
  focusedSummary,
  renderForm,
  type,
} from '../../testing/formTesting';
import { MapEditor } from './MapEditor';

beforeAll(installDomShims);
afterEach(cleanup);

const map: StakeholderMap = {
  forumId: testForum.id,
  cells: [
    {
      id: '00000000-0000-7000-8000-0000000000e1',
      stakeholderGroup: 'civil_society',
      region: null,
      organisation: null,
      level: 'involve',
      phases: ['calls'],
      targetMin: 3,
      targetShare: 0.2,
    },
  ],
  settings: { dominanceShare: 0.4, genderThreshold: 0.65, recentCalls: 3, minSample: 5 },
};

const editor = (onSaved = () => {}) => <MapEditor map={map} readOnly={false} onSaved={onSaved} />;

describe('MapEditor: the map', () => {
  it('says every error at once as whole sentences beside the fields and sends nothing', async () => {
    const calls = renderForm(editor());
    type('At least (people), row 1', '200000');
    type('Or at least (% of the phase), row 1', '150');
    fireEvent.click(screen.getByRole('button', { name: 'Save map' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'At least (people), row 1 must be 100000 or less.',
        input: () => screen.getByLabelText('At least (people), row 1'),
      },
      {
        message: 'Or at least (% of the phase), row 1 must be between 0 and 100.',
        input: () => screen.getByLabelText('Or at least (% of the phase), row 1'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on the row's field", async () => {
    renderForm(editor(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'cells.0.organisation: names no organisation of this forum',
        field: 'cells.0.organisation',
      },
    }));
    type('Organisation, row 1', 'Acme');
    fireEvent.click(screen.getByRole('button', { name: 'Save map' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Organisation, row 1 names no organisation of this forum.',
        input: () => screen.getByLabelText('Organisation, row 1'),
      },
    ]);
  });

  it('saves the rows with shares back in 0-1 and empty inputs as none', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(editor(onSaved), () => ({ ok: true, value: map }));
    expect((screen.getByRole('button', { name: 'Save map' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add row' }));
    type('Stakeholder group, row 2', 'government');
    type('Region, row 2', 'africa');
    type('Organisation, row 2', ' Ministry of ICT ');
    fireEvent.click(screen.getAllByLabelText('Kick-off')[1]);
    type('Or at least (% of the phase), row 2', '25');
    fireEvent.click(screen.getByRole('button', { name: 'Save map' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'representation.saveMap',
        input: {
          forumId: testForum.id,
          cells: [
            // A stored row is sent without its id (the method takes the rows' fields only).
            {
              stakeholderGroup: 'civil_society',
              region: null,
              organisation: null,
              level: 'involve',
              phases: ['calls'],
              targetMin: 3,
              targetShare: 0.2,
            },
            {
              stakeholderGroup: 'government',
              region: 'africa',
              organisation: 'Ministry of ICT',
              level: 'consult',
              phases: ['kick_off'],
              targetMin: null,
              targetShare: 0.25,
            },
          ],
        },
      },
    ]);
  });
});

describe('MapEditor: the suggested map', () => {
  it('is sent as suggested', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(editor(onSaved), () => ({ ok: true, value: map }));
    fireEvent.click(screen.getByRole('button', { name: 'Use suggested map' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save map' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(calls[0].input.cells).toEqual(suggestedStakeholderMap());
  });
});

describe('MapEditor: alert thresholds', () => {
  it('says every error at once, in percent where the field is in percent, and sends nothing', async () => {
    const calls = renderForm(editor());
    type('A group dominates above (% of a phase)', '2');
    type('Gender balance alert above (% of one gender)', '');
    type('Recently means the last (calls)', '60');
    fireEvent.click(screen.getByRole('button', { name: 'Save thresholds' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'A group dominates above (% of a phase) must be between 5 and 100.',
        input: () => screen.getByLabelText('A group dominates above (% of a phase)'),
      },
      {
        message: 'Gender balance alert above (% of one gender) is required.',
        input: () => screen.getByLabelText('Gender balance alert above (% of one gender)'),
      },
      {
        message: 'Recently means the last (calls) must be 50 or less.',
        input: () => screen.getByLabelText('Recently means the last (calls)'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on its threshold", async () => {
    renderForm(editor(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'minSample: must be at most the number of members',
        field: 'minSample',
      },
    }));
    type('Judge shares from (people or records)', '900');
    fireEvent.click(screen.getByRole('button', { name: 'Save thresholds' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Judge shares from (people or records) must be at most the number of members.',
        input: () => screen.getByLabelText('Judge shares from (people or records)'),
      },
    ]);
  });

  it('saves the thresholds as shares', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(editor(onSaved), () => ({ ok: true, value: map }));
    type('A group dominates above (% of a phase)', '45');
    type('Recently means the last (calls)', '4');
    fireEvent.click(screen.getByRole('button', { name: 'Save thresholds' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'representation.saveSettings',
        input: {
          forumId: testForum.id,
          dominanceShare: 0.45,
          genderThreshold: 0.65,
          recentCalls: 4,
          minSample: 5,
        },
      },
    ]);
  });
});
