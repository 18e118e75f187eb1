import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import type {
  AttendanceReportPreview,
  AttendanceReportRow,
  CallDetails,
} from '../../../../shared/api';
import { useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
import { useFieldErrors } from '../../components/forms';

type Decision = { kind: 'match'; participantId: string } | { kind: 'ignore' } | { kind: 'open' };

/**
 * "Import attendance report": a platform's participant CSV is matched on the backend; here the
 * coordinator reviews it (unmatched attendees: add as participant, match by hand, or ignore; anyone
 * matching a disruptive actor is flagged with the incident) and records it with a threshold.
 */
export function AttendanceImport({
  call,
  onClose,
  onApplied,
}: {
  call: CallDetails;
  onClose: () => void;
  onApplied: (c: CallDetails) => void;
}) {
  const client = useClient();
  const [preview, setPreview] = useState<AttendanceReportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [minMinutes, setMinMinutes] = useState<number>(10);
  const [members, setMembers] = useState(
    call.attendance.map((a) => ({ value: a.participantId, label: a.fullName })),
  );

  const read = async (file: File | null) => {
    setError(null);
    setPreview(null);
    if (!file) return;
    const r = await client.call('calls.attendancePreview', { id: call.id, csv: await file.text() });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setPreview(r.value);
    setDecisions(
      Object.fromEntries(
        r.value.rows.map((row): [string, Decision] => [
          row.key,
          row.match ? { kind: 'match', participantId: row.match.participantId } : { kind: 'open' },
        ]),
      ),
    );
  };

  const addAsParticipant = async (row: AttendanceReportRow) => {
    const r = unwrapOrNotify(
      await client.call('participants.create', {
        forumId: call.forumId,
        fullName: row.name,
        email: row.email ?? undefined,
        stakeholderGroup: 'civil_society',
      }),
      'Could not add the participant',
    );
    if (!r) return;
    setMembers((m) => [...m, { value: r.id, label: r.fullName }]);
    decide(row.key, { kind: 'match', participantId: r.id });
  };

  const open = preview ? preview.rows.filter((r) => decisions[r.key]?.kind === 'open') : [];
  // The rows recorded, in the order of the entries sent: "entries.2" is the third of them.
  const matched = preview ? preview.rows.filter((r) => decisions[r.key]?.kind === 'match') : [];
  const entryOf = (key: string) => matched.findIndex((r) => r.key === key);
  // A refusal of the threshold or of a row's member is said beside that input, focused; any other
  // (the call went away) is a notification.
  const fields = useFieldErrors((path) => {
    if (path === 'minMinutes') return 'Minimum minutes to count as attended';
    const n = /^entries\.(\d+)$/.exec(path);
    const row = n ? matched[Number(n[1])] : undefined;
    return row ? `Member for ${row.name}` : undefined;
  });
  const decide = (key: string, d: Decision) => {
    // A changed decision renumbers the entries: errors said of the last ones no longer apply.
    fields.clear();
    setDecisions((all) => ({ ...all, [key]: d }));
  };
  const record = async () => {
    if (!preview) return;
    const entries = matched.flatMap((row) => {
      const d = decisions[row.key];
      return d?.kind === 'match' ? [{ participantId: d.participantId, minutes: row.minutes }] : [];
    });
    const r = fields.run(
      await client.call('calls.attendanceApply', { id: call.id, minMinutes, entries }),
    );
    if (r) onApplied(r);
  };
  const nameOf = (id: string) => members.find((m) => m.value === id)?.label ?? '';

  return (
    <Modal opened onClose={onClose} title="Import attendance report" size="xl">
      <Stack>
        <FileInput
          label="Participant report (CSV from Zoom, Microsoft Teams, Webex or Google Meet)"
          accept=".csv,text/csv,text/plain"
          onChange={(f) => void read(f)}
          error={error}
        />
        {preview && (
          <>
            <Text>
              {preview.formatLabel} report: {preview.rows.length} attendees,{' '}
              {preview.rows.filter((r) => r.match).length} matched to members.
            </Text>
            {preview.rows
              .filter((r) => r.actor)
              .map((r) => (
                <Alert key={r.key} color="red" role="alert" title="Disruptive actor in the call">
                  {r.name}
                  {r.email ? ` (${r.email})` : ''} matches the{' '}
                  {r.actor!.excluded ? 'excluded ' : ''}disruptive actor {r.actor!.actorName}.{' '}
                  {r.actor!.incidentId && (
                    <Anchor href={`#/safeguards/incidents/${r.actor!.incidentId}`}>
                      Open the incident
                    </Anchor>
                  )}
                </Alert>
              ))}
            <NumberInput
              label="Minimum minutes to count as attended"
              description={`Shorter stays count as absent (the call is ${preview.callMinutes} minutes).`}
              min={0}
              max={480}
              value={minMinutes}
              onChange={(v) => setMinMinutes(typeof v === 'number' ? v : Number(v) || 0)}
              {...fields.inputProps('minMinutes')}
            />
            <Table striped aria-label="Attendees in the report">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Attendee</Table.Th>
                  <Table.Th scope="col">E-mail</Table.Th>
                  <Table.Th scope="col">Minutes</Table.Th>
                  <Table.Th scope="col">Member</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((row) => {
                  const d = decisions[row.key];
                  return (
                    <Table.Tr key={row.key}>
                      <Table.Th scope="row">{row.name}</Table.Th>
                      <Table.Td>{row.email ?? ''}</Table.Td>
                      <Table.Td>{row.minutes ?? ''}</Table.Td>
                      <Table.Td>
                        {d?.kind === 'ignore' ? (
                          <Group gap="xs">
                            <Text size="sm">Ignored</Text>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => decide(row.key, { kind: 'open' })}
                            >
                              Review {row.name} again
                            </Button>
                          </Group>
                        ) : (
                          <Group gap="xs" wrap="wrap">
                            <NativeSelect
                              aria-label={`Member for ${row.name}`}
                              value={d?.kind === 'match' ? d.participantId : ''}
                              data={[{ value: '', label: 'Not matched' }, ...members]}
                              onChange={(e) =>
                                decide(
                                  row.key,
                                  e.currentTarget.value
                                    ? { kind: 'match', participantId: e.currentTarget.value }
                                    : { kind: 'open' },
                                )
                              }
                              {...fields.inputProps(`entries.${entryOf(row.key)}`)}
                            />
                            {d?.kind === 'match' &&
                              row.match?.participantId === d.participantId && (
                                <Text size="xs">
                                  by {row.match.by === 'email' ? 'e-mail' : 'name'}:{' '}
                                  {nameOf(d.participantId)}
                                </Text>
                              )}
                            {d?.kind === 'open' && (
                              <>
                                <Button
                                  size="compact-sm"
                                  variant="light"
                                  aria-label={`Add ${row.name} as participant`}
                                  onClick={() => void addAsParticipant(row)}
                                >
                                  Add as participant
                                </Button>
                                <Button
                                  size="compact-sm"
                                  variant="default"
                                  aria-label={`Ignore ${row.name}`}
                                  onClick={() => decide(row.key, { kind: 'ignore' })}
                                >
                                  Ignore
                                </Button>
                              </>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {open.length > 0 && (
              <Text size="sm">
                {open.length} unmatched {open.length === 1 ? 'attendee' : 'attendees'} to review:
                add, match by hand or ignore. Unreviewed ones are not recorded.
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button onClick={() => void record()}>Record attendance</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
