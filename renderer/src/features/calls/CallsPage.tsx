import { Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { CallSeries, Forum, TimelineEntry } from '../../../../shared/api';
import { describeSlot } from '../../../../shared/domain/schedule';
import { useClient } from '../../api/context';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { useSortedRows } from '../../components/SortableRows';
import { SortableTh, type SortState } from '../../components/SortableTh';
import { areaPath, useRouteParam } from '../../app/routes';
import { CallPage } from './CallPage';
import { inUserZone, inUtc, userZone } from './format';
import { SeriesFormModal } from './SeriesForm';
import { SeriesPage } from './SeriesPage';

/**
 * Calls: the timeline of past and upcoming calls (and sessions), the series, one series, one call.
 * Which one is shown is the URL's (`/calls`, `/calls/series/:id`, `/calls/call/:id`).
 */
export function CallsPage({ forum }: { forum: Forum }) {
  const [view, setView] = useRouteParam('calls', 'view');
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const open = (kind: 'series' | 'call', target: string) =>
    void navigate(areaPath('calls', { view: kind, id: target }));
  // Back from a call returns to where it was opened from (the series or the list).
  const back = () => (location.key !== 'default' ? void navigate(-1) : setView(null));
  if (view === 'series' && id)
    return (
      <SeriesPage
        seriesId={id}
        onBack={() => setView(null)}
        onOpenCall={(callId) => open('call', callId)}
      />
    );
  if (view === 'call' && id) return <CallPage callId={id} onBack={back} />;
  return (
    <CallsOverview
      forum={forum}
      onOpenSeries={(seriesId) => open('series', seriesId)}
      onOpenCall={(callId) => open('call', callId)}
    />
  );
}

/** A timeline entry's status as the table shows it. */
function statusLabel(e: TimelineEntry): string {
  return e.status === 'cancelled' ? 'Cancelled' : e.status === 'scheduled' ? 'Scheduled' : e.status;
}

type TimelineColumn = 'what' | 'utc' | 'local' | 'status';

export function TimelineTable({
  label,
  entries,
  onOpenCall,
  empty,
  initialSort,
}: {
  label: string;
  entries: TimelineEntry[];
  onOpenCall: (id: string) => void;
  empty: string;
  /** The order before a header is clicked (upcoming: soonest first; past: latest first). */
  initialSort: SortState<TimelineColumn>;
}) {
  const { sorted, sort, setSort } = useSortedRows(
    entries,
    {
      what: (e: TimelineEntry) => e.title,
      // Both time columns show the same instant: they sort by it, not by the text.
      utc: (e: TimelineEntry) => e.startAt,
      local: (e: TimelineEntry) => e.startAt,
      status: (e: TimelineEntry) => statusLabel(e),
    },
    initialSort,
  );
  if (entries.length === 0) return <Text>{empty}</Text>;
  return (
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <SortableTh column="what" sort={sort} onSort={setSort}>
            What
          </SortableTh>
          <SortableTh column="utc" sort={sort} onSort={setSort}>
            UTC
          </SortableTh>
          <SortableTh column="local" sort={sort} onSort={setSort}>
            Your time
          </SortableTh>
          <SortableTh column="status" sort={sort} onSort={setSort}>
            Status
          </SortableTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((e) => (
          <Table.Tr key={`${e.kind}-${e.id}`}>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Badge variant="light" color={e.kind === 'call' ? 'blue' : 'grape'}>
                  {e.kind === 'call' ? 'Call' : 'Session'}
                </Badge>
                {e.kind === 'call' ? (
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpenCall(e.id)}>
                    {e.title}
                  </Button>
                ) : (
                  <Text size="sm">{e.title}</Text>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{inUtc(e.startAt)}</Table.Td>
            <Table.Td>{inUserZone(e.startAt)}</Table.Td>
            <Table.Td>
              <Badge color={e.status === 'cancelled' ? 'red' : 'gray'} variant="outline">
                {statusLabel(e)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CallsOverview({
  forum,
  onOpenSeries,
  onOpenCall,
}: {
  forum: Forum;
  onOpenSeries: (id: string) => void;
  onOpenCall: (id: string) => void;
}) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const [series, setSeries] = useState<CallSeries[] | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [now] = useState(() => Date.now());

  const load = useCallback(async () => {
    const [s, t] = await Promise.all([
      client.call('callSeries.list', { forumId: forum.id }),
      client.call('timeline.list', { forumId: forum.id }),
    ]);
    setSeries(unwrapOrNotify(s) ?? []);
    setTimeline(unwrapOrNotify(t) ?? []);
  }, [client, forum.id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!series || !timeline) return <Loader aria-label="Loading calls" />;
  const upcoming = timeline.filter((e) => e.startAt + e.durationMinutes * 60_000 >= now);
  const past = timeline.filter((e) => e.startAt + e.durationMinutes * 60_000 < now);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>Calls</Title>
          <Text c="dimmed">
            Virtual calls across time zones. Times are shown in UTC and in your zone ({userZone()}).
          </Text>
        </Stack>
        {canWrite && <Button onClick={() => setCreating(true)}>New call series</Button>}
        <ReadOnlyNote />
      </Group>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Call series
        </Title>
        {series.length === 0 ? (
          <Text>
            No call series yet. {canWrite && 'Use “New call series” to plan fortnightly calls.'}
          </Text>
        ) : (
          <Stack gap="xs">
            {series.map((s) => (
              <Group key={s.id} justify="space-between">
                <Stack gap={0}>
                  <Text fw={600}>{s.title}</Text>
                  <Text size="sm" c="dimmed">
                    {s.callCount} calls · every {s.cadenceWeeks} weeks ·{' '}
                    {s.slots.map((x) => describeSlot(x).split(',')[0]).join(' / ')}
                    {s.nextCallAt !== null && ` · next: ${inUtc(s.nextCallAt)}`}
                  </Text>
                </Stack>
                <Button variant="default" onClick={() => onOpenSeries(s.id)}>
                  Open {s.title}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Upcoming
        </Title>
        <TimelineTable
          label="Upcoming calls and sessions"
          entries={upcoming}
          onOpenCall={onOpenCall}
          empty="Nothing planned yet."
          initialSort={{ key: 'utc', direction: 'asc' }}
        />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Past
        </Title>
        <TimelineTable
          label="Past calls and sessions"
          entries={past}
          onOpenCall={onOpenCall}
          empty="No calls or sessions held yet."
          initialSort={{ key: 'utc', direction: 'desc' }}
        />
      </Card>
      {creating && (
        <SeriesFormModal
          opened
          onClose={() => setCreating(false)}
          forumId={forum.id}
          onSaved={(s) => {
            setCreating(false);
            onOpenSeries(s.id);
          }}
        />
      )}
    </Stack>
  );
}
