import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { ExportPreview } from '../../../../shared/api';
import type { ExportFormat, ExportKind } from '../../../../shared/domain/safeguards';
import { AUDIENCE_LABELS, type Audience } from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { saveExport } from './save';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV (spreadsheet)',
  md: 'Markdown',
  html: 'HTML (web page)',
  ics: 'iCalendar (.ics)',
  eml: 'E-mail draft (.eml)',
  pdf: 'PDF',
  docx: 'Word (.docx)',
};

/** Choose audience and format, see what will be redacted, then save. */
export function ExportDialog({
  opened,
  onClose,
  forumId,
  kind,
  title,
  audiences,
  formats = ['csv', 'md', 'html'],
  subjectId,
  participantIds,
  printPdf,
}: {
  opened: boolean;
  onClose: () => void;
  forumId: string;
  kind: ExportKind;
  title: string;
  audiences: Audience[];
  formats?: ExportFormat[];
  /** The series, call or session the export is about. */
  subjectId?: string;
  /** The participant directory of only these people (a selection of the list). */
  participantIds?: string[];
  /** PDF made from the print-ready HTML (previewed as HTML); resolves to an error message or null. */
  printPdf?: (audience: Audience) => Promise<string | null>;
}) {
  const client = useClient();
  const [audience, setAudience] = useState<Audience>(audiences[0]);
  const [format, setFormat] = useState<ExportFormat>(formats[0]);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const printing = format === 'pdf' && printPdf !== undefined;
  const previewFormat: ExportFormat = printing ? 'html' : format;

  useEffect(() => {
    if (!opened) return;
    let live = true;
    setPreview(null);
    setError(null);
    void client
      .call('exports.preview', {
        forumId,
        kind,
        audience,
        format: previewFormat,
        subjectId,
        participantIds,
      })
      .then((r) => {
        if (!live) return;
        if (r.ok) setPreview(r.value);
        else setError(r.error.message);
      });
    return () => {
      live = false;
    };
  }, [client, opened, forumId, kind, audience, previewFormat, subjectId, participantIds]);

  const save = async () => {
    setSaving(true);
    if (printing && printPdf) {
      const message = await printPdf(audience);
      setSaving(false);
      if (message) setError(message);
      else onClose();
      return;
    }
    const r = await client.call('exports.render', {
      forumId,
      kind,
      audience,
      format,
      subjectId,
      participantIds,
    });
    setSaving(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    if (await saveExport(r.value)) {
      notifications.show({ title: 'Exported', message: r.value.filename });
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        <Group grow>
          <NativeSelect
            label="Audience"
            value={audience}
            onChange={(e) => setAudience(e.currentTarget.value as Audience)}
            data={audiences.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
          />
          <NativeSelect
            label="Format"
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
            data={formats.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          />
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        <section aria-label="Redaction preview">
          {!preview && !error && <Loader size="sm" aria-label="Preparing preview" />}
          {preview && (
            <Stack gap="xs">
              <Text fw={600}>Redaction preview</Text>
              <Text>
                {preview.itemCount} {preview.itemCount === 1 ? 'entry' : 'entries'} ·{' '}
                {preview.redactionCount} {preview.redactionCount === 1 ? 'item' : 'items'} redacted
              </Text>
              {preview.pseudonyms.length > 0 ? (
                <Group gap="xs">
                  <Text size="sm">Pseudonyms in this file:</Text>
                  {preview.pseudonyms.map((p) => (
                    <Badge key={p} color="grape" variant="light">
                      {p}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  No pseudonyms appear in this file.
                </Text>
              )}
              {audience === 'coordinators' && (
                <Alert color="orange">
                  Coordinators’ exports contain protected participants’ real details. Keep them
                  within the coordination team.
                </Alert>
              )}
              <Text size="sm" c="dimmed">
                File: {printing ? preview.filename.replace(/\.html$/, '.pdf') : preview.filename}
              </Text>
              {printing && !window.intersession && (
                <Text size="sm">
                  The print-ready page opens in a new window with the print dialog: choose “Save as
                  PDF”.
                </Text>
              )}
            </Stack>
          )}
        </section>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={saving} disabled={!preview}>
            {printing && !window.intersession ? 'Open print-ready page' : 'Save file'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
