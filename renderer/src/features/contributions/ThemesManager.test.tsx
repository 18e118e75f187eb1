// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Theme } from '../../../../shared/api';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import { expectErrorBeside, renderForm, type } from '../../testing/formTesting';
import { ThemesManager } from './ThemesManager';

beforeAll(installDomShims);
afterEach(cleanup);

const themes: Theme[] = [
  { id: 't1', forumId: testForum.id, name: 'Access', contributionCount: 2 },
  { id: 't2', forumId: testForum.id, name: 'Skills', contributionCount: 0 },
];

const conflict = {
  ok: false as const,
  error: { code: 'conflict' as const, message: 'This change conflicts with existing data' },
};

describe('ThemesManager', () => {
  it('says a refused rename beside the new name, which takes focus; no notification', async () => {
    const onChanged = vi.fn();
    const calls = renderForm(
      <ThemesManager forumId={testForum.id} themes={themes} onChanged={onChanged} />,
      () => conflict,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Rename Access' }));
    type('New name for Access', 'Skills');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expectErrorBeside(
      () => screen.getByLabelText('New name for Access'),
      'This change conflicts with existing data.',
    );
    expect(calls).toEqual([{ method: 'themes.update', input: { id: 't1', name: 'Skills' } }]);
    expect(onChanged).not.toHaveBeenCalled();

    type('New name for Access', 'Access to the Internet');
    await waitFor(() =>
      expect(screen.getByLabelText('New name for Access').getAttribute('aria-invalid')).toBeNull(),
    );
  });

  it('says a refused new theme beside its input, as a sentence naming the field', async () => {
    renderForm(
      <ThemesManager forumId={testForum.id} themes={themes} onChanged={() => {}} />,
      () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'name: must not contain control characters',
          field: 'name',
        },
      }),
    );
    type('New theme', 'Access\u0007');
    fireEvent.click(screen.getByRole('button', { name: 'Add theme' }));
    await expectErrorBeside(
      () => screen.getByLabelText('New theme'),
      'New theme must not contain control characters.',
    );
  });
});
