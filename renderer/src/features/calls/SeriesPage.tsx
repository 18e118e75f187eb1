import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
  Checkbox,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  BurdenReport,
  CallSeriesDetails,
  CallSlot,
  CallSummary,
} from '../../../../shared/api';
import { PhaseBadge } from './PhaseBadge';
import { ConfirmDelete, notifyDeleted } from '../../components/undo';
import { describeSlot } from '../../../../shared/domain/schedule';
import { isoDateIn } from '../../../../shared/domain/zones';
import { useClient } from '../../api/context';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { useSortedRows } from '../../components/SortableRows';
import { SortableTh } from '../../components/SortableTh';
import { CALL_PHASE_LABELS } from '../../../../shared/domain/calls';
import { inUserZone, inUtc, inZone, userZone } from './format';
import { HeatMap, SlotBurdenTable } from './HeatMap';
import { SeriesFormModal, seriesInput } from './SeriesForm';
import { SuggestTimesDialog } from './SuggestTimesDialog';
import { datesOnDay } from '../../../../shared/domain/burdenSuggest';
import { CalendarExports, type CalendarExport } from './CalendarExports';

export function SeriesPage({
  seriesId,
  onBack,
  onOpenCall,
}: {
  seriesId: string;
  onBack: () => void;
  onOpenCall: (id: string) => void;
}) {
  const client = useClient();
  const [series, setSeries] = useState<CallSeriesDetails | null>(null);
  const [burden, setBurden] = useState<BurdenReport | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [includeWeekends, setIncludeWeekends] = useState(false);
  const [exporting, setExporting] = useState<CalendarExport>(null);
  // Coordinators see the burden map and the invitation; they change the series when they may write.
  const { coordinators: coordinator, canWrite } = useForumAccess();

  const load = useCallback(async () => {
    const s = unwrapOrNotify(await client.call('callSeries.get', { id: seriesId }));
    if (!s) return;
    setSeries(s);
    // The burden map counts members per region: a coordinators' planning tool.
    if (!coordinator) return;
    const dates = [...new Set(s.calls.map((c) => isoDateIn('UTC', c.startAt)))];
    const b = unwrapOrNotify(
      await client.call('calls.burden', {
        forumId: s.forumId,
        dates,
        slots: s.slots,
        durationMinutes: s.durationMinutes,
        includeWeekends,
      }),
    );
    setBurden(b);
  }, [client, seriesId, coordinator, includeWeekends]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!series) return <Loader aria-label="Loading the series" />;

  // The calls' dates as planned (in each call's zone): their weekday is the series' day.
  const plannedDates = [...new Set(series.calls.map((c) => isoDateIn(c.zone, c.startAt)))];
  // Accepting moves the calls to the suggestion's weekday (within the first call's week).
  const accept = async (slots: CallSlot[], day?: number) => {
    const firstDate = day ? datesOnDay([series.firstDate], day)[0] : series.firstDate;
    const r = unwrapOrNotify(
      await client.call('callSeries.update', {
        id: series.id,
        ...seriesInput({
          title: series.title,
          firstDate,
          cadenceWeeks: series.cadenceWeeks,
          ends: series.occurrenceCount ? 'count' : 'date',
          endDate: series.endDate ?? '',
          occurrenceCount: series.occurrenceCount ?? 1,
          durationMinutes: series.durationMinutes,
          slots,
          meetingLink: series.meetingLink,
          description: series.description,
          reminders: series.reminders.map(String),
        }),
      }),
    );
    if (r) {
      setSuggesting(false);
      await load();
    }
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component="button" onClick={onBack} size="sm">
            ← All calls
          </Anchor>
          <Title order={1}>{series.title}</Title>
          <Text c="dimmed">
            Every {series.cadenceWeeks === 1 ? 'week' : `${series.cadenceWeeks} weeks`} from{' '}
            {series.firstDate}
            {series.endDate
              ? ` to ${series.endDate}`
              : ` for ${series.occurrenceCount} calls`} · {series.durationMinutes} minutes · times
            shown in UTC and in your zone ({userZone()})
          </Text>
        </Stack>
        <Group>
          <ReadOnlyNote />
          {canWrite && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit series
            </Button>
          )}
          {canWrite && (
            <Button color="red" variant="light" onClick={() => setConfirmDelete(true)}>
              Delete series
            </Button>
          )}
          <Button variant="default" onClick={() => setExporting('ics')}>
            Export calendar (.ics)
          </Button>
          {coordinator && (
            <Button variant="default" onClick={() => setExporting('eml')}>
              Invitation e-mail
            </Button>
          )}
        </Group>
      </Group>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Time slots
        </Title>
        <List>
          {series.slots.map((s, i) => (
            <List.Item key={i}>
              Slot {i + 1}: {describeSlot(s)}
            </List.Item>
          ))}
        </List>
        {series.meetingLink && <Text mt="xs">Meeting link: {series.meetingLink}</Text>}
        {series.description && (
          <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {series.description}
          </Text>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Who bears which hours
          </Title>
          {coordinator && (
            <Group>
              <Checkbox
                label="Weekend calls are acceptable"
                checked={includeWeekends}
                onChange={(e) => setIncludeWeekends(e.currentTarget.checked)}
              />
              {canWrite && <Button onClick={() => setSuggesting(true)}>Suggest times</Button>}
            </Group>
          )}
        </Group>
        {burden ? (
          <Stack>
            <HeatMap report={burden} slots={series.slots} />
            <SlotBurdenTable report={burden} slots={series.slots} />
          </Stack>
        ) : (
          <Loader size="sm" aria-label="Loading the heat map" />
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Calls
        </Title>
        <SeriesCallsTable calls={series.calls} onOpenCall={onOpenCall} />
      </Card>
      {suggesting && (
        <SuggestTimesDialog
          opened
          onClose={() => setSuggesting(false)}
          onAccept={(s) => accept(s.slots, s.day)}
          forumId={series.forumId}
          dates={plannedDates}
          slots={series.slots}
          durationMinutes={series.durationMinutes}
          includeWeekends={includeWeekends}
        />
      )}
      {editing && (
        <SeriesFormModal
          opened
          onClose={() => setEditing(false)}
          forumId={series.forumId}
          series={series}
          onSaved={() => {
            setEditing(false);
            void load();
          }}
        />
      )}
      <CalendarExports
        open={exporting}
        onClose={() => setExporting(null)}
        forumId={series.forumId}
        subjectId={series.id}
        calendarKind="series-calendar"
        calendarTitle="Export series calendar"
        emailTitle="Invitation e-mail for the series"
        coordinator={coordinator}
      />
      <ConfirmDelete
        opened={confirmDelete}
        title="Delete this call series?"
        confirmLabel="Delete series"
        onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          setConfirmDelete(false);
          const d = unwrapOrNotify(await client.call('callSeries.remove', { id: series.id }));
          if (d) {
            notifyDeleted(client, d, () => undefined);
            onBack();
          }
        }}
      >
        <Text>
          “{series.title}” and its {series.calls.length} calls go, with their agendas, minutes and
          attendance. Action items stay, without their call.
        </Text>
      </ConfirmDelete>
    </Stack>
  );
}

/** A call of the series with its place in it ("2 of 6"), which stays whatever the order shown. */
interface NumberedCall {
  call: CallSummary;
  n: number;
}

/** The series' calls, in order (by number) until a column header is clicked. */
export function SeriesCallsTable({
  calls,
  onOpenCall,
}: {
  calls: CallSummary[];
  onOpenCall: (id: string) => void;
}) {
  const numbered = useMemo(() => calls.map((call, i) => ({ call, n: i + 1 })), [calls]);
  const { sorted, sort, setSort } = useSortedRows(
    numbered,
    {
      n: (r: NumberedCall) => r.n,
      // The time columns show one instant: they sort by it, not by the text.
      utc: (r: NumberedCall) => r.call.startAt,
      local: (r: NumberedCall) => r.call.startAt,
      zone: (r: NumberedCall) => r.call.zone,
      phase: (r: NumberedCall) => CALL_PHASE_LABELS[r.call.phase],
    },
    { key: 'n', direction: 'asc' },
  );
  const total = calls.length;
  return (
    <Table striped aria-label="Calls of the series">
      <Table.Thead>
        <Table.Tr>
          <SortableTh column="n" sort={sort} onSort={setSort}>
            Call
          </SortableTh>
          <SortableTh column="utc" sort={sort} onSort={setSort}>
            UTC
          </SortableTh>
          <SortableTh column="local" sort={sort} onSort={setSort}>
            Your time
          </SortableTh>
          <SortableTh column="zone" sort={sort} onSort={setSort}>
            Planned in
          </SortableTh>
          <SortableTh column="phase" sort={sort} onSort={setSort}>
            Status
          </SortableTh>
          <Table.Th scope="col">
            <VisuallyHidden>Open</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map(({ call: c, n }) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              {n} of {total}
            </Table.Td>
            <Table.Td>{inUtc(c.startAt)}</Table.Td>
            <Table.Td>{inUserZone(c.startAt)}</Table.Td>
            <Table.Td>{c.zone === 'UTC' ? 'UTC' : inZone(c.startAt, c.zone)}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="wrap">
                <PhaseBadge phase={c.phase} />
                {c.moved && <Badge variant="outline">Moved</Badge>}
              </Group>
            </Table.Td>
            <Table.Td>
              <Button size="compact-sm" variant="subtle" onClick={() => onOpenCall(c.id)}>
                Open call {n}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
