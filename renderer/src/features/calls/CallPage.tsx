import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { CallDetails } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { useClient } from '../../api/context';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { inUserZone, inUtc, inZone } from './format';
import { CalendarExports, MinutesExports, type CalendarExport } from './CalendarExports';
import { PhaseBadge } from './PhaseBadge';
import { ConfirmDelete, notifyDeleted } from '../../components/undo';
import { MoveDialog } from './MoveDialog';
import { AgendaEditor } from './AgendaEditor';
import { MinutesEditor } from './MinutesEditor';
import { AttendancePanel } from './AttendancePanel';
import { ActionItems } from './ActionItems';
import type { Owner } from './types';

export function CallPage({ callId, onBack }: { callId: string; onBack: () => void }) {
  const client = useClient();
  const [call, setCall] = useState<CallDetails | null>(null);
  const [moving, setMoving] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [exporting, setExporting] = useState<CalendarExport>(null);
  const [sendingMinutes, setSendingMinutes] = useState<'eml' | 'file' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Coordinators see the invitation and minutes exports; they change the call only when they may write.
  const { coordinators: coordinator, canWrite } = useForumAccess();

  const load = useCallback(async () => {
    const c = unwrapOrNotify(await client.call('calls.get', { id: callId }));
    if (c) setCall(c);
  }, [client, callId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!call) return <Loader aria-label="Loading the call" />;

  const owners: Owner[] = [
    { value: '', label: 'No owner' },
    ...call.attendance.map((a) => ({ value: a.participantId, label: a.fullName })),
  ];
  const cancelled = call.status === 'cancelled';
  const applied = (r: RpcResult<CallDetails>) => {
    const v = unwrapOrNotify(r);
    if (v) setCall(v);
    return v;
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component="button" onClick={onBack} size="sm">
          ← Back
        </Anchor>
        <Group>
          <Title order={1}>{call.title}</Title>
          <PhaseBadge phase={call.phase} size="lg" />
          {call.moved && <Badge variant="outline">Moved</Badge>}
        </Group>
        <Text>
          <strong>{inUtc(call.startAt)}</strong> · your time: {inUserZone(call.startAt)}
          {call.zone !== 'UTC' && ` · planned in ${inZone(call.startAt, call.zone)}`} ·{' '}
          {call.durationMinutes} minutes
        </Text>
        {call.moved && call.originalStartAt !== null && (
          <Text size="sm" c="dimmed">
            Originally {inUtc(call.originalStartAt)}
          </Text>
        )}
        {call.meetingLink && <Text size="sm">Meeting link: {call.meetingLink}</Text>}
      </Stack>
      <Group>
        {canWrite && !cancelled && (
          <Button variant="default" onClick={() => setMoving(true)}>
            Move call
          </Button>
        )}
        {canWrite && !cancelled && (
          <Button color="red" variant="light" onClick={() => setConfirmCancel(true)}>
            Cancel call
          </Button>
        )}
        {canWrite && cancelled && (
          <Button
            variant="default"
            onClick={async () => applied(await client.call('calls.reinstate', { id: call.id }))}
          >
            Reinstate call
          </Button>
        )}
        <Button variant="default" onClick={() => setExporting('ics')}>
          Export call (.ics)
        </Button>
        {coordinator && (
          <Button variant="default" onClick={() => setExporting('eml')}>
            Invitation e-mail
          </Button>
        )}
        {coordinator && (
          <Button variant="default" onClick={() => setSendingMinutes('eml')}>
            Send minutes
          </Button>
        )}
        {coordinator && (
          <Button variant="default" onClick={() => setSendingMinutes('file')}>
            Minutes file
          </Button>
        )}
        {canWrite && call.seriesId === null && (
          <Button color="red" variant="light" onClick={() => setConfirmDelete(true)}>
            Delete call
          </Button>
        )}
        <ReadOnlyNote />
      </Group>
      <Tabs defaultValue="agenda" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="agenda">Agenda</Tabs.Tab>
          <Tabs.Tab value="minutes">Minutes</Tabs.Tab>
          <Tabs.Tab value="attendance">Attendance</Tabs.Tab>
          <Tabs.Tab value="actions">Action items</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaEditor call={call} owners={owners} readOnly={!canWrite} onSaved={setCall} />
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="md">
          <MinutesEditor call={call} readOnly={!canWrite} onSaved={setCall} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendancePanel call={call} readOnly={!canWrite} onSaved={setCall} />
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <ActionItems call={call} owners={owners} readOnly={!canWrite} onChanged={load} />
        </Tabs.Panel>
      </Tabs>
      {moving && (
        <MoveDialog
          call={call}
          onClose={() => setMoving(false)}
          onMoved={(c) => {
            setMoving(false);
            setCall(c);
          }}
        />
      )}
      <Modal
        opened={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title="Cancel this call?"
      >
        <Stack>
          <Text>
            Only this call is cancelled; the rest of the series stays as it is. Calendars exported
            from now on leave it out.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmCancel(false)}>
              Keep the call
            </Button>
            <Button
              color="red"
              onClick={async () => {
                setConfirmCancel(false);
                applied(await client.call('calls.cancel', { id: call.id }));
              }}
            >
              Yes, cancel the call
            </Button>
          </Group>
        </Stack>
      </Modal>
      <CalendarExports
        open={exporting}
        onClose={() => setExporting(null)}
        forumId={call.forumId}
        subjectId={call.id}
        calendarKind="call-calendar"
        calendarTitle="Export call calendar"
        emailTitle="Invitation e-mail for this call"
        coordinator={coordinator}
      />
      <MinutesExports
        open={sendingMinutes}
        onClose={() => setSendingMinutes(null)}
        forumId={call.forumId}
        callId={call.id}
      />
      <ConfirmDelete
        opened={confirmDelete}
        title="Delete this call?"
        confirmLabel="Delete call"
        onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          setConfirmDelete(false);
          const d = unwrapOrNotify(await client.call('calls.remove', { id: call.id }));
          if (d) {
            notifyDeleted(client, d, () => undefined);
            onBack();
          }
        }}
      >
        <Text>“{call.title}” goes with its agenda, minutes and attendance.</Text>
      </ConfirmDelete>
    </Stack>
  );
}
