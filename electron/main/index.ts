import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { defaultDbFile } from '../backend/dataFolder';
import { startBackendProcess, type BackendProcess } from './backendProcess';
import { createAllShellMethods } from './folderDialog';
import { createSenderCheck, isWindowContents, registerIpc, sendEvent } from './ipc';
import { loadOrCreateDesktopKey } from './keystore';
import { installAppMenu } from './menu';
import { installSessionGuards, installWebContentsGuards } from './security';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  createMainWindow,
  installAppProtocol,
  registerAppScheme,
  resolveDevServerUrl,
} from './window';

// The bundle lives in out/main; its siblings are out/preload and out/renderer.
const outDir = join(import.meta.dirname, '..');
const preloadPath = join(outDir, 'preload', 'index.cjs');
// The backend's utility process (electron/backend/host/utilityEntry.ts), built beside main.
const backendEntry = join(outDir, 'main', 'backend.js');
const rendererDir = join(outDir, 'renderer');
const devServerUrl = resolveDevServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

let backend: BackendProcess | undefined;
let mainWindow: BrowserWindow | undefined;

/** `--db PATH` or `--db=PATH` chooses the database file, as in browser mode (`npm run serve`). */
function dbFileFromArgs(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--db');
  const value = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--db='))?.slice(5);
  return value ? resolve(value) : undefined;
}

function openMainWindow(): void {
  const window = createMainWindow({ preloadPath, startUrl: devServerUrl ?? APP_ENTRY_URL });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
}

async function start(): Promise<void> {
  installSessionGuards();
  installAppProtocol(rendererDir);
  const chosen = dbFileFromArgs(process.argv);
  // The backend runs in a utility process (SQL never runs here); main relays IPC to it.
  const dbFile = chosen ?? defaultDbFile(app.getPath('userData'));
  const notices: string[] = [];
  // The backend runs in a utility process (SQL never runs here); main relays IPC to it.
  const opened = await startBackendProcess({
    entry: backendEntry,
    dbFile,
    // A random key kept by the OS keystore (safeStorage, which only main can use): the user never
    // types it. It goes to the backend process in memory, never to the renderer.
    key: loadOrCreateDesktopKey(dbFile),
    onNotice: (message) => notices.push(message),
    // The app-data folder is ours to create; a folder named with --db must exist (or --create).
    createFolder: chosen === undefined || process.argv.includes('--create'),
    // The bundle moved away from db/open.ts, so the migrations are found from the app root
    // (the project folder, or app.asar when packaged).
    migrationsFolder: join(app.getAppPath(), 'db', 'migrations'),
  });
  backend = opened;
  // The live-update channel: every window hears the backend's events on the preload's `on`.
  opened.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows())
      if (!window.isDestroyed()) sendEvent(window.webContents, 'event', event);
  });
  registerIpc({
    dispatch: (method, input, session, signal) => opened.dispatch(method, input, session, signal),
    sessions: opened.sessions,
    shellMethods: createAllShellMethods(),
    isTrustedSender: createSenderCheck({
      isAppWebContents: isWindowContents,
      allowedUrlPrefixes: [
        `${APP_ORIGIN}/`,
        ...(devServerUrl ? [`${new URL(devServerUrl).origin}/`] : []),
      ],
    }),
  });
  installAppMenu(devServerUrl !== undefined);
  openMainWindow();
  // An old plain file was encrypted at open: the user is told once.
  for (const message of notices)
    void dialog.showMessageBox({ type: 'info', title: 'Database encrypted', message });
}

function stop(): void {
  void backend?.stop();
  backend = undefined;
}

// Everything below must happen before `ready`: sandbox for every renderer, the privileged
// scheme, and the guards that apply to each web contents as it is created.
app.enableSandbox();
registerAppScheme();
installWebContentsGuards();

if (!app.requestSingleInstanceLock()) {
  // Another Intersession owns the database file; it gets focused through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('will-quit', stop);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // One line naming the file (StartupError), never a stack trace.
      const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
      console.error(`Intersession could not start: ${message}`);
      dialog.showErrorBox('Intersession could not start', message);
      stop();
      app.exit(1);
    });
}
