import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Reload and developer tools are offered only in development. */
  isDev: boolean;
  platform: NodeJS.Platform;
  onAbout: () => void;
}

export function buildMenuTemplate({
  isDev,
  platform,
  onAbout,
}: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
    { label: 'Help', submenu: [{ label: 'About Intersession', click: onAbout }] },
  ];
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'About Intersession',
    message: 'Intersession',
    detail: `Version ${app.getVersion()}\nA workbench for IGF Best Practice Forum coordinators.`,
  };
  const parent = BrowserWindow.getFocusedWindow();
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

export function installAppMenu(isDev: boolean): void {
  const template = buildMenuTemplate({ isDev, platform: process.platform, onAbout: showAbout });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
