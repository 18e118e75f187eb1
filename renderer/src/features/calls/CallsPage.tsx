import { Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { CallSeries, Forum, TimelineEntry } from '../../../../shared/api';
import { describeSlot } from '../../../../shared/domain/schedule';
import type { Audience } from '../../../../shared/domain/vocabulary';
import { useAudience, useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
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
  const audience = useAudience();
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
        audience={audience}
        onBack={() => setView(null)}
        onOpenCall={(callId) => open('call', callId)}
      />
    );
  if (view === 'call' && id) return <CallPage callId={id} audience={audience} onBack={back} />;
  return (
    <CallsOverview
      forum={forum}
      audience={audience}
      onOpenSeries={(seriesId) => open('series', seriesId)}
      onOpenCall={(callId) => open('call', callId)}
    />
  );
}

function TimelineTable({
  label,
  entries,
  onOpenCall,
  empty,
}: {
  label: string;
  entries: TimelineEntry[];
  onOpenCall: (id: string) => void;
  empty: string;
}) {
  if (entries.length === 0) return <Text>{empty}</Text>;
  return (
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">What</Table.Th>
          <Table.Th scope="col">UTC</Table.Th>
          <Table.Th scope="col">Your time</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
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
                {e.status === 'cancelled'
                  ? 'Cancelled'
                  : e.status === 'scheduled'
                    ? 'Scheduled'
                    : e.status}
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
  audience,
  onOpenSeries,
  onOpenCall,
}: {
  forum: Forum;
  audience: Audience;
  onOpenSeries: (id: string) => void;
  onOpenCall: (id: string) => void;
}) {
  const client = useClient();
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
  const past = timeline.filter((e) => e.startAt + e.durationMinutes * 60_000 < now).reverse();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>Calls</Title>
          <Text c="dimmed">
            Virtual calls across time zones. Times are shown in UTC and in your zone ({userZone()}).
          </Text>
        </Stack>
        {audience === 'coordinators' && (
          <Button onClick={() => setCreating(true)}>New call series</Button>
        )}
      </Group>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Call series
        </Title>
        {series.length === 0 ? (
          <Text>
            No call series yet.{' '}
            {audience === 'coordinators' && 'Use “New call series” to plan fortnightly calls.'}
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
