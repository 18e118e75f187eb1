import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { CitationTarget, ReportSection } from '../../../../shared/api';
import { isBlankMarkdown } from '../../../../shared/domain/markdownTree';
import { isGeneratedKind, SECTION_KIND_LABELS } from '../../../../shared/domain/report';
import { useClient } from '../../api/context';
import { useForumAccess } from '../../app/forumAccess';
import { inUserZone } from '../calls/format';
import { CitationPicker } from './CitationPicker';
import { citationKey, MarkdownPreview } from './MarkdownPreview';

/** Autosave waits this long after the last keystroke. */
export const AUTOSAVE_DELAY_MS = 800;

type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';
const STATE_TEXT: Record<SaveState, string> = {
  saved: 'Saved',
  pending: 'Not saved',
  saving: 'Saving…',
  failed: 'Not saved',
  conflict: 'Not saved',
};
const STATE_COLOR: Record<SaveState, string> = {
  saved: 'teal',
  pending: 'gray',
  saving: 'blue',
  failed: 'red',
  conflict: 'red',
};

/** A backend message as a sentence: "this changed; reload" -> "This changed; reload." */
const sentence = (s: string | null) =>
  s ? `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}` : '';

/**
 * One section: Markdown on the left, its preview on the right, saved automatically with the
 * revision the editor started from (a conflict is shown, never overwritten silently).
 */
export function SectionEditor({
  section,
  forumId,
  onSaved,
  onReload,
}: {
  section: ReportSection;
  forumId: string;
  onSaved: (section: ReportSection) => void;
  /** Fetches the section as stored now (after a conflict). */
  onReload: () => Promise<ReportSection | null>;
}) {
  const client = useClient();
  // In an archived forum the text is shown, not edited: nothing to save, generate or cite.
  const { canWrite } = useForumAccess();
  const [text, setText] = useState(section.markdown);
  const [state, setState] = useState<SaveState>('saved');
  const [problem, setProblem] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [labels, setLabels] = useState(
    () => new Map(section.citations.map((c) => [citationKey(c.kind, c.id), c])),
  );
  const revision = useRef(section.revision);
  const savedText = useRef(section.markdown);
  const latest = useRef(section.markdown);
  const inFlight = useRef(false);
  const blocked = useRef(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const generated = isGeneratedKind(section.kind);

  const rememberCitations = useCallback((targets: CitationTarget[]) => {
    setLabels((m) => {
      const next = new Map(m);
      for (const c of targets) next.set(citationKey(c.kind, c.id), c);
      return next;
    });
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current || blocked.current) return;
    const markdown = latest.current;
    if (markdown === savedText.current) {
      setState('saved');
      return;
    }
    inFlight.current = true;
    setState('saving');
    const r = await client.call('report.saveSection', {
      id: section.id,
      markdown,
      baseRevision: revision.current,
    });
    inFlight.current = false;
    if (r.ok) {
      revision.current = r.value.revision;
      savedText.current = markdown;
      rememberCitations(r.value.citations);
      onSaved(r.value);
      setProblem(null);
      if (latest.current !== markdown) await save();
      else setState('saved');
    } else if (r.error.code === 'conflict') {
      blocked.current = true;
      setState('conflict');
      setProblem(r.error.message.replace(/^markdown: /, ''));
    } else {
      setState('failed');
      setProblem(r.error.message.replace(/^markdown: /, ''));
    }
  }, [client, section.id, onSaved, rememberCitations]);

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // Debounced autosave after each change.
  useEffect(() => {
    latest.current = text;
    if (text === savedText.current || blocked.current) return;
    setState((s) => (s === 'saving' ? s : 'pending'));
    const timer = setTimeout(() => void saveRef.current(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // Leaving the section (another section, another tab) saves what was typed.
  useEffect(
    () => () => {
      if (latest.current !== savedText.current && !blocked.current) void saveRef.current();
    },
    [],
  );

  const adopt = (fresh: ReportSection) => {
    blocked.current = false;
    revision.current = fresh.revision;
    savedText.current = fresh.markdown;
    latest.current = fresh.markdown;
    rememberCitations(fresh.citations);
    setText(fresh.markdown);
    setState('saved');
    setProblem(null);
  };

  const reload = async () => {
    const fresh = await onReload();
    if (fresh) adopt(fresh);
  };

  /** After a conflict: keep this editor's text over the stored one. */
  const overwrite = async () => {
    const fresh = await onReload();
    if (!fresh) return;
    blocked.current = false;
    revision.current = fresh.revision;
    savedText.current = fresh.markdown;
    await saveRef.current();
  };

  const regenerate = async () => {
    setGenerating(true);
    const r = await client.call('report.generateSection', { id: section.id });
    setGenerating(false);
    if (r.ok) {
      adopt(r.value);
      onSaved(r.value);
    } else {
      setState('failed');
      setProblem(r.error.message);
    }
  };

  const insertCitation = (target: CitationTarget) => {
    const at = caret.current ?? text.length;
    const before = text.slice(0, at);
    const token = `${before && !/\s$/.test(before) ? ' ' : ''}[@${target.kind}:${target.id}]`;
    const next = text.slice(0, at) + token + text.slice(at);
    rememberCitations([target]);
    setText(next);
    setPicking(false);
    const cursor = at + token.length;
    caret.current = cursor;
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(cursor, cursor);
    });
  };

  // The preview follows the typing without slowing it down (long generated sections).
  const shown = useDeferredValue(text);
  const empty = useMemo(() => isBlankMarkdown(shown), [shown]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Group gap="xs">
          <Badge variant="light" color={generated ? 'teal' : 'gray'}>
            {SECTION_KIND_LABELS[section.kind]}
          </Badge>
          {section.stale && (
            <Badge color="orange" variant="filled">
              Data changed since generated
            </Badge>
          )}
        </Group>
        <Text
          size="sm"
          fw={500}
          c={STATE_COLOR[state]}
          role="status"
          aria-live="polite"
          data-testid="save-status"
        >
          {STATE_TEXT[state]}
        </Text>
      </Group>
      {generated && (
        <Alert color={section.stale ? 'orange' : 'teal'} variant="light">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              Generated from the forum’s records
              {section.generatedAt
                ? ` on ${inUserZone(section.generatedAt)}.`
                : ': not generated yet.'}{' '}
              {canWrite && 'Refreshing replaces the text below.'}
            </Text>
            {canWrite && (
              <Button
                size="xs"
                variant={section.stale || !section.generatedAt ? 'filled' : 'default'}
                color={section.stale ? 'orange' : undefined}
                loading={generating}
                onClick={() => void regenerate()}
              >
                {section.generatedAt ? 'Refresh' : 'Generate'}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {state === 'conflict' && (
        <Alert color="red" title="This section was changed elsewhere">
          <Stack gap="xs">
            <Text size="sm">
              {sentence(problem)} Your latest text is still in the editor but is not saved.
            </Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => void reload()}>
                Reload the saved text
              </Button>
              <Button size="xs" variant="default" onClick={() => void overwrite()}>
                Keep my text
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {state === 'failed' && (
        <Alert color="red" title="Not saved">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{sentence(problem)}</Text>
            <Button size="xs" variant="default" onClick={() => void save()}>
              Try again
            </Button>
          </Group>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="xs">
            <Textarea
              ref={area}
              label={`Section text: ${section.number} ${section.title}`}
              description="Markdown: # headings, **bold**, *italic*, - lists, | tables |. Saved as you type."
              value={text}
              onChange={(e) => {
                caret.current = e.currentTarget.selectionStart;
                setText(e.currentTarget.value);
              }}
              onSelect={(e) => (caret.current = e.currentTarget.selectionStart)}
              onBlur={() => void save()}
              readOnly={!canWrite}
              autosize
              minRows={14}
              maxRows={30}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Group gap="xs">
              {canWrite && (
                <Button size="xs" variant="light" onClick={() => setPicking(true)}>
                  Insert citation
                </Button>
              )}
              {section.citations.length > 0 && (
                <Text size="xs" c="dimmed">
                  Cites {section.citations.length}{' '}
                  {section.citations.length === 1 ? 'source' : 'sources'}
                  {section.citations.some((c) => c.missing) && ' (some were deleted)'}
                </Text>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <section aria-label="Preview">
            <Text size="sm" fw={500} mb={4}>
              Preview
            </Text>
            <Paper withBorder p="sm" mih={200}>
              {!empty ? (
                <MarkdownPreview markdown={shown} labels={labels} />
              ) : (
                <Text c="dimmed" size="sm">
                  {generated
                    ? 'Nothing generated yet: “Generate” fills this section from the records.'
                    : 'Nothing written yet. Type in the section text; the preview appears here.'}
                </Text>
              )}
            </Paper>
          </section>
        </Grid.Col>
      </Grid>
      <CitationPicker
        opened={picking}
        forumId={forumId}
        onClose={() => setPicking(false)}
        onPick={insertCitation}
      />
    </Stack>
  );
}
