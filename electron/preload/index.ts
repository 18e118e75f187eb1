import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Must match RPC_CHANNEL and EVENT_CHANNEL in electron/main/ipc.ts (preload.test.ts checks it);
// the sandboxed preload is bundled alone, so it does not import main-process code.
const RPC_CHANNEL = 'rpc';
const RPC_CANCEL_CHANNEL = 'rpc-cancel';
const EVENT_CHANNEL = 'event';

const bridge: IntersessionBridge = {
  // The session token (from `session.open`) travels only when given; main checks it is this window's.
  // A call id (the page's own counter) makes the call cancellable with `cancel(callId)`.
  invoke: (method, input, sessionToken, callId) =>
    callId !== undefined
      ? ipcRenderer.invoke(RPC_CHANNEL, method, input, sessionToken ?? null, callId)
      : sessionToken === undefined
        ? ipcRenderer.invoke(RPC_CHANNEL, method, input)
        : ipcRenderer.invoke(RPC_CHANNEL, method, input, sessionToken),
  cancel: (callId) => ipcRenderer.send(RPC_CANCEL_CHANNEL, callId),
  on: (event, listener) => {
    // The IpcRendererEvent is dropped so the page never gets a handle on ipcRenderer.
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('intersession', bridge);
