import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import type { CommentRound, Report } from '../../../../shared/api';
import { ROUND_PHASE_LABELS, type RoundPhase } from '../../../../shared/domain/report';
import { reportSchemas } from '../../../../shared/schemas/report';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';

const DEFAULT_ROUND_TITLES: Record<RoundPhase, string> = {
  1: 'Comments on the outline',
  2: 'Comments on the draft',
};

/** The visible label of each field of "New comment round": error sentences start with it. */
export const ROUND_LABELS: Record<string, string> = {
  phase: 'Phase',
  title: 'Title',
  versionId: 'Version commented on',
  opensOn: 'Opens on',
  closesOn: 'Closes on',
};

type RoundDraft = {
  phase: string;
  title: string;
  versionId: string;
  opensOn: string;
  closesOn: string;
};

export function NewRoundModal({
  opened,
  onClose,
  report,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  report: Report;
  onCreated: (round: CommentRound) => void;
}) {
  const client = useClient();
  const newest = [...report.versions].sort((a, b) => b.createdAt - a.createdAt)[0];
  const zf = useZodForm({
    schema: reportSchemas['report.createRound'],
    initialValues: {
      phase: report.rounds.length === 0 ? '1' : '2',
      title: '',
      versionId: newest?.id ?? '',
      opensOn: '',
      closesOn: '',
    } as RoundDraft,
    toInput: (d: RoundDraft) => ({
      reportId: report.id,
      phase: Number(d.phase) as RoundPhase,
      title: d.title,
      versionId: d.versionId,
      opensOn: d.opensOn || null,
      closesOn: d.closesOn || null,
    }),
    labels: ROUND_LABELS,
  });
  const { form, reset } = zf;
  const phase = Number(form.values.phase) as RoundPhase;

  useEffect(() => {
    if (!opened) return;
    const p: RoundPhase = report.rounds.some((r) => r.phase === 1) ? 2 : 1;
    reset({
      phase: String(p),
      title: DEFAULT_ROUND_TITLES[p],
      versionId: newest?.id ?? '',
      opensOn: '',
      closesOn: '',
    });
  }, [opened, report.rounds, newest?.id, reset]);

  return (
    <Modal opened={opened} onClose={onClose} title="New comment round">
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('report.createRound', input);
          if (r.ok) onCreated(r.value);
          else return r;
        })}
        noValidate
      >
        <Stack>
          <ErrorSummary {...zf.summary} />
          <NativeSelect
            label="Phase"
            {...form.getInputProps('phase')}
            onChange={(e) => {
              const p = Number(e.currentTarget.value) as RoundPhase;
              if (form.getValues().title === DEFAULT_ROUND_TITLES[phase])
                form.setFieldValue('title', DEFAULT_ROUND_TITLES[p]);
              form.setFieldValue('phase', String(p));
              form.clearFieldError('phase');
            }}
            data={([1, 2] as const).map((p) => ({
              value: String(p),
              label: ROUND_PHASE_LABELS[p],
            }))}
          />
          <TextInput label="Title" {...form.getInputProps('title')} required />
          <NativeSelect
            label="Version commented on"
            {...form.getInputProps('versionId')}
            data={report.versions.map((v) => ({ value: v.id, label: v.name }))}
          />
          <Group grow>
            <TextInput type="date" label="Opens on" {...form.getInputProps('opensOn')} />
            <TextInput type="date" label="Closes on" {...form.getInputProps('closesOn')} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={zf.submitting}>Open round</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
