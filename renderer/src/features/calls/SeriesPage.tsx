import {
  Alert,
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
import { useCallback, useEffect, useState } from 'react';
import type {
  BurdenReport,
  CallSeriesDetails,
  CallSlot,
  TimeSuggestion,
} from '../../../../shared/api';
import { CALL_STATUS_LABELS } from '../../../../shared/domain/calls';
import { describeSlot } from '../../../../shared/domain/schedule';
import type { Audience } from '../../../../shared/domain/vocabulary';
import { isoDateIn } from '../../../../shared/domain/zones';
import { useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
import { inUserZone, inUtc, inZone, userZone } from './format';
import { HeatMap, SlotBurdenTable } from './HeatMap';
import { SeriesFormModal, seriesInput } from './SeriesForm';
import { CalendarExports, type CalendarExport } from './CalendarExports';

const fmt = (b: number) => (Math.round(b * 100) / 100).toString();

export function SeriesPage({
  seriesId,
  audience,
  onBack,
  onOpenCall,
}: {
  seriesId: string;
  audience: Audience;
  onBack: () => void;
  onOpenCall: (id: string) => void;
}) {
  const client = useClient();
  const [series, setSeries] = useState<CallSeriesDetails | null>(null);
  const [burden, setBurden] = useState<BurdenReport | null>(null);
  const [suggestion, setSuggestion] = useState<TimeSuggestion | null | undefined>(undefined);
  const [suggesting, setSuggesting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [includeWeekends, setIncludeWeekends] = useState(false);
  const [exporting, setExporting] = useState<CalendarExport>(null);
  const coordinator = audience === 'coordinators';

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

  const dates = [...new Set(series.calls.map((c) => isoDateIn('UTC', c.startAt)))];
  const suggest = async () => {
    setSuggesting(true);
    const r = unwrapOrNotify(
      await client.call('calls.suggestTimes', {
        forumId: series.forumId,
        dates,
        durationMinutes: series.durationMinutes,
        includeWeekends,
      }),
    );
    setSuggesting(false);
    setSuggestion(r);
  };
  const accept = async (slots: CallSlot[]) => {
    const r = unwrapOrNotify(
      await client.call('callSeries.update', {
        id: series.id,
        ...seriesInput({
          title: series.title,
          firstDate: series.firstDate,
          cadenceWeeks: series.cadenceWeeks,
          ends: series.occurrenceCount ? 'count' : 'date',
          endDate: series.endDate ?? '',
          occurrenceCount: series.occurrenceCount ?? 1,
          durationMinutes: series.durationMinutes,
          slots,
          meetingLink: series.meetingLink,
          description: series.description,
        }),
      }),
    );
    if (r) {
      setSuggestion(undefined);
      await load();
    }
  };

  const total = series.calls.length;
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
          {coordinator && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit series
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
              <Button onClick={() => void suggest()} loading={suggesting}>
                Suggest times
              </Button>
            </Group>
          )}
        </Group>
        {suggestion === null && <Alert>No member has a time zone: nothing to suggest.</Alert>}
        {suggestion && (
          <Alert color="teal" mb="md" title="Suggested times" aria-label="Suggested times">
            <Stack gap="xs">
              <Text>
                {suggestion.slots.length === 1
                  ? 'One slot'
                  : `A rotation of ${suggestion.slots.length} slots`}{' '}
                fixed in UTC: {suggestion.slots.map((s) => `${s.time} UTC`).join(', then ')}. The
                worst region’s average burden is {fmt(suggestion.worstRegionBurden)} (total{' '}
                {fmt(suggestion.totalBurden)}).
              </Text>
              <Text size="sm">
                {suggestion.perRegion.map((r) => `${r.label}: ${fmt(r.burden)}`).join(' · ')}
              </Text>
              <Group>
                <Button onClick={() => void accept(suggestion.slots)}>Accept suggestion</Button>
                <Button variant="default" onClick={() => setSuggestion(undefined)}>
                  Dismiss
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
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
        <Table striped aria-label="Calls of the series">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Call</Table.Th>
              <Table.Th scope="col">UTC</Table.Th>
              <Table.Th scope="col">Your time</Table.Th>
              <Table.Th scope="col">Planned in</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Open</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.calls.map((c, i) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {i + 1} of {total}
                </Table.Td>
                <Table.Td>{inUtc(c.startAt)}</Table.Td>
                <Table.Td>{inUserZone(c.startAt)}</Table.Td>
                <Table.Td>{c.zone === 'UTC' ? 'UTC' : inZone(c.startAt, c.zone)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={c.status === 'cancelled' ? 'red' : 'blue'} variant="light">
                      {CALL_STATUS_LABELS[c.status]}
                    </Badge>
                    {c.moved && <Badge variant="outline">Moved</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => onOpenCall(c.id)}>
                    Open call {i + 1}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
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
    </Stack>
  );
}
