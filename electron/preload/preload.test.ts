import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
  // Main-process exports, so ipc.ts can be imported for its channel names.
  app: {},
  BrowserWindow: {},
  dialog: {},
  ipcMain: {},
  shell: {},
}));

await import('./index');
const { EVENT_CHANNEL, RPC_CANCEL_CHANNEL, RPC_CHANNEL } = await import('../main/ipc');

function exposed(): IntersessionBridge {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [[key, api]] = electron.contextBridge.exposeInMainWorld.mock.calls as unknown as [
    [string, IntersessionBridge],
  ];
  expect(key).toBe('intersession');
  return api;
}

function emit(channel: string, ...args: unknown[]): void {
  for (const listener of electron.listeners.get(channel) ?? []) (listener as Listener)(...args);
}

describe('preload', () => {
  it('exposes exactly invoke, cancel and on, as functions', () => {
    const api = exposed();
    expect(Object.keys(api).sort()).toEqual(['cancel', 'invoke', 'on']);
    expect(typeof api.cancel).toBe('function');
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('invoke sends the method and input on the rpc channel and returns the envelope', async () => {
    const api = exposed();
    const input = { forumId: 'f1' };
    await expect(api.invoke('forums.get', input)).resolves.toEqual({ ok: true, value: 'pong' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
      RPC_CHANNEL,
      'forums.get',
      input,
    );
  });

  it('invoke passes a session token as a third argument only when one is given', async () => {
    const api = exposed();
    electron.ipcRenderer.invoke.mockClear();
    await api.invoke('participants.list', { forumId: 'f1' }, 'tok-123');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
      RPC_CHANNEL,
      'participants.list',
      { forumId: 'f1' },
      'tok-123',
    );
  });

  it('invoke with a call id passes it fifth (token or null fourth), and cancel sends that id', async () => {
    const api = exposed();
    electron.ipcRenderer.invoke.mockClear();
    await api.invoke('participants.importPreview', { forumId: 'f1' }, undefined, 7);
    await api.invoke('participants.list', { forumId: 'f1' }, 'tok-123', 8);
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [RPC_CHANNEL, 'participants.importPreview', { forumId: 'f1' }, null, 7],
      [RPC_CHANNEL, 'participants.list', { forumId: 'f1' }, 'tok-123', 8],
    ]);
    api.cancel(7);
    expect(electron.ipcRenderer.send).toHaveBeenCalledExactlyOnceWith(RPC_CANCEL_CHANNEL, 7);
  });

  it('on delivers only the payload of the named event, never the IPC event object', () => {
    const api = exposed();
    const listener = vi.fn();
    const stop = api.on('forums.changed', listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function));

    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0, ports: [] };
    emit(EVENT_CHANNEL, ipcEvent, 'forums.changed', { id: 'f1' });
    emit(EVENT_CHANNEL, ipcEvent, 'participants.changed', { id: 'p1' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ id: 'f1' });

    stop();
    emit(EVENT_CHANNEL, ipcEvent, 'forums.changed', { id: 'f2' });
    expect(listener).toHaveBeenCalledOnce();
    expect(electron.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('uses the channels main listens and sends on', () => {
    expect(RPC_CHANNEL).toBe('rpc');
    expect(RPC_CANCEL_CHANNEL).toBe('rpc-cancel');
    expect(EVENT_CHANNEL).toBe('event');
  });
});
