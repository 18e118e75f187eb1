import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useRef, useState } from 'react';
import type { Forum } from '../../../../shared/api';
import { suggestedMilestones } from '../../../../shared/domain/timeline';
import {
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  type MilestoneKind,
} from '../../../../shared/domain/vocabulary';
import { forumsSchemas } from '../../../../shared/schemas/forums';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { isForumYear, moveMilestones, outsideYear } from './forumYear';

interface MilestoneDraft {
  kind: MilestoneKind;
  label: string;
  date: string;
}

type ForumDraft = {
  title: string;
  topic: string;
  year: number | string;
  mandate: string;
  milestones: MilestoneDraft[];
};

/** The visible label of each field of the forum form. */
export function forumLabel(path: string): string | undefined {
  const fixed: Record<string, string> = {
    title: 'Title',
    topic: 'Topic',
    year: 'Year',
    mandate: 'Mandate and scope',
    milestones: 'Timeline',
  };
  if (Object.hasOwn(fixed, path)) return fixed[path];
  const m = /^milestones\.(\d+)(?:\.(kind|label|date))?$/.exec(path);
  if (!m) return undefined;
  const n = Number(m[1]) + 1;
  return m[2] === 'label'
    ? `Milestone ${n} label`
    : m[2] === 'date'
      ? `Milestone ${n} date`
      : `Milestone ${n}`;
}

const proposed = (year: number): MilestoneDraft[] =>
  suggestedMilestones(year).map((m) => ({ ...m, label: MILESTONE_LABELS[m.kind] }));

/** Create or edit a forum: title, topic, year, mandate and its timeline of milestones. */
export function ForumForm({ forum, onSaved }: { forum?: Forum; onSaved: (f: Forum) => void }) {
  const client = useClient();
  const thisYear = new Date().getUTCFullYear();
  const zf = useZodForm({
    schema: forumsSchemas['forums.create'],
    initialValues: {
      title: forum?.title ?? '',
      topic: forum?.topic ?? '',
      year: forum?.year ?? thisYear,
      mandate: forum?.mandate ?? '',
      milestones:
        forum?.milestones.map((m) => ({ kind: m.kind, label: m.label, date: m.date })) ??
        proposed(thisYear),
    } as ForumDraft,
    toInput: (v: ForumDraft) => ({
      title: v.title,
      topic: v.topic,
      year: v.year === '' ? (undefined as unknown as number) : Number(v.year),
      mandate: v.mandate,
      milestones: v.milestones.map((m) => ({ kind: m.kind, label: m.label, date: m.date })),
    }),
    labels: forumLabel,
  });
  const { form } = zf;
  const milestones = form.values.milestones;
  const year = form.values.year;
  /** The year the milestones were proposed or last moved for. */
  const milestonesYear = useRef<number>(forum?.year ?? thisYear);
  /** A new forum's untouched proposals move with its year without asking. */
  const edited = useRef(forum !== undefined);
  const [move, setMove] = useState<{ from: number; to: number } | null>(null);

  const setMilestone = (i: number, patch: Partial<MilestoneDraft>) => {
    edited.current = true;
    form.setFieldValue(`milestones.${i}`, { ...form.getValues().milestones[i], ...patch });
    for (const k of Object.keys(patch)) form.clearFieldError(`milestones.${i}.${k}`);
  };

  const onYear = (value: number | string) => {
    form.setFieldValue('year', value);
    form.clearFieldError('year');
    const to = typeof value === 'number' ? value : Number(value);
    const from = milestonesYear.current;
    if (!isForumYear(to) || to === from) return;
    if (form.getValues().milestones.length === 0) {
      milestonesYear.current = to;
    } else if (!edited.current) {
      form.setFieldValue('milestones', moveMilestones(form.getValues().milestones, from, to));
      milestonesYear.current = to;
    } else setMove({ from, to });
  };

  const confirmMove = (moveThem: boolean) => {
    if (!move) return;
    if (moveThem)
      form.setFieldValue(
        'milestones',
        moveMilestones(form.getValues().milestones, move.from, move.to),
      );
    milestonesYear.current = move.to;
    setMove(null);
  };

  const forumYear = typeof year === 'number' ? year : Number(year);

  return (
    <form
      onSubmit={zf.onSubmit(async (fields) => {
        const result = forum
          ? await client.call('forums.update', { id: forum.id, ...fields })
          : await client.call('forums.create', fields);
        if (result.ok) onSaved(result.value);
        else return result;
      })}
      noValidate
    >
      <Stack>
        <ErrorSummary {...zf.summary} />
        <TextInput
          label="Title"
          description="For example: BPF Gender and Access"
          required
          {...form.getInputProps('title')}
          data-autofocus
        />
        <TextInput label="Topic" {...form.getInputProps('topic')} />
        <NumberInput
          label="Year"
          required
          min={2006}
          max={2100}
          // Not clamped on blur: the error summary takes focus after a failed submit, and a silent
          // change of 1999 to 2006 cleared the error and moved the milestones behind the user.
          clampBehavior="none"
          {...form.getInputProps('year')}
          onChange={onYear}
          description="Milestones are proposed for this year and move with it"
        />
        <Textarea
          label="Mandate and scope"
          autosize
          minRows={3}
          {...form.getInputProps('mandate')}
        />
        <Fieldset legend="Timeline">
          <Stack gap="xs">
            {milestones.map((m, i) => (
              <Group key={form.key(`milestones.${i}`)} align="flex-start" wrap="nowrap">
                <NativeSelect
                  label={`Milestone ${i + 1}`}
                  data={MILESTONE_KINDS.map((k) => ({ value: k, label: MILESTONE_LABELS[k] }))}
                  {...form.getInputProps(`milestones.${i}.kind`)}
                  onChange={(e) => {
                    const kind = e.currentTarget.value as MilestoneKind;
                    setMilestone(i, {
                      kind,
                      label:
                        m.label === MILESTONE_LABELS[m.kind] ? MILESTONE_LABELS[kind] : m.label,
                    });
                  }}
                />
                <TextInput
                  label={`Milestone ${i + 1} label`}
                  {...form.getInputProps(`milestones.${i}.label`)}
                  onChange={(e) => setMilestone(i, { label: e.currentTarget.value })}
                />
                <TextInput
                  type="date"
                  label={`Milestone ${i + 1} date`}
                  {...form.getInputProps(`milestones.${i}.date`)}
                  onChange={(e) => setMilestone(i, { date: e.currentTarget.value })}
                  description={
                    isForumYear(forumYear) && outsideYear(m.date, forumYear)
                      ? `Outside the forum's year ${forumYear}.`
                      : undefined
                  }
                  styles={{ description: { color: '#a03a0a' } }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mt={24}
                  aria-label={`Remove milestone ${i + 1}`}
                  onClick={() => {
                    edited.current = true;
                    form.removeListItem('milestones', i);
                  }}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() => {
                  edited.current = true;
                  form.insertListItem('milestones', {
                    kind: 'comment_round',
                    label: MILESTONE_LABELS.comment_round,
                    date: '',
                  });
                }}
              >
                Add milestone
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <SubmitButton busy={zf.submitting}>{forum ? 'Save forum' : 'Create forum'}</SubmitButton>
        </Group>
      </Stack>
      <Modal
        opened={move !== null}
        onClose={() => confirmMove(false)}
        title="Move the milestones?"
        centered
      >
        {move && (
          <Stack>
            <Text size="sm">
              The forum&apos;s year changed from {move.from} to {move.to}. Move every milestone by{' '}
              {Math.abs(move.to - move.from)}{' '}
              {Math.abs(move.to - move.from) === 1 ? 'year' : 'years'}{' '}
              {move.to > move.from ? 'later' : 'earlier'}?
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => confirmMove(false)}>
                Keep the dates
              </Button>
              <Button onClick={() => confirmMove(true)} data-autofocus>
                Move milestones
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </form>
  );
}
