/**
 * "Choose folder…" for the backup folder: a thin `shell.chooseFolder` over Electron's
 * `dialog.showOpenDialog`. The shell only chooses the path; the backend checks and uses it
 * (`backups.updateSettings` refuses a folder that cannot be created or written).
 */
import { isAbsolute } from 'node:path';
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { fail, ok } from '../../shared/result';
import { createShellMethods, type ShellMethod } from './ipc';

export type ShowOpenDialog = (
  parent: BrowserWindow | null,
  options: OpenDialogOptions,
) => Promise<{ canceled: boolean; filePaths: string[] }>;

const electronShowOpenDialog: ShowOpenDialog = (parent, options) =>
  parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);

function defaultPathOf(input: unknown): string | undefined | null {
  if (input === undefined || input === null) return undefined;
  if (typeof input !== 'object' || Array.isArray(input)) return null;
  const { defaultPath } = input as { defaultPath?: unknown };
  if (defaultPath === undefined) return undefined;
  if (typeof defaultPath !== 'string' || defaultPath.length > 1000 || !isAbsolute(defaultPath))
    return null;
  return defaultPath;
}

/** `{defaultPath?}` → `{chosen:false}` when cancelled, else `{chosen:true, path}`. */
export function createFolderDialogMethods(
  showOpenDialog: ShowOpenDialog = electronShowOpenDialog,
): Readonly<Record<string, ShellMethod>> {
  return {
    'shell.chooseFolder': async (input, event) => {
      const defaultPath = defaultPathOf(input);
      if (defaultPath === null)
        return fail(
          'validation',
          'The starting folder must be a full path of at most 1000 characters.',
          'defaultPath',
        );
      const options: OpenDialogOptions = {
        title: 'Choose the backup folder',
        buttonLabel: 'Choose folder',
        properties: ['openDirectory', 'createDirectory'],
        ...(defaultPath ? { defaultPath } : {}),
      };
      const result = await showOpenDialog(BrowserWindow.fromWebContents(event.sender), options);
      const path = result.filePaths[0];
      if (result.canceled || !path) return ok({ chosen: false as const });
      return ok({ chosen: true as const, path });
    },
  };
}

/** The shell methods main serves: the common ones plus the folder dialog. */
export const createAllShellMethods = (): Readonly<Record<string, ShellMethod>> => ({
  ...createShellMethods(),
  ...createFolderDialogMethods(),
});
