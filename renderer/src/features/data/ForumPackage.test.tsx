// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RpcResult } from '../../../../shared/result';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import {
  expectErrorsBesideFields,
  focusedSummary,
  renderForm,
  type,
} from '../../testing/formTesting';
import { ExportForumPackage, ImportForumPackage } from './ForumPackage';

const saved = vi.hoisted(() => [] as { filename: string }[]);
vi.mock('../publish/save', () => ({
  saveExport: (file: { filename: string }) => {
    saved.push(file);
    return Promise.resolve(true);
  },
}));

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  saved.length = 0;
});

const PASSPHRASE = 'lantern orchard tidal seventeen';
/** The hidden file input behind "Package file". */
const choose = (file: File) => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [file] } });
};

describe('ExportForumPackage', () => {
  it('says every error at once as whole sentences beside the fields and sends nothing', async () => {
    const calls = renderForm(<ExportForumPackage forum={testForum} />);
    type('Passphrase for the recipient', 'short');
    type('Confirm passphrase', 'shorter');
    fireEvent.click(screen.getByRole('button', { name: 'Export forum package' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'The passphrase must be at least 10 characters long.',
        input: () => screen.getByLabelText('Passphrase for the recipient'),
      },
      {
        message: 'The two passphrases do not match; type the same passphrase twice.',
        input: () => screen.getByLabelText('Confirm passphrase'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(<ExportForumPackage forum={testForum} />, () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'passphrase: The passphrase is too common; choose a few unrelated words.',
        field: 'passphrase',
      },
    }));
    type('Passphrase for the recipient', 'password1234');
    type('Confirm passphrase', 'password1234');
    fireEvent.click(screen.getByRole('button', { name: 'Export forum package' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'The passphrase is too common; choose a few unrelated words.',
        input: () => screen.getByLabelText('Passphrase for the recipient'),
      },
    ]);
  });

  it('exports with the parsed input, saves the file and empties the passphrases', async () => {
    const calls = renderForm(<ExportForumPackage forum={testForum} />, () => ({
      ok: true,
      value: {
        filename: 'bpf-test.intersession',
        mimeType: 'application/octet-stream',
        base64: '',
      },
    }));
    type('Passphrase for the recipient', PASSPHRASE);
    type('Confirm passphrase', PASSPHRASE);
    fireEvent.click(screen.getByLabelText('Include incidents and disruptive actors'));
    expect(screen.getByText('Safeguards travel with the package')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export forum package' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls).toEqual([
      {
        method: 'forums.exportPackage',
        input: {
          forumId: testForum.id,
          passphrase: PASSPHRASE,
          passphraseConfirmation: PASSPHRASE,
          includeSafeguards: true,
        },
      },
    ]);
    await waitFor(() =>
      expect(
        (screen.getByLabelText('Passphrase for the recipient') as HTMLInputElement).value,
      ).toBe(''),
    );
  });
});

const preview = {
  title: 'BPF Test',
  year: 2026,
  exportedAt: Date.UTC(2026, 10, 1),
  includesSafeguards: false,
  alreadyPresent: false,
  counts: [{ kind: 'participants', label: 'Participants', count: 60 }],
};

describe('ImportForumPackage', () => {
  it('asks for the file and the passphrase at once and sends nothing', async () => {
    const calls = renderForm(<ImportForumPackage onImported={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show what it contains' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Package file is required.', input: () => screen.getByLabelText('Package file') },
      {
        message: 'Package passphrase is required.',
        input: () => screen.getByLabelText('Package passphrase'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it('says a wrong passphrase on the file, as the backend names it, and offers no import', async () => {
    renderForm(<ImportForumPackage onImported={() => {}} />, () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'Wrong passphrase or damaged package: nothing was imported.',
        field: 'file',
      },
    }));
    choose(new File([new Uint8Array([1, 2, 3])], 'bpf.intersession'));
    type('Package passphrase', 'not the passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Show what it contains' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Wrong passphrase or damaged package: nothing was imported.',
        input: () => screen.getByLabelText('Package file'),
      },
    ]);
    expect(screen.queryByRole('button', { name: 'Import forum package' })).toBeNull();
  });

  it("sends the file's bytes to preview, then imports them", async () => {
    const onImported = vi.fn();
    const calls = renderForm(
      <ImportForumPackage onImported={onImported} />,
      (method): RpcResult<unknown> =>
        method === 'forums.previewPackage'
          ? { ok: true, value: preview }
          : { ok: true, value: { forum: { id: 'f2', title: 'BPF Test', year: 2026 } } },
    );
    choose(new File([new Uint8Array([1, 2, 3])], 'bpf.intersession'));
    type('Package passphrase', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Show what it contains' }));
    await screen.findByLabelText('Package contents');
    fireEvent.click(screen.getByRole('button', { name: 'Import forum package' }));
    await waitFor(() => expect(onImported).toHaveBeenCalledOnce());
    const sent = { file: btoa(String.fromCharCode(1, 2, 3)), passphrase: PASSPHRASE };
    expect(calls).toEqual([
      { method: 'forums.previewPackage', input: sent },
      { method: 'forums.importPackage', input: sent },
    ]);
  });
});
