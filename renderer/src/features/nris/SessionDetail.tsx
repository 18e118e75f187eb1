import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Forum, Nri, OnsiteSession } from '../../../../shared/api';
import {
  SESSION_ATTENDANCE_LABELS,
  SESSION_ATTENDANCE_STATUSES,
  SESSION_FORMAT_LABELS,
  SESSION_STATUS_LABELS,
  type SessionAttendanceStatus,
} from '../../../../shared/domain/nris';
import { STAKEHOLDER_GROUP_LABELS } from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { invalidateAreas } from '../../api/queries';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { ConfirmDelete, notifyDeleted } from '../../components/undo';
import { ExportDialog } from '../publish/ExportDialog';
import { ParticipantPicker, type PickedParticipant } from '../safeguards/ParticipantPicker';
import { formatInZone, STATUS_COLORS, venueWhen } from './format';
import { SessionForm } from './SessionForm';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function Markdown({ text }: { text: string }) {
  return text.trim() ? (
    <ReactMarkdown remarkPlugins={[remarkGfm]}>{text}</ReactMarkdown>
  ) : (
    <Text c="dimmed">—</Text>
  );
}

/** One session's page: details, notes and outcomes, attendance, calendar export. */
export function SessionDetail({
  id,
  forum,
  nris,
  onBack,
}: {
  id: string;
  forum: Forum;
  nris: Nri[];
  onBack: () => void;
}) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [s, setS] = useState<OnsiteSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [removing, setRemoving] = useState(false);
  // Coordinators see protection and every export audience; they change the session when they may write.
  const { coordinators: coordinator, canWrite } = useForumAccess();

  const load = useCallback(async () => {
    const r = await client.call('sessions.get', { id });
    if (r.ok) {
      setS(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [client, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const setAttendance = async (participantId: string, status: SessionAttendanceStatus | null) => {
    const r = await client.call('sessions.setAttendance', { sessionId: id, participantId, status });
    if (r.ok) setS(r.value);
    else notifications.show({ color: 'red', title: 'Not saved', message: r.error.message });
  };

  const onPicked = async (next: PickedParticipant[]) => {
    if (!s) return;
    const before = new Set(s.attendance.map((a) => a.participantId));
    const after = new Set(next.map((p) => p.id));
    for (const p of next) if (!before.has(p.id)) await setAttendance(p.id, 'attended');
    for (const pid of before) if (!after.has(pid)) await setAttendance(pid, null);
  };

  const remove = async () => {
    setRemoving(false);
    const d = unwrapOrNotify(await client.call('sessions.remove', { id }), 'Not removed');
    if (!d) return;
    // The trash is no area of its own: a restored session is shown again by reading the NRIs' anew.
    notifyDeleted(client, d, () => void invalidateAreas(queryClient, ['nris']));
    onBack();
  };

  return (
    <Stack gap="md">
      <Group>
        <Button variant="subtle" onClick={onBack}>
          ← Back to sessions
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!s ? (
        !error && <Text c="dimmed">Loading…</Text>
      ) : (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={2}>{s.title}</Title>
              <Group gap="xs">
                <Badge color={STATUS_COLORS[s.status]} variant="light">
                  {SESSION_STATUS_LABELS[s.status]}
                </Badge>
                <Badge variant="outline">{SESSION_FORMAT_LABELS[s.format]}</Badge>
              </Group>
            </Stack>
            <Group>
              <Button variant="default" onClick={() => setExporting(true)}>
                Export calendar (.ics)
              </Button>
              <ReadOnlyNote />
              {canWrite && (
                <>
                  <Button variant="default" onClick={() => setEditing(true)}>
                    Edit session
                  </Button>
                  <Button variant="subtle" color="red" onClick={() => setRemoving(true)}>
                    Remove session
                  </Button>
                </>
              )}
            </Group>
          </Group>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Field label="NRI">{s.nriName ?? '—'}</Field>
              <Field label="When (in the venue's time zone)">{venueWhen(s.startAt, s.zone)}</Field>
              <Field label="In UTC">{formatInZone(s.startAt, 'UTC')} UTC</Field>
              <Field label="Duration">{s.durationMinutes} minutes</Field>
              <Field label="Venue">{s.venue || '—'}</Field>
              <Field label="Local hosts">{s.localHosts || '—'}</Field>
            </SimpleGrid>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <section aria-label="Notes">
              <Title order={3} size="h4">
                Notes
              </Title>
              <Markdown text={s.notes} />
            </section>
            <section aria-label="Outcomes">
              <Title order={3} size="h4">
                Outcomes
              </Title>
              <Markdown text={s.outcomes} />
            </section>
          </SimpleGrid>
          <section aria-label="Attendance">
            <Stack gap="sm">
              <Title order={3} size="h4">
                Attendance
              </Title>
              {s.attendance.length === 0 ? (
                <Text c="dimmed">No attendance recorded yet.</Text>
              ) : (
                <Table aria-label="Attendance">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Participant</Table.Th>
                      <Table.Th>Stakeholder group</Table.Th>
                      <Table.Th>Attendance</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.attendance.map((a) => (
                      <Table.Tr key={a.participantId}>
                        <Table.Td>
                          {a.fullName}{' '}
                          {a.isProtected && coordinator && (
                            <Badge color="grape" size="xs">
                              Protected
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{STAKEHOLDER_GROUP_LABELS[a.stakeholderGroup]}</Table.Td>
                        <Table.Td>
                          {canWrite ? (
                            <Group gap="xs" wrap="nowrap">
                              <NativeSelect
                                aria-label={`Attendance of ${a.fullName}`}
                                value={a.status}
                                onChange={(e) =>
                                  void setAttendance(
                                    a.participantId,
                                    e.currentTarget.value as SessionAttendanceStatus,
                                  )
                                }
                                data={SESSION_ATTENDANCE_STATUSES.map((v) => ({
                                  value: v,
                                  label: SESSION_ATTENDANCE_LABELS[v],
                                }))}
                              />
                              <Anchor
                                component="button"
                                type="button"
                                c="red"
                                onClick={() => void setAttendance(a.participantId, null)}
                                aria-label={`Remove ${a.fullName} from the attendance`}
                              >
                                Remove
                              </Anchor>
                            </Group>
                          ) : (
                            SESSION_ATTENDANCE_LABELS[a.status]
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {canWrite && (
                <ParticipantPicker
                  forumId={forum.id}
                  legend="Record attendance"
                  value={s.attendance.map((a) => ({
                    id: a.participantId,
                    fullName: a.fullName,
                    isProtected: a.isProtected,
                  }))}
                  onChange={(next) => void onPicked(next)}
                />
              )}
            </Stack>
          </section>
          <Modal opened={editing} onClose={() => setEditing(false)} title="Edit session" size="xl">
            {editing && (
              <SessionForm
                forumId={forum.id}
                nris={nris}
                session={s}
                onCancel={() => setEditing(false)}
                onSaved={(next) => {
                  setEditing(false);
                  setS(next);
                  notifications.show({ message: 'Session saved.' });
                }}
              />
            )}
          </Modal>
          <ConfirmDelete
            opened={removing}
            title="Remove this session?"
            confirmLabel="Remove session"
            onCancel={() => setRemoving(false)}
            onConfirm={() => void remove()}
          >
            <Text>
              <strong>{s.title}</strong> goes with its attendance, notes and outcomes.
            </Text>
          </ConfirmDelete>
          <ExportDialog
            opened={exporting}
            onClose={() => setExporting(false)}
            forumId={forum.id}
            kind="session-calendar"
            subjectId={s.id}
            title="Export session calendar"
            audiences={coordinator ? ['participants', 'public', 'coordinators'] : ['public']}
            formats={['ics']}
          />
        </>
      )}
    </Stack>
  );
}
