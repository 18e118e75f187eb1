import {
  Alert,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Forum, Report, ReportSection } from '../../../../shared/api';
import {
  SECTION_KINDS,
  SECTION_KIND_LABELS,
  type SectionKind,
} from '../../../../shared/domain/report';
import type { RpcError, RpcResult } from '../../../../shared/result';
import { reportSchemas } from '../../../../shared/schemas/report';
import { unwrapOrNotify } from '../../components/errors';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, sentence, useZodForm } from '../../components/forms';
import { ExportDialog } from '../publish/ExportDialog';
import { PublicPreviewButton } from './PublicPreview';
import { ConsultationPanel } from './ConsultationPanel';
import { Outline } from './Outline';
import { LEVEL_LABELS, canIndent, canOutdent, shiftLevel, type OutlineItem } from './outline';
import { printReportPdf } from './print';
import { SectionEditor } from './SectionEditor';
import { VersionsPanel } from './VersionsPanel';
import { useRouteParam } from '../../app/routes';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';

/** One report: outline and section editor, versions and comparison, consultation, export. */
export function ReportEditor({
  reportId,
  forum,
  onBack,
}: {
  reportId: string;
  forum: Forum;
  onBack: () => void;
}) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const [report, setReport] = useState<Report | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // The section is the URL's (`/report/:reportId/:sectionId`); without one, the first is shown.
  const [sectionParam, setSectionParam] = useRouteParam('report', 'sectionId');
  const setSelectedId = useCallback((id: string | null) => setSectionParam(id), [setSectionParam]);
  const [tab, setTab] = useState<string | null>('write');
  const [dialog, setDialog] = useState<'add' | 'rename' | 'remove' | 'title' | 'delete' | null>(
    null,
  );
  const [exporting, setExporting] = useState<{ subjectId: string; title: string } | null>(null);

  const load = useCallback(async () => {
    const r = await client.call('report.get', { id: reportId });
    if (r.ok) {
      setReport(r.value);
      setFailed(null);
    } else setFailed(r.error.message);
    return r.ok ? r.value : null;
  }, [client, reportId]);

  useEffect(() => {
    void load();
  }, [load]);

  const replaceSection = useCallback((section: ReportSection) => {
    setReport((r) =>
      r ? { ...r, sections: r.sections.map((s) => (s.id === section.id ? section : s)) } : r,
    );
  }, []);

  const reorder = async (items: OutlineItem[]) => {
    if (!report) return;
    const next = unwrapOrNotify(
      await client.call('report.reorderSections', { reportId: report.id, sections: items }),
      'The outline was not changed',
    );
    if (next) setReport(next);
  };

  if (failed)
    return (
      <Stack>
        <Title order={1} size="h2">
          Report
        </Title>
        <Alert color="red">{failed}</Alert>
        <Button variant="default" onClick={onBack} w="fit-content">
          All reports
        </Button>
      </Stack>
    );
  if (!report) return <Loader aria-label="Loading the report" />;

  const items = report.sections.map((s) => ({ id: s.id, level: s.level }));
  const selectedId =
    sectionParam && report.sections.some((x) => x.id === sectionParam)
      ? sectionParam
      : (report.sections[0]?.id ?? null);
  const selectedIndex = report.sections.findIndex((s) => s.id === selectedId);
  const selected = selectedIndex >= 0 ? report.sections[selectedIndex] : null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Button variant="subtle" size="compact-sm" onClick={onBack} w="fit-content">
            ← All reports
          </Button>
          <Title order={1} size="h2">
            Report
          </Title>
          <Group gap="xs">
            <Title order={2} size="h4">
              {report.title}
            </Title>
            {canWrite && (
              <Button variant="subtle" size="compact-xs" onClick={() => setDialog('title')}>
                Rename report
              </Button>
            )}
          </Group>
        </Stack>
        <Group>
          <ReadOnlyNote />
          <PublicPreviewButton forumId={forum.id} report={report} />
          <Button
            variant="default"
            onClick={() => setExporting({ subjectId: report.id, title: 'Export the report' })}
          >
            Export
          </Button>
          {canWrite && (
            <Button variant="subtle" color="red" onClick={() => setDialog('delete')}>
              Delete report
            </Button>
          )}
        </Group>
      </Group>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="versions">Versions ({report.versions.length})</Tabs.Tab>
          <Tabs.Tab value="consultation">Consultation ({report.rounds.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="md">
          <Grid>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Stack gap="xs">
                <Outline
                  sections={report.sections}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  onReorder={(next) => void reorder(next)}
                />
                {canWrite && (
                  <Button variant="light" onClick={() => setDialog('add')}>
                    Add section
                  </Button>
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              {selected ? (
                <Stack>
                  {canWrite && (
                    <Group gap="xs">
                      <Button variant="default" size="xs" onClick={() => setDialog('rename')}>
                        Rename section
                      </Button>
                      <Button
                        variant="default"
                        size="xs"
                        disabled={!canOutdent(items, selectedIndex)}
                        onClick={() => void reorder(shiftLevel(items, selectedIndex, -1))}
                      >
                        Outdent
                      </Button>
                      <Button
                        variant="default"
                        size="xs"
                        disabled={!canIndent(items, selectedIndex)}
                        onClick={() => void reorder(shiftLevel(items, selectedIndex, 1))}
                      >
                        Indent
                      </Button>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        onClick={() => setDialog('remove')}
                      >
                        Remove section
                      </Button>
                    </Group>
                  )}
                  <SectionEditor
                    key={selected.id}
                    section={selected}
                    forumId={forum.id}
                    onSaved={replaceSection}
                    onReload={async () => {
                      const fresh = await load();
                      return fresh?.sections.find((s) => s.id === selected.id) ?? null;
                    }}
                  />
                </Stack>
              ) : (
                <Alert color="blue" title="No sections">
                  This report has no sections yet.{canWrite && ' “Add section” starts the outline.'}
                </Alert>
              )}
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionsPanel
            report={report}
            onChanged={() => void load()}
            onExport={(subjectId, name) =>
              setExporting({ subjectId, title: `Export version “${name}”` })
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="consultation" pt="md">
          <ConsultationPanel report={report} forum={forum} onChanged={() => void load()} />
        </Tabs.Panel>
      </Tabs>

      <AddSectionModal
        opened={dialog === 'add'}
        onClose={() => setDialog(null)}
        reportId={report.id}
        after={selected}
        knownIds={items.map((i) => i.id)}
        onAdded={(next, id) => {
          setReport(next);
          setSelectedId(id);
          setDialog(null);
        }}
      />
      {selected && (
        <TitleModal
          opened={dialog === 'rename'}
          onClose={() => setDialog(null)}
          heading="Rename section"
          label="Section title"
          schema={reportSchemas['report.updateSection']}
          targetId={selected.id}
          initial={selected.title}
          save={async (title) => {
            const r = await client.call('report.updateSection', { id: selected.id, title });
            if (r.ok) {
              replaceSection(r.value);
              void load();
            }
            return r;
          }}
        />
      )}
      <TitleModal
        opened={dialog === 'title'}
        onClose={() => setDialog(null)}
        heading="Rename report"
        label="Report title"
        schema={reportSchemas['report.rename']}
        targetId={report.id}
        initial={report.title}
        save={async (title) => {
          const r = await client.call('report.rename', { id: report.id, title });
          if (r.ok) setReport(r.value);
          return r;
        }}
      />
      {selected && (
        <ConfirmModal
          opened={dialog === 'remove'}
          onClose={() => setDialog(null)}
          heading="Remove section"
          confirmLabel="Remove section"
          message={`Remove “${selected.number} ${selected.title}” and its text? Saved versions keep their copy.`}
          failedTitle="The section was not removed"
          confirm={async () => {
            const r = await client.call('report.removeSection', { id: selected.id });
            if (r.ok) {
              setReport(r.value);
              setSelectedId(r.value.sections[Math.max(0, selectedIndex - 1)]?.id ?? null);
            }
            return r;
          }}
        />
      )}
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        heading="Delete report"
        confirmLabel="Delete report"
        message={`Delete “${report.title}” with its versions and comment rounds? This cannot be undone.`}
        failedTitle="The report was not deleted"
        confirm={async () => {
          const r = await client.call('report.remove', { id: report.id });
          if (r.ok) onBack();
          return r;
        }}
      />
      {exporting && (
        <ExportDialog
          opened
          onClose={() => setExporting(null)}
          forumId={forum.id}
          kind="report"
          subjectId={exporting.subjectId}
          title={exporting.title}
          audiences={['public', 'participants']}
          formats={['html', 'md', 'pdf', 'docx']}
          printPdf={async (audience) => {
            const out = await printReportPdf(client, {
              forumId: forum.id,
              kind: 'report',
              audience,
              subjectId: exporting.subjectId,
            });
            return out.done ? null : out.message;
          }}
        />
      )}
    </Stack>
  );
}

/** The visible label of each field of "Add section": error sentences start with it. */
export const ADD_SECTION_LABELS: Record<string, string> = {
  title: 'Section title',
  level: 'Level',
  kind: 'Content',
};

type SectionDraft = { title: string; level: string; kind: SectionKind };

export function AddSectionModal({
  opened,
  onClose,
  reportId,
  after,
  knownIds,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  reportId: string;
  after: ReportSection | null;
  knownIds: string[];
  onAdded: (report: Report, id: string) => void;
}) {
  const client = useClient();
  const zf = useZodForm({
    schema: reportSchemas['report.addSection'],
    initialValues: { title: '', level: '1', kind: 'text' } as SectionDraft,
    toInput: (d: SectionDraft) => ({
      reportId,
      afterId: after?.id ?? null,
      title: d.title,
      // No level chosen is not a number (said as "Level is required."), not level 0.
      level: d.level === '' ? Number.NaN : Number(d.level),
      kind: d.kind,
    }),
    labels: ADD_SECTION_LABELS,
  });
  const { reset } = zf;

  useEffect(() => {
    if (!opened) return;
    reset({ title: '', level: String(after ? Math.max(after.level, 1) : 1), kind: 'text' });
  }, [opened, after, reset]);

  return (
    <Modal opened={opened} onClose={onClose} title="Add section">
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('report.addSection', input);
          if (!r.ok) return r;
          const known = new Set(knownIds);
          const added = r.value.sections.find((s) => !known.has(s.id)) ?? r.value.sections[0];
          onAdded(r.value, added.id);
        })}
        noValidate
      >
        <Stack>
          <ErrorSummary {...zf.summary} />
          <Text size="sm" c="dimmed">
            {after
              ? `The new section goes after “${after.number} ${after.title}”.`
              : 'The new section goes at the top.'}
          </Text>
          <TextInput
            label="Section title"
            {...zf.form.getInputProps('title')}
            data-autofocus
            required
          />
          <NativeSelect
            label="Level"
            {...zf.form.getInputProps('level')}
            data={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <NativeSelect
            label="Content"
            {...zf.form.getInputProps('kind')}
            data={SECTION_KINDS.map((k) => ({ value: k, label: SECTION_KIND_LABELS[k] }))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={zf.submitting}>Add section</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Renames a section or the report: one title, checked by the method's schema (both take
 * `{ id, title }`).
 */
export function TitleModal({
  opened,
  onClose,
  heading,
  label,
  schema,
  targetId,
  initial,
  save,
}: {
  opened: boolean;
  onClose: () => void;
  heading: string;
  label: string;
  schema: (typeof reportSchemas)['report.rename'] | (typeof reportSchemas)['report.updateSection'];
  /** The id of the section or report renamed. */
  targetId: string;
  initial: string;
  save: (title: string) => Promise<{ ok: true } | { ok: false; error: RpcError }>;
}) {
  const zf = useZodForm({
    schema,
    initialValues: { title: initial },
    toInput: (d: { title: string }) => ({ id: targetId, title: d.title }),
    labels: { title: label },
  });
  const { reset } = zf;
  useEffect(() => {
    if (opened) reset({ title: initial });
  }, [opened, initial, reset]);
  return (
    <Modal opened={opened} onClose={onClose} title={heading}>
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await save(input.title ?? '');
          if (r.ok) onClose();
          else return r;
        })}
        noValidate
      >
        <Stack>
          <ErrorSummary {...zf.summary} />
          <TextInput label={label} {...zf.form.getInputProps('title')} data-autofocus required />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={zf.submitting}>Save</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Asks before removing; a refusal is said in the dialog, beside its button, which stays open.
 */
export function ConfirmModal({
  opened,
  onClose,
  heading,
  message,
  confirmLabel,
  failedTitle,
  confirm,
}: {
  opened: boolean;
  onClose: () => void;
  heading: string;
  message: string;
  confirmLabel: string;
  /** The title of the refusal, e.g. "The section was not removed". */
  failedTitle: string;
  confirm: () => Promise<RpcResult<unknown>>;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (opened) setFailed(null);
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={heading}>
      <Stack>
        <Text>{message}</Text>
        {failed && (
          <Alert color="red" role="alert" title={failedTitle}>
            {failed}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() => {
              setBusy(true);
              setFailed(null);
              void confirm().then((r) => {
                setBusy(false);
                if (r.ok) onClose();
                else setFailed(sentence(heading, r.error.message));
              });
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
