import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { CommentRound, Forum } from '../../../../shared/api';
import {
  COMMENT_DISPOSITIONS,
  COMMENT_DISPOSITION_LABELS,
  ROUND_PHASE_LABELS,
  type CommentDisposition,
} from '../../../../shared/domain/report';
import { useClient } from '../../api/context';
import { useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { ExportDialog } from '../publish/ExportDialog';
import { CommentCard } from './CommentCard';
import { CommentForm } from './CommentForm';
import { DISPOSITION_COLORS } from './commentOptions';
import { ImportCommentsModal } from './ImportCommentsModal';
import { printReportPdf } from './print';

/** One comment round: its numbered paragraphs, a form to add a comment, every comment answered. */
export function RoundView({
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
