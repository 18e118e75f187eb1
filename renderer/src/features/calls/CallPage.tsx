import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { CallDetails, CountCell } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import {
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_STATUS_LABELS,
  ATTENDANCE_STATUSES,
  ATTENDANCE_STATUS_LABELS,
  CALL_STATUS_LABELS,
  type ActionItemStatus,
  type AttendanceStatus,
} from '../../../../shared/domain/calls';
import { REGION_LABELS } from '../../../../shared/domain/countries';
import { STAKEHOLDER_GROUP_LABELS, type Audience } from '../../../../shared/domain/vocabulary';
import { isoDateIn, timeIn } from '../../../../shared/domain/zones';
import { useClient } from '../../api/context';
import { unwrapOrNotify, useFieldErrors } from '../../components/errors';
import { allZones, inUserZone, inUtc, inZone } from './format';
import { CalendarExports, type CalendarExport } from './CalendarExports';
import { FoldChoice, type Fold } from './FoldChoice';

type Owner = { value: string; label: string };

export function CallPage({
  callId,
  audience,
  onBack,
}: {
  callId: string;
  audience: Audience;
  onBack: () => void;
}) {
  const client = useClient();
  const [call, setCall] = useState<CallDetails | null>(null);
  const [moving, setMoving] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [exporting, setExporting] = useState<CalendarExport>(null);
  const coordinator = audience === 'coordinators';

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
          <Badge color={cancelled ? 'red' : 'blue'} variant="light" size="lg">
            {CALL_STATUS_LABELS[call.status]}
          </Badge>
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
        {coordinator && !cancelled && (
          <Button variant="default" onClick={() => setMoving(true)}>
            Move call
          </Button>
        )}
        {coordinator && !cancelled && (
          <Button color="red" variant="light" onClick={() => setConfirmCancel(true)}>
            Cancel call
          </Button>
        )}
        {coordinator && cancelled && (
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
      </Group>
      <Tabs defaultValue="agenda" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="agenda">Agenda</Tabs.Tab>
          <Tabs.Tab value="minutes">Minutes</Tabs.Tab>
          <Tabs.Tab value="attendance">Attendance</Tabs.Tab>
          <Tabs.Tab value="actions">Action items</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaEditor call={call} owners={owners} readOnly={!coordinator} onSaved={setCall} />
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="md">
          <MinutesEditor call={call} readOnly={!coordinator} onSaved={setCall} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendancePanel call={call} readOnly={!coordinator} onSaved={setCall} />
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <ActionItems call={call} owners={owners} readOnly={!coordinator} onChanged={load} />
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
    </Stack>
  );
}

function MoveDialog({
  call,
  onClose,
  onMoved,
}: {
  call: CallDetails;
  onClose: () => void;
  onMoved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const [zone, setZone] = useState(call.zone);
  const [date, setDate] = useState(isoDateIn(call.zone, call.startAt));
  const [time, setTime] = useState(timeIn(call.zone, call.startAt));
  const [fold, setFold] = useState<Fold | undefined>(undefined);
  const { errors, formError, clear, show } = useFieldErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const r = await client.call('calls.move', { id: call.id, date, time, zone, fold });
    if (r.ok) onMoved(r.value);
    else show(r.error);
  };
  return (
    <Modal opened onClose={onClose} title="Move call">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">Only this call moves; the rest of the series stays as it is.</Text>
          <TextInput
            type="date"
            label="New date"
            value={date}
            error={errors.date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <TextInput
            type="time"
            label="New time"
            value={time}
            error={errors.time}
            onChange={(e) => {
              setTime(e.currentTarget.value);
              setFold(undefined);
            }}
          />
          <FoldChoice
            label={`Which ${time}?`}
            value={fold}
            error={errors.fold}
            onChange={setFold}
          />
          <NativeSelect
            label="Time zone"
            value={zone}
            error={errors.zone}
            onChange={(e) => {
              setZone(e.currentTarget.value);
              setFold(undefined);
            }}
            data={allZones()}
          />
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Move call</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface AgendaDraft {
  title: string;
  ownerId: string;
  minutes: string;
}

function AgendaEditor({
  call,
  owners,
  readOnly,
  onSaved,
}: {
  call: CallDetails;
  owners: Owner[];
  readOnly: boolean;
  onSaved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const [items, setItems] = useState<AgendaDraft[]>(() =>
    call.agenda.map((a) => ({ title: a.title, ownerId: a.ownerId ?? '', minutes: a.minutes })),
  );
  const { errors, formError, clear, show } = useFieldErrors();
  const [saving, setSaving] = useState(false);
  const set = (i: number, patch: Partial<AgendaDraft>) =>
    setItems((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  if (readOnly)
    return call.agenda.length === 0 ? (
      <Text>No agenda yet.</Text>
    ) : (
      <Stack>
        {call.agenda.map((a, i) => (
          <Card withBorder key={a.id}>
            <Text fw={600}>
              {i + 1}. {a.title}
              {a.ownerName && ` · ${a.ownerName}`}
            </Text>
            {a.minutes && <Text style={{ whiteSpace: 'pre-wrap' }}>{a.minutes}</Text>}
          </Card>
        ))}
      </Stack>
    );

  const save = async () => {
    clear();
    setSaving(true);
    const r = await client.call('calls.saveAgenda', {
      id: call.id,
      items: items.map((i) => ({ title: i.title, ownerId: i.ownerId || null, minutes: i.minutes })),
    });
    setSaving(false);
    if (r.ok) onSaved(r.value);
    else show(r.error);
  };

  return (
    <Stack>
      {items.length === 0 && <Text>No agenda yet. Add the first item.</Text>}
      {items.map((item, i) => (
        <Card withBorder key={i}>
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={`Agenda item ${i + 1} title`}
                value={item.title}
                error={errors[`items.${i}.title`]}
                onChange={(e) => set(i, { title: e.currentTarget.value })}
              />
              <NativeSelect
                label={`Agenda item ${i + 1} owner`}
                value={item.ownerId}
                error={errors[`items.${i}.ownerId`]}
                onChange={(e) => set(i, { ownerId: e.currentTarget.value })}
                data={owners}
              />
            </SimpleGrid>
            <Textarea
              label={`Agenda item ${i + 1} minutes`}
              autosize
              minRows={2}
              value={item.minutes}
              onChange={(e) => set(i, { minutes: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button
                variant="subtle"
                color="red"
                onClick={() => setItems((l) => l.filter((_, j) => j !== i))}
              >
                Remove agenda item {i + 1}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      {formError && <Alert color="red">{formError}</Alert>}
      <Group>
        <Button
          variant="default"
          onClick={() => setItems((l) => [...l, { title: '', ownerId: '', minutes: '' }])}
        >
          Add agenda item
        </Button>
        <Button onClick={() => void save()} loading={saving}>
          Save agenda
        </Button>
      </Group>
    </Stack>
  );
}

function MinutesEditor({
  call,
  readOnly,
  onSaved,
}: {
  call: CallDetails;
  readOnly: boolean;
  onSaved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const [text, setText] = useState(call.minutes);
  const [saving, setSaving] = useState(false);
  const preview = (
    <Card withBorder aria-label="Minutes preview">
      {text.trim() ? (
        <Markdown remarkPlugins={[remarkGfm]}>{text}</Markdown>
      ) : (
        <Text c="dimmed">No minutes yet.</Text>
      )}
    </Card>
  );
  if (readOnly) return preview;
  const save = async () => {
    setSaving(true);
    const r = unwrapOrNotify(await client.call('calls.update', { id: call.id, minutes: text }));
    setSaving(false);
    if (r) onSaved(r);
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Stack>
        <Textarea
          label="Minutes (Markdown)"
          autosize
          minRows={10}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={text === call.minutes}>
            Save minutes
          </Button>
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text fw={600}>Preview</Text>
        {preview}
      </Stack>
    </SimpleGrid>
  );
}

function CountsTable({ title, cells }: { title: string; cells: CountCell[] }) {
  return (
    <Table withTableBorder aria-label={title} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{title}</Table.Th>
          <Table.Th scope="col">Attended</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={2}>No attendance recorded.</Table.Td>
          </Table.Tr>
        ) : (
          cells.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row">{c.label}</Table.Th>
              <Table.Td>{c.display}</Table.Td>
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
    </Table>
  );
}

function AttendancePanel({
  call,
  readOnly,
  onSaved,
}: {
  call: CallDetails;
  readOnly: boolean;
  onSaved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const set = async (participantId: string, status: AttendanceStatus | null) => {
    const r = unwrapOrNotify(
      await client.call('calls.setAttendance', { id: call.id, participantId, status }),
    );
    if (r) onSaved(r);
  };
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
                onClick={async () => {
                  const r = unwrapOrNotify(
                    await client.call('calls.inviteMembers', { id: call.id }),
                  );
                  if (r) onSaved(r);
                }}
              >
                Mark everyone not recorded as invited
              </Button>
            </Group>
          )}
          <Table striped aria-label="Attendance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Member</Table.Th>
                <Table.Th scope="col">Stakeholder group</Table.Th>
                <Table.Th scope="col">Region</Table.Th>
                <Table.Th scope="col">Attendance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {call.attendance.map((a) => (
                <Table.Tr key={a.participantId}>
                  <Table.Th scope="row">{a.fullName}</Table.Th>
                  <Table.Td>{STAKEHOLDER_GROUP_LABELS[a.stakeholderGroup]}</Table.Td>
                  <Table.Td>{a.region ? REGION_LABELS[a.region] : ''}</Table.Td>
                  <Table.Td>
                    {readOnly ? (
                      a.status ? (
                        ATTENDANCE_STATUS_LABELS[a.status]
                      ) : (
                        'Not recorded'
                      )
                    ) : (
                      <NativeSelect
                        aria-label={`Attendance of ${a.fullName}`}
                        value={a.status ?? ''}
                        onChange={(e) =>
                          void set(
                            a.participantId,
                            (e.currentTarget.value || null) as AttendanceStatus | null,
                          )
                        }
                        data={[
                          { value: '', label: 'Not recorded' },
                          ...ATTENDANCE_STATUSES.map((s) => ({
                            value: s,
                            label: ATTENDANCE_STATUS_LABELS[s],
                          })),
                        ]}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function ActionItems({
  call,
  owners,
  readOnly,
  onChanged,
}: {
  call: CallDetails;
  owners: Owner[];
  readOnly: boolean;
  onChanged: () => Promise<void>;
}) {
  const client = useClient();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [status, setStatus] = useState<ActionItemStatus>('open');
  const { errors, formError, clear, show } = useFieldErrors();
  const statusData = ACTION_ITEM_STATUSES.map((s) => ({
    value: s,
    label: ACTION_ITEM_STATUS_LABELS[s],
  }));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const r = await client.call('actionItems.create', {
      forumId: call.forumId,
      callId: call.id,
      title,
      ownerId: ownerId || null,
      dueDate: dueDate || null,
      status,
    });
    if (!r.ok) {
      show(r.error);
      return;
    }
    setTitle('');
    setOwnerId('');
    setDueDate('');
    setStatus('open');
    await onChanged();
  };

  return (
    <Stack>
      {call.actionItems.length === 0 ? (
        <Text>No action items yet.</Text>
      ) : (
        <Table striped aria-label="Action items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {call.actionItems.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Th scope="row">{a.title}</Table.Th>
                <Table.Td>{a.ownerName ?? ''}</Table.Td>
                <Table.Td>{a.dueDate ?? ''}</Table.Td>
                <Table.Td>
                  {readOnly ? (
                    ACTION_ITEM_STATUS_LABELS[a.status]
                  ) : (
                    <NativeSelect
                      aria-label={`Status of ${a.title}`}
                      value={a.status}
                      data={statusData}
                      onChange={async (e) => {
                        const r = unwrapOrNotify(
                          await client.call('actionItems.update', {
                            id: a.id,
                            status: e.currentTarget.value as ActionItemStatus,
                          }),
                        );
                        if (r) await onChanged();
                      }}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <form onSubmit={(e) => void add(e)} noValidate aria-label="New action item">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput
                label="Action"
                value={title}
                error={errors.title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
              <NativeSelect
                label="Owner"
                value={ownerId}
                error={errors.ownerId}
                onChange={(e) => setOwnerId(e.currentTarget.value)}
                data={owners}
              />
              <TextInput
                type="date"
                label="Due date"
                value={dueDate}
                error={errors.dueDate}
                onChange={(e) => setDueDate(e.currentTarget.value)}
              />
              <NativeSelect
                label="Status"
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as ActionItemStatus)}
                data={statusData}
              />
            </SimpleGrid>
            {formError && <Alert color="red">{formError}</Alert>}
            <Group>
              <Button type="submit">Add action item</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
