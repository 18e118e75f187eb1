import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { RepresentationDashboard } from '../../../../shared/api';
import {
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
} from '../../../../shared/domain/representation';
import { FIGURE_PHASE_LABELS, type FigurePhase } from '../../../../shared/domain/stakeholderMap';
import { STAKEHOLDER_GROUP_LABELS, STAKEHOLDER_GROUPS } from '../../../../shared/domain/vocabulary';
import { BarChart, PlanVersusActualChart, TrendChart } from './Charts';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Plan and reality per phase, breakdowns, the trend over the calls. */
export function DashboardTab({
  data,
  onShowAlerts,
  onExport,
}: {
  data: RepresentationDashboard;
  onShowAlerts?: () => void;
  onExport: () => void;
}) {
  const [phase, setPhase] = useState<FigurePhase>('calls');
  const [dimension, setDimension] = useState<Dimension>('stakeholder_group');
  const figures = data.phases.find((p) => p.phase === phase)!;
  const planRows = data.plan
    .map((r) => ({ row: r, a: r.actuals.find((a) => a.phase === phase) }))
    .filter((x) => x.a);

  return (
    <Stack>
      {data.suppressed && (
        <Alert color="grape" title="Suppressed figures">
          Counts of 1 or 2 show as “&lt;3”, and “x” marks a count withheld so that the small ones
          cannot be worked out from the totals: what a public reader would see.
        </Alert>
      )}
      {!data.suppressed && data.alerts.length > 0 && (
        <Alert color="orange" title={`${data.alerts.length} representation alerts`}>
          <Group justify="space-between">
            <Text size="sm">
              {data.alerts
                .slice(0, 2)
                .map((a) => a.message)
                .join(' ')}
            </Text>
            {onShowAlerts && (
              <Button size="compact-sm" variant="light" onClick={onShowAlerts}>
                See all alerts
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <Text>
          {data.callsHeld} {data.callsHeld === 1 ? 'call' : 'calls'} held · {data.sessionsHeld} NRI{' '}
          {data.sessionsHeld === 1 ? 'session' : 'sessions'} held
        </Text>
        <Button variant="default" onClick={onExport}>
          Export figures
        </Button>
      </Group>

      <section aria-label="Participation by phase">
        <Title order={2} size="h4" mb="xs">
          Participation by phase
        </Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Phase</Table.Th>
              <Table.Th>People</Table.Th>
              <Table.Th>Activity</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.phases.map((p) => (
              <Table.Tr key={p.phase}>
                <Table.Td>{p.label}</Table.Td>
                <Table.Td>{p.people.text}</Table.Td>
                <Table.Td>
                  {p.events && p.eventsLabel
                    ? `${p.events.text} ${p.eventsLabel.toLowerCase()}`
                    : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <Group grow>
        <NativeSelect
          label="Phase"
          value={phase}
          onChange={(e) => setPhase(e.currentTarget.value as FigurePhase)}
          data={data.phases.map((p) => ({ value: p.phase, label: FIGURE_PHASE_LABELS[p.phase] }))}
        />
        <NativeSelect
          label="Break down by"
          value={dimension}
          onChange={(e) => setDimension(e.currentTarget.value as Dimension)}
          data={DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))}
        />
      </Group>

      {!figures.tracked ? (
        <Alert color="gray">
          The app does not record participation in {figures.label.toLowerCase()} yet.
        </Alert>
      ) : figures.people.count === 0 ? (
        <Alert color="gray">
          Nobody has taken part in {figures.label.toLowerCase()} yet: record attendance,
          contributions or comments to see the figures.
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <BarChart
          title={`${figures.label} by ${DIMENSION_LABELS[dimension].toLowerCase()}`}
          bars={figures.byDimension[dimension].map((c) => ({ label: c.label, value: c.value }))}
        />
        {planRows.length === 0 ? (
          <Alert color="gray" title="Plan versus actual">
            No cell of the stakeholder map is planned for {figures.label.toLowerCase()}. Plan it in
            the “Stakeholder map” tab.
          </Alert>
        ) : (
          <PlanVersusActualChart
            title={`Plan versus actual: ${figures.label.toLowerCase()}`}
            rows={planRows.map(({ row, a }) => ({
              label: row.label,
              target: a!.target,
              actual: a!.actual,
              met: a!.met,
            }))}
          />
        )}
      </SimpleGrid>

      {data.trend.length === 0 ? (
        <Alert color="gray" title="Attendance over the calls">
          No calls held yet.
        </Alert>
      ) : (
        <TrendChart
          title="Attendance over the calls of the year"
          points={data.trend.map((t) => `${t.title} (${isoDay(t.startAt)})`)}
          series={[
            { label: 'All attendees', values: data.trend.map((t) => t.attended) },
            ...STAKEHOLDER_GROUPS.map((g, i) => ({
              label: STAKEHOLDER_GROUP_LABELS[g],
              values: data.trend.map((t) => t.byGroup[i]),
            })),
            ...(data.suppressed
              ? []
              : [
                  {
                    label: 'Cumulative people',
                    values: data.trend.map((t) => ({
                      count: t.cumulativePeople,
                      text: String(t.cumulativePeople ?? ''),
                    })),
                  },
                ]),
          ]}
        />
      )}
    </Stack>
  );
}
