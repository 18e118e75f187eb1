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
import type { RpcError } from '../../../../shared/result';
import { useClient } from '../../api/context';
import { unwrapOrNotify, useFieldErrors } from '../../components/errors';
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
          confirm={async () => {
            const next = unwrapOrNotify(
              await client.call('report.removeSection', { id: selected.id }),
              'The section was not removed',
            );
            if (next) {
              setReport(next);
              setSelectedId(next.sections[Math.max(0, selectedIndex - 1)]?.id ?? null);
            }
          }}
        />
      )}
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        heading="Delete report"
        confirmLabel="Delete report"
        message={`Delete “${report.title}” with its versions and comment rounds? This cannot be undone.`}
        confirm={async () => {
          const r = unwrapOrNotify(
            await client.call('report.remove', { id: report.id }),
            'The report was not deleted',
          );
          if (r) onBack();
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

function AddSectionModal({
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
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState(2);
  const [kind, setKind] = useState<SectionKind>('text');
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();

  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setLevel(after ? Math.max(after.level, 1) : 1);
    setKind('text');
    clear();
  }, [opened, after, clear]);

  const submit = async () => {
    setBusy(true);
    const r = await client.call('report.addSection', {
      reportId,
      afterId: after?.id ?? null,
      title,
      level,
      kind,
    });
    setBusy(false);
    if (!r.ok) return show(r.error);
    const known = new Set(knownIds);
    const added = r.value.sections.find((s) => !known.has(s.id)) ?? r.value.sections[0];
    onAdded(r.value, added.id);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add section">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {after
              ? `The new section goes after “${after.number} ${after.title}”.`
              : 'The new section goes at the top.'}
          </Text>
          <TextInput
            label="Section title"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            data-autofocus
            required
          />
          <NativeSelect
            label="Level"
            value={String(level)}
            onChange={(e) => setLevel(Number(e.currentTarget.value))}
            data={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
            error={errors.level}
          />
          <NativeSelect
            label="Content"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as SectionKind)}
            data={SECTION_KINDS.map((k) => ({ value: k, label: SECTION_KIND_LABELS[k] }))}
            error={errors.kind}
          />
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Add section
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TitleModal({
  opened,
  onClose,
  heading,
  label,
  initial,
  save,
}: {
  opened: boolean;
  onClose: () => void;
  heading: string;
  label: string;
  initial: string;
  save: (title: string) => Promise<{ ok: true } | { ok: false; error: RpcError }>;
}) {
  const [title, setTitle] = useState(initial);
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();
  useEffect(() => {
    if (opened) {
      setTitle(initial);
      clear();
    }
  }, [opened, initial, clear]);
  return (
    <Modal opened={opened} onClose={onClose} title={heading}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void save(title).then((r) => {
            setBusy(false);
            if (r.ok) onClose();
            else show(r.error);
          });
        }}
      >
        <Stack>
          <TextInput
            label={label}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            data-autofocus
            required
          />
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ConfirmModal({
  opened,
  onClose,
  heading,
  message,
  confirmLabel,
  confirm,
}: {
  opened: boolean;
  onClose: () => void;
  heading: string;
  message: string;
  confirmLabel: string;
  confirm: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={heading}>
      <Stack>
        <Text>{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() => {
              setBusy(true);
              void confirm().then(() => {
                setBusy(false);
                onClose();
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
