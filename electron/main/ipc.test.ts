import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RpcResult } from '../../shared/result';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => null), getAllWindows: vi.fn(() => []) },
  app: { getPath: vi.fn(() => '/home/user/Downloads') },
  dialog: { showSaveDialog: vi.fn() },
  shell: { openExternal: vi.fn() },
  session: {},
}));

vi.mock('electron', () => electron);

import {
  createRpcHandler,
  createSenderCheck,
  createShellMethods,
  METHOD_PATTERN,
  EVENT_CHANNEL,
  CancellableCalls,
  registerIpc,
  RPC_CANCEL_CHANNEL,
  RPC_CHANNEL,
  sendEvent,
  type ShellDeps,
} from './ipc';

const APP_URL = 'app://intersession/index.html';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

function fakeEvent(overrides: { frame?: FakeFrame | null; contentsId?: number } = {}) {
  const mainFrame: FakeFrame = { url: APP_URL, parent: null, processId: 4, routingId: 1 };
  const sender = { id: overrides.contentsId ?? 1, mainFrame };
  const senderFrame = overrides.frame === undefined ? mainFrame : overrides.frame;
  return { sender, senderFrame, mainFrame } as unknown as IpcMainInvokeEvent & {
    mainFrame: FakeFrame;
  };
}

const ourContents = (contents: WebContents) => contents.id === 1;
const isTrustedSender = createSenderCheck({
  isAppWebContents: ourContents,
  allowedUrlPrefixes: ['app://intersession/'],
});

function setup(dispatchResult: RpcResult<unknown> = { ok: true, value: 'dispatched' }) {
  const dispatch = vi.fn(async (_method: string, _input: unknown) => dispatchResult);
  const shellDeps: ShellDeps = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/tmp/out/report.md' })),
    writeFile: vi.fn(async () => undefined),
    openWebLink: vi.fn(async () => true),
    defaultDirectory: () => '/home/user/Downloads',
  };
  const handler = createRpcHandler({
    dispatch,
    isTrustedSender,
    shellMethods: createShellMethods(shellDeps),
  });
  return { dispatch, shellDeps, handler };
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('sender validation', () => {
  it('accepts the main frame of our window showing our page', () => {
    expect(isTrustedSender(fakeEvent())).toBe(true);
  });

  it('refuses a missing frame, a sub-frame, a foreign page and a foreign web contents', () => {
    const mainFrame: FakeFrame = { url: APP_URL, parent: null, processId: 4, routingId: 1 };
    expect(isTrustedSender(fakeEvent({ frame: null }))).toBe(false);
    expect(
      isTrustedSender(
        fakeEvent({ frame: { url: APP_URL, parent: mainFrame, processId: 4, routingId: 7 } }),
      ),
    ).toBe(false);
    // A second top-level frame that is not the sender's main frame (e.g. a stale one).
    expect(
      isTrustedSender(
        fakeEvent({ frame: { url: APP_URL, parent: null, processId: 9, routingId: 1 } }),
      ),
    ).toBe(false);
    for (const url of [
      'https://evil.example/',
      'app://intersession.evil.example/index.html',
      'app://other/index.html',
      'file:///home/user/index.html',
    ]) {
      const event = fakeEvent();
      event.mainFrame.url = url;
      expect(isTrustedSender(event)).toBe(false);
    }
    expect(isTrustedSender(fakeEvent({ contentsId: 2 }))).toBe(false);
  });

  it('refuses a sender whose frame is gone', () => {
    const event = fakeEvent();
    Object.defineProperty(event, 'senderFrame', {
      get: () => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    });
    expect(isTrustedSender(event)).toBe(false);
  });
});

describe('rpc handler', () => {
  it('refuses a wrong sender without reaching dispatch', async () => {
    const { handler, dispatch } = setup();
    const result = await handler(fakeEvent({ contentsId: 2 }), 'forums.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const fromIframe = await handler(
      fakeEvent({
        frame: {
          url: APP_URL,
          parent: { url: APP_URL, parent: null, processId: 4, routingId: 1 },
          processId: 4,
          routingId: 3,
        },
      }),
      'forums.list',
      {},
    );
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a bad method name without reaching dispatch', async () => {
    const { handler, dispatch } = setup();
    for (const method of [
      'forums',
      'Forums.list',
      'forums.list.extra',
      'forums.',
      '.list',
      '__proto__.polluted',
      'forums.list;drop',
      'forums.list ',
      'forums_x.list',
      '',
      42,
      null,
      { toString: () => 'forums.list' },
    ]) {
      const result = await handler(fakeEvent(), method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(METHOD_PATTERN.test('participants.protectParticipant')).toBe(true);
  });

  it('passes a good call to dispatch with its input and returns its answer', async () => {
    const { handler, dispatch } = setup({ ok: true, value: [{ id: 'f1' }] });
    const input = { forumId: 'f1', nested: { a: [1, 2] } };
    const result = await handler(fakeEvent(), 'forums.list', input);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('forums.list', input, {
      audience: 'coordinators',
      actor: 'webContents:1',
    });
    expect(result).toEqual({ ok: true, value: [{ id: 'f1' }] });
  });

  it('answers a call with a session token for that session, only from the window that opened it', async () => {
    const publicSession = { audience: 'public' as const, actor: 'webContents:1' };
    const sessions = { resolve: (t: string) => (t === 'tok-public' ? publicSession : undefined) };
    const dispatch = vi.fn(async () => ({ ok: true as const, value: [] }));
    const handler = createRpcHandler({ dispatch, isTrustedSender: () => true, sessions });
    await handler(fakeEvent(), 'participants.list', { forumId: 'f1' }, 'tok-public');
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(
      'participants.list',
      { forumId: 'f1' },
      publicSession,
    );
    // Another window presenting the same token, an unknown token or a non-string are refused.
    for (const [event, token] of [
      [fakeEvent({ contentsId: 2 }), 'tok-public'],
      [fakeEvent(), 'tok-unknown'],
      [fakeEvent(), 42],
    ] as const) {
      expect(await handler(event, 'participants.list', { forumId: 'f1' }, token)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
    }
    expect(dispatch).toHaveBeenCalledOnce();
  });

  it('turns a thrown error into an internal error envelope', async () => {
    const { handler, dispatch } = setup();
    dispatch.mockRejectedValueOnce(new Error('database is locked'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await handler(fakeEvent(), 'forums.list', {});
    errors.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('database is locked');
  });

  it('keeps shell.* methods in main and refuses unknown ones', async () => {
    const { handler, dispatch } = setup();
    const result = await handler(fakeEvent(), 'shell.formatDisk', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await handler(fakeEvent(), 'shell.constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('shell.saveFile', () => {
  const bytes = Buffer.from('# Report\n\nÉté 2025\n');

  it('asks where to save and writes the decoded bytes', async () => {
    const { handler, shellDeps, dispatch } = setup();
    const result = await handler(fakeEvent(), 'shell.saveFile', {
      filename: 'report.md',
      mimeType: 'text/markdown',
      base64: bytes.toString('base64'),
    });
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/tmp/out/report.md' } });
    expect(shellDeps.showSaveDialog).toHaveBeenCalledWith(
      null,
      expect.objectContaining({ defaultPath: expect.stringContaining('report.md') }),
    );
    const [[path, data]] = vi.mocked(shellDeps.writeFile).mock.calls;
    expect(path).toBe('/tmp/out/report.md');
    expect(Buffer.from(data).equals(bytes)).toBe(true);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    const { handler, shellDeps } = setup();
    vi.mocked(shellDeps.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' });
    const result = await handler(fakeEvent(), 'shell.saveFile', {
      filename: 'report.md',
      mimeType: 'text/markdown',
      base64: '',
    });
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(shellDeps.writeFile).not.toHaveBeenCalled();
  });

  it('refuses paths as file names, odd types and bad base64', async () => {
    const { handler, shellDeps } = setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ filename: '../../.bashrc', mimeType: 'text/plain', base64: '' }, 'filename'],
      [{ filename: '/etc/passwd', mimeType: 'text/plain', base64: '' }, 'filename'],
      [{ filename: 'a\\b.txt', mimeType: 'text/plain', base64: '' }, 'filename'],
      [{ filename: '..', mimeType: 'text/plain', base64: '' }, 'filename'],
      [{ filename: 'a\nb.txt', mimeType: 'text/plain', base64: '' }, 'filename'],
      [{ filename: '', mimeType: 'text/plain', base64: '' }, 'filename'],
      [{ filename: 'a.txt', mimeType: 'text plain', base64: '' }, 'mimeType'],
      [{ filename: 'a.txt', mimeType: 'text/plain', base64: 'not base64!' }, 'base64'],
      [{ filename: 'a.txt', mimeType: 'text/plain', base64: 42 }, 'base64'],
    ];
    for (const [input, field] of cases) {
      const result = await handler(fakeEvent(), 'shell.saveFile', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field } });
    }
    expect(await handler(fakeEvent(), 'shell.saveFile', 'report.md')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(shellDeps.showSaveDialog).not.toHaveBeenCalled();
    expect(shellDeps.writeFile).not.toHaveBeenCalled();
  });
});

describe('shell.openExternal', () => {
  it('opens http and https links only', async () => {
    const { handler, shellDeps } = setup();
    expect(
      await handler(fakeEvent(), 'shell.openExternal', { url: 'https://www.intgovforum.org' }),
    ).toEqual({ ok: true, value: { opened: true } });
    expect(shellDeps.openWebLink).toHaveBeenCalledExactlyOnceWith('https://www.intgovforum.org');

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/x', 'nope', 7]) {
      const result = await handler(fakeEvent(), 'shell.openExternal', { url });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'url' } });
    }
    expect(shellDeps.openWebLink).toHaveBeenCalledTimes(1);
  });
});

describe('registerIpc', () => {
  it('handles the rpc channel and can be removed', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    const unregister = registerIpc({ dispatch, isTrustedSender });
    expect(electron.ipcMain.handle).toHaveBeenCalledWith(RPC_CHANNEL, expect.any(Function));
    const [[, listener]] = electron.ipcMain.handle.mock.calls as unknown as [
      [string, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => Promise<unknown>],
    ];
    expect(await listener(fakeEvent({ contentsId: 9 }), 'forums.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await listener(fakeEvent(), 'forums.list', { a: 1 })).toEqual({ ok: true, value: 1 });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(
      'forums.list',
      { a: 1 },
      { audience: 'coordinators', actor: 'webContents:1' },
    );
    unregister();
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledWith(RPC_CHANNEL);
  });

  it('cancels a call made with a call id, only from the window that made it', async () => {
    electron.ipcMain.handle.mockClear();
    electron.ipcMain.on.mockClear();
    let seen: AbortSignal | undefined;
    let finish: (r: RpcResult<unknown>) => void = () => {};
    const dispatch = vi.fn(
      (_m: string, _i: unknown, _s: unknown, signal?: AbortSignal) =>
        new Promise<RpcResult<unknown>>((resolve) => {
          seen = signal;
          finish = resolve;
          signal?.addEventListener('abort', () =>
            resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } }),
          );
        }),
    );
    const cancellable = new CancellableCalls();
    const unregister = registerIpc({ dispatch, isTrustedSender, cancellable });
    const [[, invoke]] = electron.ipcMain.handle.mock.calls as unknown as [
      [string, (e: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>],
    ];
    const [[channel, onCancel]] = electron.ipcMain.on.mock.calls as unknown as [
      [string, (e: unknown, callId: unknown) => void],
    ];
    expect(channel).toBe(RPC_CANCEL_CHANNEL);

    const answer = invoke(fakeEvent(), 'participants.importPreview', {}, null, 5);
    expect(seen?.aborted).toBe(false);
    expect(cancellable.size).toBe(1);
    // Another window's cancel, an untrusted frame's, and a wrong id change nothing.
    onCancel(fakeEvent({ contentsId: 2 }), 5);
    onCancel(fakeEvent({ frame: null }), 5);
    onCancel(fakeEvent(), 6);
    onCancel(fakeEvent(), '5');
    expect(seen?.aborted).toBe(false);
    onCancel(fakeEvent(), 5);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(cancellable.size).toBe(0);

    // An id registered again (a page reloaded mid-call) is not forgotten when the old call ends.
    const old = cancellable.register(1, 9);
    const again = cancellable.register(1, 9);
    old.done();
    cancellable.cancel(1, 9);
    expect(again.signal.aborted).toBe(true);
    expect(old.signal.aborted).toBe(false);
    again.done();

    // Without a call id the call carries no signal (and answers as before).
    const plain = invoke(fakeEvent(), 'forums.list', {});
    expect(dispatch).toHaveBeenLastCalledWith('forums.list', {}, expect.any(Object));
    finish({ ok: true, value: [] });
    expect(await plain).toEqual({ ok: true, value: [] });
    unregister();
    expect(electron.ipcMain.removeListener).toHaveBeenCalledWith(RPC_CANCEL_CHANNEL, onCancel);
  });
});

describe('sendEvent', () => {
  it('pushes name and payload on the event channel, skipping closed windows', () => {
    const send = vi.fn();
    const open = { isDestroyed: () => false, send } as unknown as WebContents;
    sendEvent(open, 'forums.changed', { id: 'f1' });
    expect(send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, 'forums.changed', { id: 'f1' });

    const closed = { isDestroyed: () => true, send } as unknown as WebContents;
    sendEvent(closed, 'forums.changed', {});
    expect(send).toHaveBeenCalledOnce();
  });
});

describe('shell.printToPdf', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

  it('prints the page with Chromium and saves the PDF where the user chooses', async () => {
    const { shellDeps, dispatch } = setup();
    const printHtmlToPdf = vi.fn(async () => pdf);
    vi.mocked(shellDeps.showSaveDialog).mockResolvedValueOnce({
      canceled: false,
      filePath: '/tmp/out/report.pdf',
    });
    const handler = createRpcHandler({
      dispatch,
      isTrustedSender,
      shellMethods: createShellMethods({ ...shellDeps, printHtmlToPdf }),
    });
    const result = await handler(fakeEvent(), 'shell.printToPdf', {
      html: '<!doctype html><title>Report</title><h1>Report</h1>',
      filename: 'report.pdf',
    });
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/tmp/out/report.pdf' } });
    expect(printHtmlToPdf).toHaveBeenCalledWith(expect.stringContaining('<h1>Report</h1>'));
    expect(shellDeps.writeFile).toHaveBeenCalledWith('/tmp/out/report.pdf', pdf);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a missing page or a path as file name, and prints nothing', async () => {
    const { shellDeps, dispatch } = setup();
    const printHtmlToPdf = vi.fn(async () => pdf);
    const handler = createRpcHandler({
      dispatch,
      isTrustedSender,
      shellMethods: createShellMethods({ ...shellDeps, printHtmlToPdf }),
    });
    expect(
      await handler(fakeEvent(), 'shell.printToPdf', { html: '', filename: 'a.pdf' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'html' },
    });
    expect(
      await handler(fakeEvent(), 'shell.printToPdf', { html: '<p>x</p>', filename: '../a.pdf' }),
    ).toMatchObject({ ok: false, error: { field: 'filename' } });
    expect(printHtmlToPdf).not.toHaveBeenCalled();
    expect(shellDeps.writeFile).not.toHaveBeenCalled();
  });
});
