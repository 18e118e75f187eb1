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
import { unwrapOrNotify, useFieldErrors } from '../../components/errors';
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

function NewRoundModal({
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
  const [phase, setPhase] = useState<RoundPhase>(report.rounds.length === 0 ? 1 : 2);
  const [title, setTitle] = useState('');
  const [versionId, setVersionId] = useState(newest?.id ?? '');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();

  useEffect(() => {
    if (!opened) return;
    const p: RoundPhase = report.rounds.some((r) => r.phase === 1) ? 2 : 1;
    setPhase(p);
    setTitle(DEFAULT_ROUND_TITLES[p]);
    setVersionId(newest?.id ?? '');
    setOpensOn('');
    setClosesOn('');
    clear();
  }, [opened, report.rounds, newest?.id, clear]);

  const submit = async () => {
    setBusy(true);
    const r = await client.call('report.createRound', {
      reportId: report.id,
      phase,
      title,
      versionId,
      opensOn: opensOn || null,
      closesOn: closesOn || null,
    });
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else show(r.error);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New comment round">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <NativeSelect
            label="Phase"
            value={String(phase)}
            onChange={(e) => {
              const p = Number(e.currentTarget.value) as RoundPhase;
              if (title === DEFAULT_ROUND_TITLES[phase]) setTitle(DEFAULT_ROUND_TITLES[p]);
              setPhase(p);
            }}
            data={([1, 2] as const).map((p) => ({
              value: String(p),
              label: ROUND_PHASE_LABELS[p],
            }))}
            error={errors.phase}
          />
          <TextInput
            label="Title"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
          />
          <NativeSelect
            label="Version commented on"
            value={versionId}
            onChange={(e) => setVersionId(e.currentTarget.value)}
            data={report.versions.map((v) => ({ value: v.id, label: v.name }))}
            error={errors.versionId}
          />
          <Group grow>
            <TextInput
              type="date"
              label="Opens on"
              value={opensOn}
              onChange={(e) => setOpensOn(e.currentTarget.value)}
              error={errors.opensOn}
            />
            <TextInput
              type="date"
              label="Closes on"
              value={closesOn}
              onChange={(e) => setClosesOn(e.currentTarget.value)}
              error={errors.closesOn}
            />
          </Group>
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Open round
            </Button>
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

/** Enter one comment: a participant (found by search) or an outside commenter. */
function CommentForm({
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
  const [commenterName, setCommenterName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [group, setGroup] = useState<StakeholderGroup | ''>('');
  const [ref, setRef] = useState('');
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<CommentChannel>('email');
  const [receivedOn, setReceivedOn] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();

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

  const submit = async () => {
    clear();
    setBusy(true);
    const r = await client.call('report.addComment', {
      roundId: round.id,
      participantId: participant?.id ?? null,
      commenterName: participant ? '' : commenterName,
      anonymous,
      stakeholderGroup: group || null,
      ref,
      text,
      channel,
      receivedOn: receivedOn || null,
    });
    setBusy(false);
    if (!r.ok) return show(r.error);
    setText('');
    setRef('');
    onAdded();
  };

  return (
    <Paper withBorder p="md">
      <form
        aria-label="Add a comment"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={4}>Add a comment</Title>
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
                value={participant?.id ?? ''}
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  const p = [...matches, ...(participant ? [participant] : [])].find(
                    (m) => m.id === id,
                  );
                  setParticipant(p ?? null);
                  if (p?.stakeholderGroup && !group) setGroup(p.stakeholderGroup);
                }}
                data={options}
                error={errors.participantId}
              />
            </Group>
            {!participant && (
              <TextInput
                mt="xs"
                label="Outside commenter name"
                description="A person or organisation that is not a participant"
                value={commenterName}
                onChange={(e) => setCommenterName(e.currentTarget.value)}
                error={errors.commenterName}
              />
            )}
            <Checkbox
              mt="sm"
              label="Anonymous (shown as “Anonymous” in the appendix and every export)"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
            />
          </Fieldset>
          <Group grow align="flex-start">
            <NativeSelect
              label="Stakeholder group"
              value={group}
              onChange={(e) => setGroup(e.currentTarget.value as StakeholderGroup | '')}
              data={GROUP_OPTIONS}
              error={errors.stakeholderGroup}
            />
            <NativeSelect
              label={round.phase === 1 ? 'Section' : 'Paragraph'}
              value={ref}
              onChange={(e) => setRef(e.currentTarget.value)}
              data={refOptions(round)}
              error={errors.ref}
            />
            <NativeSelect
              label="Channel"
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as CommentChannel)}
              data={CHANNEL_OPTIONS}
              error={errors.channel}
            />
            <TextInput
              type="date"
              label="Received on"
              value={receivedOn}
              onChange={(e) => setReceivedOn(e.currentTarget.value)}
              error={errors.receivedOn}
            />
          </Group>
          <Textarea
            label="Comment"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
            autosize
            minRows={3}
            required
          />
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              Add comment
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** One comment with the rapporteur's answer. */
function CommentCard({
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
  const [disposition, setDisposition] = useState<CommentDisposition>(c.disposition);
  const [response, setResponse] = useState(c.response);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();
  const dirty = disposition !== c.disposition || response !== c.response;
  const needsResponse = DISPOSITIONS_NEEDING_RESPONSE.includes(disposition);
  const label = `Comment on ${c.ref || 'the whole document'} by ${c.commenterName}`;

  const respond = async () => {
    clear();
    setBusy(true);
    const r = await client.call('report.respondToComment', { id: c.id, disposition, response });
    setBusy(false);
    if (!r.ok) return show(r.error);
    onChanged(r.value);
    onCountsChanged();
  };

  const remove = async () => {
    const r = unwrapOrNotify(await client.call('report.removeComment', { id: c.id }));
    if (r) onCountsChanged();
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
              onSubmit={(e) => {
                e.preventDefault();
                void respond();
              }}
            >
              <Group align="flex-end" wrap="nowrap">
                <NativeSelect
                  label="Answer"
                  value={disposition}
                  onChange={(e) => setDisposition(e.currentTarget.value as CommentDisposition)}
                  data={COMMENT_DISPOSITIONS.map((d) => ({
                    value: d,
                    label: COMMENT_DISPOSITION_LABELS[d],
                  }))}
                  error={errors.disposition}
                />
                <Textarea
                  label="Response"
                  description={needsResponse ? 'Required: say what was taken and why' : undefined}
                  value={response}
                  onChange={(e) => setResponse(e.currentTarget.value)}
                  error={errors.response}
                  autosize
                  minRows={1}
                  style={{ flex: 1 }}
                />
                <Button type="submit" loading={busy} disabled={!dirty}>
                  Save answer
                </Button>
              </Group>
              {formError && (
                <Alert color="red" mt="xs">
                  {formError}
                </Alert>
              )}
            </form>
            <Group justify="flex-end">
              {removing ? (
                <Group gap="xs">
                  <Text size="sm">Remove this comment?</Text>
                  <Button size="compact-sm" color="red" onClick={() => void remove()}>
                    Remove comment
                  </Button>
                  <Button size="compact-sm" variant="default" onClick={() => setRemoving(false)}>
                    Keep
                  </Button>
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
