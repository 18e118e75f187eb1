import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportColumnMapping, ImportPreview, ImportRowError } from '../../../../../shared/api';
import { newId } from '../../../../../shared/domain/ids';
import {
  MAX_IMPORT_CSV_CHARS,
  type DuplicatePolicy,
  type ImportField,
} from '../../../../../shared/schemas/participantImport';
import { useClient } from '../../../api/context';
import type { DialogSetters, Values } from './importFields';

/** How many invalid rows are offered for inline fixing (the rest are skipped). */
const MAX_FIXABLE_ROWS = 100;

/**
 * The chosen file and its check: the mapping, the duplicates policy, the user's fixes of invalid
 * rows, and the preview the backend answers for them (first page at once, the whole file after).
 */
export function useImportPreview({
  forumId,
  setStep,
  setError,
}: DialogSetters & { forumId: string }) {
  const client = useClient();
  const [fileName, setFileName] = useState('');
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportColumnMapping | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [fixes, setFixes] = useState<Record<number, Values>>({});
  const [editing, setEditing] = useState<Record<number, Values>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [loading, setLoading] = useState(false);
  /** The whole-file check in the background: rows checked so far, of all rows. */
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  /** Rows checked when the user stopped the whole-file check ("Stop checking"). */
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  /** Bumped by "Check the whole file" to check again after a stop. */
  const [wholeFile, setWholeFile] = useState(0);
  const fullCheck = useRef<AbortController | null>(null);
  const checkedSoFar = useRef(0);
  const request = useRef(0);
  /** Set when the mapping comes from the preview itself, so it does not trigger another one. */
  const mappingFromPreview = useRef(false);

  const reset = useCallback(() => {
    request.current++;
    mappingFromPreview.current = false;
    setFileName('');
    setCsv(null);
    setFileError(null);
    setMapping(null);
    setDuplicates('skip');
    setFixes({});
    setEditing({});
    setPreview(null);
    setLoading(false);
    fullCheck.current?.abort();
    setChecking(null);
    setStoppedAt(null);
  }, []);

  const fixList = useMemo(
    () => Object.entries(fixes).map(([line, values]) => ({ line: Number(line), values })),
    [fixes],
  );

  // Ask the backend for a fresh preview whenever the file, mapping, fixes or policy change:
  // first the first page (answered at once), then the whole file in the background, with its
  // progress on the live-update channel and "Stop checking" to cancel it.
  useEffect(() => {
    if (csv === null) return;
    if (mappingFromPreview.current) {
      mappingFromPreview.current = false;
      return;
    }
    const id = ++request.current;
    fullCheck.current?.abort();
    const controller = new AbortController();
    fullCheck.current = controller;
    setLoading(true);
    setChecking(null);
    setStoppedAt(null);
    const input = {
      forumId,
      csv,
      ...(mapping ? { mapping } : {}),
      fixes: fixList,
      duplicates,
    };
    const failed = (message: string) => {
      setLoading(false);
      setChecking(null);
      setError(message);
      if (!mapping) setStep('choose');
    };
    void client.call('participants.importPreview', { ...input, firstPage: true }).then((first) => {
      if (id !== request.current) return;
      if (!first.ok) return failed(first.error.message);
      setError(null);
      setPreview(first.value);
      if (!mapping) {
        mappingFromPreview.current = true;
        setMapping(first.value.mapping);
      }
      setStep((s) => (s === 'choose' ? 'map' : s));
      const checked = first.value.checkedRows ?? first.value.totalRows;
      if (checked >= first.value.totalRows) {
        setLoading(false);
        return;
      }
      // The whole file, checked with the mapping the first page used.
      const previewId = newId();
      checkedSoFar.current = checked;
      setChecking({ done: checked, total: first.value.totalRows });
      const unsubscribe = client.onEvent((event) => {
        if (event.kind !== 'progress' || event.jobId !== previewId || id !== request.current)
          return;
        checkedSoFar.current = event.done;
        setChecking({ done: event.done, total: event.total });
      });
      void client
        .call(
          'participants.importPreview',
          { ...input, mapping: first.value.mapping, previewId },
          { signal: controller.signal },
        )
        .then((full) => {
          unsubscribe();
          if (id !== request.current) return;
          setLoading(false);
          setChecking(null);
          if (!full.ok && full.error.code === 'cancelled') setStoppedAt(checkedSoFar.current);
          if (!full.ok) {
            if (full.error.code !== 'cancelled') setError(full.error.message);
            return;
          }
          setPreview(full.value);
        });
    });
  }, [client, forumId, csv, mapping, fixList, duplicates, wholeFile, setStep, setError]);

  // Closing the dialog (or leaving the page) stops a check still running.
  useEffect(() => () => fullCheck.current?.abort(), []);

  const readFile = async (file: File) => {
    setFileName(file.name);
    if (file.size > MAX_IMPORT_CSV_CHARS) {
      setFileError('This file is larger than 50 MB.');
      return;
    }
    try {
      setCsv(await file.text());
    } catch (err) {
      setFileError(`Cannot read this file (${String(err)})`);
    }
  };

  const invalidShown = useMemo(
    () => (preview?.invalidRows ?? []).slice(0, MAX_FIXABLE_ROWS),
    [preview],
  );
  const errorsByLine = useMemo(() => {
    const map = new Map<number, ImportRowError[]>();
    for (const e of preview?.errors ?? []) map.set(e.line, [...(map.get(e.line) ?? []), e]);
    return map;
  }, [preview]);
  const invalidLines = useMemo(
    () => new Set((preview?.invalidRows ?? []).map((r) => r.line)),
    [preview],
  );
  const fixedLines = Object.keys(fixes)
    .map(Number)
    .filter((line) => !invalidLines.has(line));
  const stillBroken = Object.keys(editing)
    .map(Number)
    .filter((line) => invalidLines.has(line));

  const skipLines = (preview?.invalidRows ?? [])
    .map((r) => r.line)
    .filter((line) => !(line in editing));

  const toggleSkip = (line: number, values: Record<ImportField, string>, skip: boolean) => {
    setEditing((current) => {
      const next = { ...current };
      if (skip) delete next[line];
      else next[line] = { ...values };
      return next;
    });
    if (skip)
      setFixes((current) => {
        const next = { ...current };
        delete next[line];
        return next;
      });
  };

  const applyFix = (line: number) => setFixes((current) => ({ ...current, [line]: editing[line] }));

  const undoFix = (line: number) => {
    setFixes((current) => {
      const next = { ...current };
      delete next[line];
      return next;
    });
    setEditing((current) => {
      const next = { ...current };
      delete next[line];
      return next;
    });
  };

  const setDraft = (line: number, values: Values) =>
    setEditing((current) => ({ ...current, [line]: values }));

  return {
    fileName,
    csv,
    fileError,
    mapping,
    setMapping,
    duplicates,
    setDuplicates,
    editing,
    fixList,
    preview,
    loading,
    checking,
    stoppedAt,
    invalidShown,
    errorsByLine,
    fixedLines,
    stillBroken,
    skipLines,
    reset,
    readFile,
    toggleSkip,
    setDraft,
    applyFix,
    undoFix,
    stopChecking: () => fullCheck.current?.abort(),
    checkWholeFile: () => setWholeFile((n) => n + 1),
  };
}

export type ImportPreviewState = ReturnType<typeof useImportPreview>;
