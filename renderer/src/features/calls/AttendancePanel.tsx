import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { CallDetails } from '../../../../shared/api';
import {
  ATTENDANCE_STATUSES,
  ATTENDANCE_STATUS_LABELS,
  type AttendanceStatus,
} from '../../../../shared/domain/calls';
import { REGION_LABELS } from '../../../../shared/domain/countries';
import { STAKEHOLDER_GROUP_LABELS } from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
import { useFieldError } from '../../components/forms';
import { AttendanceImport } from './AttendanceImport';
import { CountsTable } from './CountsTable';

const BULK: { status: AttendanceStatus; label: string }[] = [
  { status: 'attended', label: 'Mark attended' },
  { status: 'apologies', label: 'Mark apologies' },
  { status: 'absent', label: 'Mark absent' },
];

export function AttendancePanel({
  call,
  readOnly,
  onSaved,
}: {
  call: CallDetails;
  readOnly: boolean;
  onSaved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);
  const applied = (r: CallDetails | null) => {
    if (r) onSaved(r);
    return r;
  };
  const markSelected = async (status: AttendanceStatus) => {
    const r = applied(
      unwrapOrNotify(
        await client.call('calls.setAttendanceMany', {
          id: call.id,
          participantIds: [...selected],
          status,
        }),
      ),
    );
    if (r) setSelected(new Set());
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = call.attendance.length > 0 && selected.size === call.attendance.length;
  const { counts } = call;
  return (
    <Stack>
      <section aria-label="Attendance counts">
        <Stack gap="xs">
          <Title order={2} size="h4">
            Counts
          </Title>
          <Text>
            Attended: {counts.attended} · Invited: {counts.byStatus.invited} · Apologies:{' '}
            {counts.byStatus.apologies} · Absent: {counts.byStatus.absent}
          </Text>
          <Text size="xs" c="dimmed">
            Counts below 3 are shown as “&lt;3”; when only one cell is that small, another is
            suppressed too so the total does not give it away.
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <CountsTable title="Stakeholder group" cells={counts.byStakeholderGroup} />
            <CountsTable title="Region" cells={counts.byRegion} />
            <CountsTable title="Gender" cells={counts.byGender} />
          </SimpleGrid>
        </Stack>
      </section>
      {call.attendance.length === 0 ? (
        <Text>This forum has no participants yet.</Text>
      ) : (
        <>
          {!readOnly && (
            <Group>
              <Button
                variant="default"
                onClick={async () =>
                  applied(unwrapOrNotify(await client.call('calls.inviteMembers', { id: call.id })))
                }
              >
                Mark all invited
              </Button>
              <Button variant="default" onClick={() => setImporting(true)}>
                Import attendance report
              </Button>
              {BULK.map((b) => (
                <Button
                  key={b.status}
                  variant="light"
                  disabled={selected.size === 0}
                  onClick={() => void markSelected(b.status)}
                >
                  {b.label}
                </Button>
              ))}
              <Text size="sm" aria-live="polite">
                {selected.size > 0 ? `${selected.size} selected` : ''}
              </Text>
            </Group>
          )}
          <Table striped aria-label="Attendance">
            <Table.Thead>
              <Table.Tr>
                {!readOnly && (
                  <Table.Th scope="col">
                    <Checkbox
                      aria-label="Select all members"
                      checked={allSelected}
                      indeterminate={selected.size > 0 && !allSelected}
                      onChange={(e) =>
                        setSelected(
                          e.currentTarget.checked
                            ? new Set(call.attendance.map((a) => a.participantId))
                            : new Set(),
                        )
                      }
                    />
                  </Table.Th>
                )}
                <Table.Th scope="col">Member</Table.Th>
                <Table.Th scope="col">Stakeholder group</Table.Th>
                <Table.Th scope="col">Region</Table.Th>
                <Table.Th scope="col">Minutes in call</Table.Th>
                <Table.Th scope="col">Attendance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {call.attendance.map((a) => (
                <Table.Tr key={a.participantId}>
                  {!readOnly && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${a.fullName}`}
                        checked={selected.has(a.participantId)}
                        onChange={(e) => toggle(a.participantId, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  <Table.Th scope="row">{a.fullName}</Table.Th>
                  <Table.Td>{STAKEHOLDER_GROUP_LABELS[a.stakeholderGroup]}</Table.Td>
                  <Table.Td>{a.region ? REGION_LABELS[a.region] : ''}</Table.Td>
                  <Table.Td>
                    {a.minutesPresent === null
                      ? ''
                      : `${a.minutesPresent} of ${call.durationMinutes}`}
                  </Table.Td>
                  <Table.Td>
                    {readOnly ? (
                      a.status ? (
                        ATTENDANCE_STATUS_LABELS[a.status]
                      ) : (
                        'Not recorded'
                      )
                    ) : (
                      <AttendanceSelect
                        callId={call.id}
                        participantId={a.participantId}
                        fullName={a.fullName}
                        status={a.status}
                        onSaved={onSaved}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {importing && (
        <AttendanceImport
          call={call}
          onClose={() => setImporting(false)}
          onApplied={(c) => {
            setImporting(false);
            onSaved(c);
          }}
        />
      )}
    </Stack>
  );
}

const ATTENDANCE_OPTIONS = [
  { value: '', label: 'Not recorded' },
  ...ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] })),
];

/** A member's attendance, written on change; a refusal is said beside the select, focused. */
function AttendanceSelect({
  callId,
  participantId,
  fullName,
  status,
  onSaved,
}: {
  callId: string;
  participantId: string;
  fullName: string;
  status: AttendanceStatus | null;
  onSaved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const attendance = useFieldError('Attendance');
  return (
    <NativeSelect
      aria-label={`Attendance of ${fullName}`}
      value={status ?? ''}
      onChange={async (e) => {
        const r = attendance.run(
          await client.call('calls.setAttendance', {
            id: callId,
            participantId,
            status: (e.currentTarget.value || null) as AttendanceStatus | null,
          }),
        );
        if (r) onSaved(r);
      }}
      data={ATTENDANCE_OPTIONS}
      {...attendance.inputProps}
    />
  );
}
