import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Forum } from '../../../../shared/api';
import { suggestedMilestones } from '../../../../shared/domain/timeline';
import {
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  type MilestoneKind,
} from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';

interface MilestoneDraft {
  kind: MilestoneKind;
  label: string;
  date: string;
}

/** Create or edit a forum: title, topic, year, mandate and its timeline of milestones. */
export function ForumForm({ forum, onSaved }: { forum?: Forum; onSaved: (f: Forum) => void }) {
  const client = useClient();
  const thisYear = new Date().getUTCFullYear();
  const [title, setTitle] = useState(forum?.title ?? '');
  const [topic, setTopic] = useState(forum?.topic ?? '');
  const [year, setYear] = useState<number | string>(forum?.year ?? thisYear);
  const [mandate, setMandate] = useState(forum?.mandate ?? '');
  const [milestones, setMilestones] = useState<MilestoneDraft[]>(
    forum?.milestones.map((m) => ({ kind: m.kind, label: m.label, date: m.date })) ??
      suggestedMilestones(thisYear).map((m) => ({ ...m, label: MILESTONE_LABELS[m.kind] })),
  );
  const [saving, setSaving] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();

  const setMilestone = (i: number, patch: Partial<MilestoneDraft>) =>
    setMilestones((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSaving(true);
    const fields = {
      title,
      topic,
      year: typeof year === 'number' ? year : Number(year),
      mandate,
      milestones: milestones.map((m) => ({ kind: m.kind, label: m.label, date: m.date })),
    };
    const result = forum
      ? await client.call('forums.update', { id: forum.id, ...fields })
      : await client.call('forums.create', fields);
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else show(result.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput
          label="Title"
          description="For example: BPF Gender and Access"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <TextInput
          label="Topic"
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value)}
          error={errors.topic}
        />
        <NumberInput
          label="Year"
          required
          min={2006}
          max={2100}
          value={year}
          onChange={setYear}
          error={errors.year}
        />
        <Textarea
          label="Mandate and scope"
          autosize
          minRows={3}
          value={mandate}
          onChange={(e) => setMandate(e.currentTarget.value)}
          error={errors.mandate}
        />
        <Fieldset legend="Timeline">
          <Stack gap="xs">
            {milestones.map((m, i) => (
              <Group key={i} align="flex-end" wrap="nowrap">
                <NativeSelect
                  label={`Milestone ${i + 1}`}
                  value={m.kind}
                  data={MILESTONE_KINDS.map((k) => ({ value: k, label: MILESTONE_LABELS[k] }))}
                  onChange={(e) => {
                    const kind = e.currentTarget.value as MilestoneKind;
                    setMilestone(i, {
                      kind,
                      label:
                        m.label === MILESTONE_LABELS[m.kind] ? MILESTONE_LABELS[kind] : m.label,
                    });
                  }}
                  error={errors[`milestones.${i}.kind`]}
                />
                <TextInput
                  label={`Milestone ${i + 1} label`}
                  value={m.label}
                  onChange={(e) => setMilestone(i, { label: e.currentTarget.value })}
                  error={errors[`milestones.${i}.label`]}
                />
                <TextInput
                  type="date"
                  label={`Milestone ${i + 1} date`}
                  value={m.date}
                  onChange={(e) => setMilestone(i, { date: e.currentTarget.value })}
                  error={errors[`milestones.${i}.date`]}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`Remove milestone ${i + 1}`}
                  onClick={() => setMilestones((ms) => ms.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  setMilestones((ms) => [
                    ...ms,
                    { kind: 'comment_round', label: MILESTONE_LABELS.comment_round, date: '' },
                  ])
                }
              >
                Add milestone
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {forum ? 'Save forum' : 'Create forum'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
