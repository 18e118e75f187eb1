import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { CommentRound, ParticipantRow } from '../../../../shared/api';
import { personLabel } from '../../../../shared/domain/credit';
import type { CommentChannel, RoundPhase } from '../../../../shared/domain/report';
import type { StakeholderGroup } from '../../../../shared/domain/vocabulary';
import { reportSchemas } from '../../../../shared/schemas/report';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { CHANNEL_OPTIONS, GROUP_OPTIONS, refOptions } from './commentOptions';

type CommentDraft = {
  participantId: string;
  commenterName: string;
  anonymous: boolean;
  stakeholderGroup: StakeholderGroup | '';
  ref: string;
  text: string;
  channel: CommentChannel;
  receivedOn: string;
};

/** The visible label of each field of "Add a comment", in a round of `phase`. */
export const commentLabels = (phase: RoundPhase): Record<string, string> => ({
  participantId: 'Participant',
  commenterName: 'Outside commenter name',
  anonymous: 'Anonymous',
  stakeholderGroup: 'Stakeholder group',
  ref: phase === 1 ? 'Section' : 'Paragraph',
  text: 'Comment',
  channel: 'Channel',
  receivedOn: 'Received on',
});

/** Enter one comment: a participant (found by search) or an outside commenter. */
export function CommentForm({
  round,
  forumId,
  onAdded,
}: {
  round: CommentRound;
  forumId: string;
  onAdded: () => void;
}) {
  const client = useClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [matches, setMatches] = useState<ParticipantRow[]>([]);
  const [participant, setParticipant] = useState<ParticipantRow | null>(null);
  const zf = useZodForm({
    schema: reportSchemas['report.addComment'],
    initialValues: {
      participantId: '',
      commenterName: '',
      anonymous: false,
      stakeholderGroup: '',
      ref: '',
      text: '',
      channel: 'email',
      receivedOn: '',
    } as CommentDraft,
    toInput: (d: CommentDraft) => ({
      roundId: round.id,
      participantId: d.participantId || null,
      commenterName: d.participantId ? '' : d.commenterName,
      anonymous: d.anonymous,
      stakeholderGroup: d.stakeholderGroup || null,
      ref: d.ref,
      text: d.text,
      channel: d.channel,
      receivedOn: d.receivedOn || null,
    }),
    labels: commentLabels(round.phase),
  });
  const { form } = zf;

  useEffect(() => {
    if (!debounced) {
      setMatches([]);
      return;
    }
    let live = true;
    void client.call('participants.list', { forumId, search: debounced, limit: 20 }).then((r) => {
      if (live && r.ok) setMatches(r.value.rows);
    });
    return () => {
      live = false;
    };
  }, [client, forumId, debounced]);

  const options = [
    { value: '', label: 'Not a participant (outside commenter)' },
    ...[
      ...(participant && !matches.some((m) => m.id === participant.id) ? [participant] : []),
      ...matches,
    ].map((p) => ({
      value: p.id,
      label: personLabel(p),
    })),
  ];

  return (
    <Paper withBorder p="md">
      <form
        aria-label="Add a comment"
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('report.addComment', input);
          if (!r.ok) return r;
          zf.reset({ ...form.getValues(), text: '', ref: '' });
          onAdded();
        })}
        noValidate
      >
        <Stack gap="sm">
          <Title order={4}>Add a comment</Title>
          <ErrorSummary {...zf.summary} />
          <Fieldset legend="Commenter">
            <Group grow align="flex-start">
              <TextInput
                type="search"
                label="Find participant"
                description="By name, organisation or e-mail"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
              <NativeSelect
                label="Participant"
                description={
                  debounced && matches.length === 0 ? `No participants match “${debounced}”.` : ' '
                }
                {...form.getInputProps('participantId')}
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  const p = [...matches, ...(participant ? [participant] : [])].find(
                    (m) => m.id === id,
                  );
                  setParticipant(p ?? null);
                  form.setFieldValue('participantId', p?.id ?? '');
                  form.clearFieldError('participantId');
                  if (p?.stakeholderGroup && !form.getValues().stakeholderGroup)
                    form.setFieldValue('stakeholderGroup', p.stakeholderGroup);
                }}
                data={options}
              />
            </Group>
            {!participant && (
              <TextInput
                mt="xs"
                label="Outside commenter name"
                description="A person or organisation that is not a participant"
                {...form.getInputProps('commenterName')}
              />
            )}
            <Checkbox
              mt="sm"
              label="Anonymous (shown as “Anonymous” in the appendix and every export)"
              {...form.getInputProps('anonymous', { type: 'checkbox' })}
            />
          </Fieldset>
          <Group grow align="flex-start">
            <NativeSelect
              label="Stakeholder group"
              {...form.getInputProps('stakeholderGroup')}
              data={GROUP_OPTIONS}
            />
            <NativeSelect
              label={round.phase === 1 ? 'Section' : 'Paragraph'}
              {...form.getInputProps('ref')}
              data={refOptions(round)}
            />
            <NativeSelect
              label="Channel"
              {...form.getInputProps('channel')}
              data={CHANNEL_OPTIONS}
            />
            <TextInput type="date" label="Received on" {...form.getInputProps('receivedOn')} />
          </Group>
          <Textarea label="Comment" {...form.getInputProps('text')} autosize minRows={3} required />
          <Group justify="flex-end">
            <SubmitButton busy={zf.submitting}>Add comment</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
