import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type {
  CommentRound,
  Forum,
  ParticipantRow,
  Report,
  ReportComment,
} from '../../../../shared/api';
import {
  COMMENT_CHANNELS,
  COMMENT_CHANNEL_LABELS,
  COMMENT_DISPOSITIONS,
  COMMENT_DISPOSITION_LABELS,
  DISPOSITIONS_NEEDING_RESPONSE,
  ROUND_PHASE_LABELS,
  type CommentChannel,
  type CommentDisposition,
  type RoundPhase,
} from '../../../../shared/domain/report';
import {
  STAKEHOLDER_GROUPS,
  STAKEHOLDER_GROUP_LABELS,
  type StakeholderGroup,
} from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { useForumAccess } from '../../app/forumAccess';
import { responseProblem } from '../../../../shared/domain/reportComments';
import { reportSchemas } from '../../../../shared/schemas/report';
import { unwrapOrNotify } from '../../components/errors';
import { ErrorSummary, SubmitButton, sentence, useZodForm } from '../../components/forms';
import { ExportDialog } from '../publish/ExportDialog';
import { ImportCommentsModal } from './ImportCommentsModal';
import { printReportPdf } from './print';
import { personLabel } from '../../../../shared/domain/credit';

const DISPOSITION_COLORS: Record<CommentDisposition, string> = {
  pending: 'gray',
  accepted: 'teal',
  partly_accepted: 'lime',
  noted: 'blue',
  declined: 'red',
};
const CHANNEL_OPTIONS = COMMENT_CHANNELS.map((c) => ({
  value: c,
  label: COMMENT_CHANNEL_LABELS[c],
}));
const GROUP_OPTIONS = [
  { value: '', label: 'Not stated' },
  ...STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: STAKEHOLDER_GROUP_LABELS[g] })),
];

type Option = { value: string; label: string };

/** Phase 1: a section; phase 2: a paragraph, grouped under its section. */
function refOptions(round: CommentRound): (Option | { group: string; items: Option[] })[] {
  const whole = { value: '', label: 'The whole document' };
  if (round.phase === 1)
    return [
      whole,
      ...round.paragraphs
        .filter((p) => p.paragraph === null)
        .map((p) => ({ value: p.ref, label: `${p.ref} ${p.sectionTitle}` })),
    ];
  const groups = new Map<string, Option[]>();
  for (const p of round.paragraphs) {
    if (p.paragraph === null) continue;
    const key = `${p.ref.split(' ')[0]} ${p.sectionTitle}`;
    const excerpt = p.excerpt.length > 60 ? `${p.excerpt.slice(0, 60)}…` : p.excerpt;
    groups.set(key, [...(groups.get(key) ?? []), { value: p.ref, label: `${p.ref} — ${excerpt}` }]);
  }
  return [whole, ...[...groups].map(([group, items]) => ({ group, items }))];
}

const DEFAULT_ROUND_TITLES: Record<RoundPhase, string> = {
  1: 'Comments on the outline',
  2: 'Comments on the draft',
};

/** Comment rounds: phase 1 on the outline, phase 2 on a draft paragraph by paragraph. */
export function ConsultationPanel({
  report,
  forum,
  onChanged,
}: {
  report: Report;
  forum: Forum;
  onChanged: () => void;
}) {
  const { canWrite } = useForumAccess();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  if (openId)
    return (
      <RoundView
        roundId={openId}
        forum={forum}
        onBack={() => {
          setOpenId(null);
          onChanged();
        }}
      />
    );

  return (
    <Stack>
      <Group justify="space-between">
        <Text>
          Phase 1 takes comments on the principles and outline, section by section; phase 2 on a
          draft, paragraph by paragraph. Every comment gets an answer.
        </Text>
        {canWrite && (
          <Button onClick={() => setCreating(true)} disabled={report.versions.length === 0}>
            New comment round
          </Button>
        )}
      </Group>
      {report.versions.length === 0 && (
        <Alert color="blue">
          A comment round is held on a saved version: save one on the “Versions” tab first.
        </Alert>
      )}
      {report.rounds.length === 0 ? (
        <Text c="dimmed">No comment rounds yet.</Text>
      ) : (
        <Table striped aria-label="Comment rounds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Round</Table.Th>
              <Table.Th scope="col">Phase</Table.Th>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Dates</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Comments</Table.Th>
              <Table.Th scope="col">Not yet answered</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rounds.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(r.id)}>
                    {r.title}
                  </Button>
                </Table.Td>
                <Table.Td>{ROUND_PHASE_LABELS[r.phase]}</Table.Td>
                <Table.Td>{r.versionName}</Table.Td>
                <Table.Td>
                  {r.opensOn ?? '…'} – {r.closesOn ?? '…'}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.status === 'open' ? 'teal' : 'gray'}>
                    {r.status === 'open' ? 'Open' : 'Closed'}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.commentCount}</Table.Td>
                <Table.Td>{r.pendingCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewRoundModal
        opened={creating}
        onClose={() => setCreating(false)}
        report={report}
        onCreated={(round) => {
          setCreating(false);
          onChanged();
          setOpenId(round.id);
        }}
      />
    </Stack>
  );
}

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

function RoundView({
  roundId,
  forum,
  onBack,
}: {
  roundId: string;
  forum: Forum;
  onBack: () => void;
}) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const [round, setRound] = useState<CommentRound | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [filter, setFilter] = useState<CommentDisposition | ''>('');

  const load = useCallback(async () => {
    const r = await client.call('report.getRound', { id: roundId });
    if (r.ok) setRound(r.value);
    else setFailed(r.error.message);
  }, [client, roundId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (failed) return <Alert color="red">{failed}</Alert>;
  if (!round) return <Loader size="sm" aria-label="Loading the round" />;

  const open = round.status === 'open';
  const setStatus = async () => {
    const next = unwrapOrNotify(
      await client.call('report.updateRound', { id: round.id, status: open ? 'closed' : 'open' }),
    );
    if (next) setRound(next);
  };
  const shown = round.comments.filter((c) => !filter || c.disposition === filter);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Button variant="subtle" size="compact-sm" onClick={onBack} w="fit-content">
            ← All comment rounds
          </Button>
          <Title order={3}>{round.title}</Title>
          <Text size="sm" c="dimmed">
            {ROUND_PHASE_LABELS[round.phase]} · on “{round.versionName}” · {round.opensOn ?? '…'} –{' '}
            {round.closesOn ?? '…'} · {open ? 'Open' : 'Closed'}
          </Text>
        </Stack>
        <Group>
          <Button variant="default" onClick={() => setExporting(true)}>
            Export for comment
          </Button>
          {canWrite && (
            <>
              <Button variant="default" onClick={() => setImporting(true)} disabled={!open}>
                Import comments (CSV)
              </Button>
              <Button variant="default" onClick={() => void setStatus()}>
                {open ? 'Close round' : 'Reopen round'}
              </Button>
            </>
          )}
        </Group>
      </Group>

      <Group gap="xs" role="group" aria-label="Counts per status">
        <Text size="sm" fw={500}>
          {round.commentCount} {round.commentCount === 1 ? 'comment' : 'comments'}:
        </Text>
        {COMMENT_DISPOSITIONS.map((d) => (
          <Badge key={d} variant="light" color={DISPOSITION_COLORS[d]}>
            {COMMENT_DISPOSITION_LABELS[d]}: {round.byDisposition[d] ?? 0}
          </Badge>
        ))}
      </Group>
      {round.commentCount > 0 && round.pendingCount === 0 && (
        <Alert color="teal">Every comment in this round has an answer.</Alert>
      )}

      <details>
        <summary>
          <Text component="span" fw={500}>
            Numbered {round.phase === 1 ? 'sections' : 'paragraphs'} ({round.paragraphs.length})
          </Text>
        </summary>
        <Table aria-label="Numbered paragraphs" mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Section</Table.Th>
              <Table.Th scope="col">Begins</Table.Th>
              <Table.Th scope="col">Comments</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.paragraphs.map((p) => (
              <Table.Tr key={p.ref}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.ref}</Table.Td>
                <Table.Td>{p.sectionTitle}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {p.excerpt}
                  </Text>
                </Table.Td>
                <Table.Td>{round.comments.filter((c) => c.ref === p.ref).length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>

      {!canWrite ? null : open ? (
        <CommentForm round={round} forumId={forum.id} onAdded={() => void load()} />
      ) : (
        <Alert color="gray">This round is closed: reopen it to add comments.</Alert>
      )}

      <Group justify="space-between" align="flex-end">
        <Title order={4}>Comments</Title>
        <NativeSelect
          label="Show"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value as CommentDisposition | '')}
          data={[
            { value: '', label: 'All comments' },
            ...COMMENT_DISPOSITIONS.map((d) => ({
              value: d,
              label: COMMENT_DISPOSITION_LABELS[d],
            })),
          ]}
        />
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed">
          {round.commentCount === 0
            ? 'No comments yet: enter them above or import a CSV file.'
            : 'No comments with this answer.'}
        </Text>
      ) : (
        <Stack gap="sm">
          {shown.map((c) => (
            <CommentCard
              key={c.id}
              comment={c}
              onChanged={(updated) =>
                updated
                  ? setRound((r) =>
                      r
                        ? {
                            ...r,
                            comments: r.comments.map((x) => (x.id === updated.id ? updated : x)),
                          }
                        : r,
                    )
                  : undefined
              }
              onCountsChanged={() => void load()}
            />
          ))}
        </Stack>
      )}

      <ImportCommentsModal
        opened={importing}
        onClose={() => setImporting(false)}
        roundId={round.id}
        onImported={() => {
          setImporting(false);
          void load();
        }}
      />
      {exporting && (
        <ExportDialog
          opened
          onClose={() => setExporting(false)}
          forumId={forum.id}
          kind="report-round"
          subjectId={round.id}
          title="Export the draft for comment"
          audiences={['public', 'participants']}
          formats={['html', 'md', 'pdf', 'docx']}
          printPdf={async (audience) => {
            const out = await printReportPdf(client, {
              forumId: forum.id,
              kind: 'report-round',
              audience,
              subjectId: round.id,
            });
            return out.done ? null : out.message;
          }}
        />
      )}
    </Stack>
  );
}

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

/** The visible label of each field of an answer: error sentences start with it. */
export const ANSWER_LABELS: Record<string, string> = {
  disposition: 'Answer',
  response: 'Response',
};

type AnswerDraft = { disposition: CommentDisposition; response: string };

/** One comment with the rapporteur's answer. */
export function CommentCard({
  comment: c,
  onChanged,
  onCountsChanged,
}: {
  comment: ReportComment;
  onChanged: (c: ReportComment | null) => void;
  onCountsChanged: () => void;
}) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const [removing, setRemoving] = useState(false);
  /** Why the last removal failed, said beside its button. */
  const [removeError, setRemoveError] = useState<string | null>(null);
  const zf = useZodForm({
    schema: reportSchemas['report.respondToComment'],
    initialValues: { disposition: c.disposition, response: c.response } as AnswerDraft,
    toInput: (d: AnswerDraft) => ({ id: c.id, disposition: d.disposition, response: d.response }),
    labels: ANSWER_LABELS,
    // The same rule as the backend's (shared/domain/reportComments.ts), said before sending.
    extraChecks: (d): Record<string, string> => {
      const problem = responseProblem(d.disposition, d.response);
      return problem ? { response: sentence(ANSWER_LABELS.response, problem) } : {};
    },
  });
  const { form } = zf;
  const { disposition, response } = form.values;
  const dirty = disposition !== c.disposition || response !== c.response;
  const needsResponse = DISPOSITIONS_NEEDING_RESPONSE.includes(disposition);
  const label = `Comment on ${c.ref || 'the whole document'} by ${c.commenterName}`;

  const remove = async () => {
    setRemoveError(null);
    const r = await client.call('report.removeComment', { id: c.id });
    if (r.ok) onCountsChanged();
    else setRemoveError(sentence('The comment', r.error.message));
  };

  return (
    <Paper withBorder p="sm" component="article" aria-label={label}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <Badge variant="outline">{c.ref || 'Whole document'}</Badge>
            <Text fw={600} size="sm">
              {c.commenterName}
            </Text>
            {c.isProtected && (
              <Badge size="xs" color="grape">
                Protected: shown by pseudonym
              </Badge>
            )}
            {c.stakeholderGroup && (
              <Text size="sm" c="dimmed">
                {STAKEHOLDER_GROUP_LABELS[c.stakeholderGroup]}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              · {COMMENT_CHANNEL_LABELS[c.channel]}
              {c.receivedOn ? ` · ${c.receivedOn}` : ''}
            </Text>
          </Group>
          <Badge color={DISPOSITION_COLORS[c.disposition]} variant="light">
            {COMMENT_DISPOSITION_LABELS[c.disposition]}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.text}
        </Text>
        {canWrite ? (
          <>
            <form
              onSubmit={zf.onSubmit(async (input) => {
                const r = await client.call('report.respondToComment', input);
                if (!r.ok) return r;
                onChanged(r.value);
                onCountsChanged();
              })}
              noValidate
            >
              <Stack gap="xs">
                <ErrorSummary {...zf.summary} />
                <Group align="flex-end" wrap="nowrap">
                  <NativeSelect
                    label="Answer"
                    {...form.getInputProps('disposition')}
                    data={COMMENT_DISPOSITIONS.map((d) => ({
                      value: d,
                      label: COMMENT_DISPOSITION_LABELS[d],
                    }))}
                  />
                  <Textarea
                    label="Response"
                    description={needsResponse ? 'Required: say what was taken and why' : undefined}
                    {...form.getInputProps('response')}
                    autosize
                    minRows={1}
                    style={{ flex: 1 }}
                  />
                  <SubmitButton busy={zf.submitting} disabled={!dirty}>
                    Save answer
                  </SubmitButton>
                </Group>
              </Stack>
            </form>
            <Group justify="flex-end">
              {removing ? (
                <Group gap="xs">
                  <Text size="sm">Remove this comment?</Text>
                  <Button size="compact-sm" color="red" onClick={() => void remove()}>
                    Remove comment
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => {
                      setRemoving(false);
                      setRemoveError(null);
                    }}
                  >
                    Keep
                  </Button>
                  {removeError && (
                    <Text size="sm" c="red" role="alert">
                      {removeError}
                    </Text>
                  )}
                </Group>
              ) : (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setRemoving(true)}
                >
                  Remove…
                </Button>
              )}
            </Group>
          </>
        ) : (
          c.response && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>Response:</strong> {c.response}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}
