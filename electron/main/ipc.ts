import { writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { COORDINATORS_SESSION, type Session } from '../../shared/methods';
import { fail, ok, type RpcResult } from '../../shared/result';
import { isWebUrl, openWebLink } from './security';

/** The one channel the renderer may call (through the preload's `invoke`). */
export const RPC_CHANNEL = 'rpc';
/** Cancels a call the same window made with a call id (the preload's `cancel`). */
export const RPC_CANCEL_CHANNEL = 'rpc-cancel';
/** The one channel main pushes events on (the preload's `on` listens to it). */
export const EVENT_CHANNEL = 'event';
/** `area.method`, e.g. `forums.list`; anything else is refused before reaching the backend. */
export const METHOD_PATTERN = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;

/** Files saved through `shell.saveFile` are documents, not disk images. */
const MAX_SAVE_BYTES = 256 * 1024 * 1024;

export type Dispatch = (
  method: string,
  input: unknown,
  session: Session,
  signal?: AbortSignal,
) => Promise<RpcResult<unknown>>;
/** Checks who sent an IPC message (an invoke or a plain send: both carry sender and frame). */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;
export type ShellMethod = (
  input: unknown,
  event: IpcMainInvokeEvent,
) => Promise<RpcResult<unknown>>;

export interface SenderPolicy {
  /** True when the web contents belongs to one of our windows. */
  isAppWebContents: (contents: WebContents) => boolean;
  /** URL prefixes the calling frame may have: `app://intersession/`, and the dev server in dev. */
  allowedUrlPrefixes: readonly string[];
}

/**
 * Only the main frame of one of our windows, showing our own page, may call the backend: not an
 * iframe, not a page that was navigated elsewhere, not some other web contents.
 */
export function createSenderCheck(policy: SenderPolicy): SenderCheck {
  return (event) => {
    try {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null) return false;
      const { mainFrame } = event.sender;
      if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) {
        return false;
      }
      if (!policy.isAppWebContents(event.sender)) return false;
      return policy.allowedUrlPrefixes.some((prefix) => frame.url.startsWith(prefix));
    } catch {
      // A frame or web contents destroyed mid-call throws on access: not a caller we trust.
      return false;
    }
  };
}

export function isWindowContents(contents: WebContents): boolean {
  return BrowserWindow.getAllWindows().some(
    (window) => !window.isDestroyed() && window.webContents.id === contents.id,
  );
}

export interface RpcDeps {
  dispatch: Dispatch;
  /** Narrower sessions opened with `session.open`; without it only the window's own session. */
  sessions?: { resolve(token: string): Session | undefined };
  isTrustedSender: SenderCheck;
  /** `shell.*` methods served by main itself; defaults to `createShellMethods()`. */
  shellMethods?: Readonly<Record<string, ShellMethod>>;
  /** Where calls made with a call id wait to be cancelled (shared with the cancel listener). */
  cancellable?: CancellableCalls;
}

/**
 * The calls in flight that their window may cancel, by window and call id: a window can cancel
 * only its own calls (the id is the window's counter, so another window's id names nothing).
 */
export class CancellableCalls {
  private readonly calls = new Map<string, AbortController>();
  private static key = (contentsId: number, callId: number) => `${contentsId}:${callId}`;

  /** The signal of a new call, and the function that forgets it when it is answered. */
  register(contentsId: number, callId: number): { signal: AbortSignal; done: () => void } {
    const key = CancellableCalls.key(contentsId, callId);
    const controller = new AbortController();
    this.calls.set(key, controller);
    return {
      signal: controller.signal,
      // Only its own entry: a page reloaded mid-call counts its ids from 1 again.
      done: () => {
        if (this.calls.get(key) === controller) this.calls.delete(key);
      },
    };
  }

  cancel(contentsId: number, callId: unknown): void {
    if (typeof callId !== 'number' || !Number.isSafeInteger(callId)) return;
    this.calls.get(CancellableCalls.key(contentsId, callId))?.abort();
  }

  get size(): number {
    return this.calls.size;
  }
}

/** The session of a window's own connection: coordinators (the desktop user), bound to it. */
export const windowActor = (contents: Pick<WebContents, 'id'>): string =>
  `webContents:${contents.id}`;

export function createRpcHandler(
  deps: RpcDeps,
): (
  event: IpcMainInvokeEvent,
  method: unknown,
  input: unknown,
  sessionToken?: unknown,
  callId?: unknown,
) => Promise<RpcResult<unknown>> {
  const shellMethods = deps.shellMethods ?? createShellMethods();
  return async (event, method, input, sessionToken, callId) => {
    if (!deps.isTrustedSender(event)) {
      return fail('unauthorized', 'This window is not allowed to talk to Intersession.');
    }
    const actor = windowActor(event.sender);
    let session: Session = { ...COORDINATORS_SESSION, actor };
    if (sessionToken !== undefined && sessionToken !== null) {
      // A narrower session is honoured only for the window that opened it.
      const narrower =
        typeof sessionToken === 'string' ? deps.sessions?.resolve(sessionToken) : undefined;
      if (!narrower || narrower.actor !== actor)
        return fail('unauthorized', 'The session token is not valid for this window.');
      session = narrower;
    }
    if (typeof method !== 'string' || !METHOD_PATTERN.test(method)) {
      return fail('unknown_method', 'The method name is not valid.');
    }
    try {
      if (method.startsWith('shell.')) {
        const handler = Object.hasOwn(shellMethods, method) ? shellMethods[method] : undefined;
        return handler
          ? await handler(input, event)
          : fail('unknown_method', `Unknown method: ${method}`);
      }
      // A call with an id can be cancelled by its window (an import preview's "Stop checking").
      if (deps.cancellable && typeof callId === 'number' && Number.isSafeInteger(callId)) {
        const { signal, done } = deps.cancellable.register(event.sender.id, callId);
        try {
          return await deps.dispatch(method, input, session, signal);
        } finally {
          done();
        }
      }
      return await deps.dispatch(method, input, session);
    } catch (error) {
      console.error(`RPC ${method} failed:`, error);
      return fail('internal', 'Something went wrong. Please try again.');
    }
  };
}

/** Registers the `rpc` handler and its cancel listener; returns a function that removes them. */
export function registerIpc(deps: RpcDeps): () => void {
  const cancellable = deps.cancellable ?? new CancellableCalls();
  const onCancel = (event: IpcMainEvent, callId: unknown) => {
    if (deps.isTrustedSender(event)) cancellable.cancel(event.sender.id, callId);
  };
  ipcMain.handle(RPC_CHANNEL, createRpcHandler({ ...deps, cancellable }));
  ipcMain.on(RPC_CANCEL_CHANNEL, onCancel);
  return () => {
    ipcMain.removeHandler(RPC_CHANNEL);
    ipcMain.removeListener(RPC_CANCEL_CHANNEL, onCancel);
  };
}

/** Pushes an event to a window; the renderer receives it through `window.intersession.on(name)`. */
export function sendEvent(contents: WebContents, name: string, payload: unknown): void {
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
}

export interface ShellDeps {
  showSaveDialog: (
    parent: BrowserWindow | null,
    options: SaveDialogOptions,
  ) => Promise<{ canceled: boolean; filePath?: string }>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  /** Opens an http(s) link in the system browser; false when the URL was refused. */
  openWebLink: (url: string) => Promise<boolean>;
  /** The folder the save dialog starts in. */
  defaultDirectory: () => string;
  /** Prints a self-contained HTML page to PDF with Chromium (Electron's printToPDF). */
  printHtmlToPdf?: (html: string) => Promise<Uint8Array>;
}

/** Largest print-ready page `shell.printToPdf` accepts. */
const MAX_PRINT_CHARS = 64 * 1024 * 1024;

/** Loads the page in a hidden, sandboxed window without scripts and prints it (A4). */
async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    );
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    win.destroy();
  }
}

export function electronShellDeps(): ShellDeps {
  return {
    showSaveDialog: (parent, options) =>
      parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options),
    writeFile: (path, data) => writeFile(path, data),
    openWebLink,
    defaultDirectory: () => app.getPath('downloads'),
    printHtmlToPdf,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FILENAME_FORBIDDEN = /[/\\:*?"<>|]/;
const hasControlCharacter = (text: string) => [...text].some((char) => char.charCodeAt(0) < 32);
const MIME_TYPE = /^[\w.+-]+\/[\w.+-]+$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type SaveFileInput = { filename: string; mimeType: string; base64: string };

function parseSaveFileInput(input: unknown): SaveFileInput | RpcResult<never> {
  if (!isRecord(input)) return fail('validation', 'Expected an object.');
  const { filename, mimeType, base64 } = input;
  if (
    typeof filename !== 'string' ||
    filename.trim() === '' ||
    filename.length > 200 ||
    FILENAME_FORBIDDEN.test(filename) ||
    hasControlCharacter(filename) ||
    filename === '.' ||
    filename === '..' ||
    basename(filename) !== filename
  ) {
    return fail('validation', 'The file name is not valid.', 'filename');
  }
  if (typeof mimeType !== 'string' || mimeType.length > 127 || !MIME_TYPE.test(mimeType)) {
    return fail('validation', 'The file type is not valid.', 'mimeType');
  }
  if (
    typeof base64 !== 'string' ||
    base64.length % 4 !== 0 ||
    (base64.length / 4) * 3 > MAX_SAVE_BYTES ||
    !BASE64.test(base64)
  ) {
    return fail('validation', 'The file content is not valid base64.', 'base64');
  }
  return { filename, mimeType, base64 };
}

/** `shell.*` methods: the few things only the desktop shell can do. */
export function createShellMethods(
  deps: ShellDeps = electronShellDeps(),
): Readonly<Record<string, ShellMethod>> {
  return {
    'shell.saveFile': async (input, event) => {
      const parsed = parseSaveFileInput(input);
      if ('ok' in parsed) return parsed;
      const extension = extname(parsed.filename).slice(1);
      const result = await deps.showSaveDialog(BrowserWindow.fromWebContents(event.sender), {
        defaultPath: join(deps.defaultDirectory(), parsed.filename),
        filters: extension
          ? [
              { name: `${extension.toUpperCase()} file`, extensions: [extension] },
              { name: 'All files', extensions: ['*'] },
            ]
          : [],
      });
      if (result.canceled || !result.filePath) return ok({ saved: false });
      await deps.writeFile(result.filePath, Buffer.from(parsed.base64, 'base64'));
      return ok({ saved: true, path: result.filePath });
    },
    /** {html, filename}: prints the report's print-ready page to PDF and asks where to save it. */
    'shell.printToPdf': async (input, event) => {
      const html = isRecord(input) ? input.html : undefined;
      if (typeof html !== 'string' || html.length === 0 || html.length > MAX_PRINT_CHARS)
        return fail('validation', 'html: must be the print-ready page', 'html');
      const filename = isRecord(input) ? input.filename : undefined;
      const parsed = parseSaveFileInput({ filename, mimeType: 'application/pdf', base64: '' });
      if ('ok' in parsed) return parsed;
      if (!deps.printHtmlToPdf) return fail('internal', 'Printing to PDF is not available here.');
      const result = await deps.showSaveDialog(BrowserWindow.fromWebContents(event.sender), {
        defaultPath: join(deps.defaultDirectory(), parsed.filename),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      if (result.canceled || !result.filePath) return ok({ saved: false });
      await deps.writeFile(result.filePath, await deps.printHtmlToPdf(html));
      return ok({ saved: true, path: result.filePath });
    },
    'shell.openExternal': async (input) => {
      const url = isRecord(input) ? input.url : undefined;
      if (typeof url !== 'string' || !isWebUrl(url)) {
        return fail('validation', 'Only web links (http or https) can be opened.', 'url');
      }
      return ok({ opened: await deps.openWebLink(url) });
    },
  };
}
