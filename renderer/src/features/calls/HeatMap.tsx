import { Group, Stack, Table, Text } from '@mantine/core';
import type { BurdenReport, CallSlot } from '../../../../shared/api';
import { BURDEN_LEGEND, BURDEN_MODEL, MAX_BURDEN } from '../../../../shared/domain/burden';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Light green (no burden) to dark red (the night). */
export function burdenColour(b: number): string {
  const t = Math.min(1, Math.max(0, b / MAX_BURDEN));
  const hue = 130 - 130 * t;
  // Light enough for dark text at every burden (axe: 4.5:1; white text failed on the oranges).
  const light = 92 - 30 * t;
  return `hsl(${hue.toFixed(0)}, 70%, ${light.toFixed(0)}%)`;
}

const fmt = (b: number) => (Math.round(b * 10) / 10).toString();

/**
 * Regions x 24 UTC hours, coloured by average burden. It is a real table: every cell has its value
 * as text and a label ("Europe at 06:00 UTC: burden 1.5"), so it reads without the colours.
 */
export function HeatMap({ report, slots }: { report: BurdenReport; slots: CallSlot[] }) {
  if (report.regions.length === 0)
    return (
      <Text>
        No member has a time zone yet. Add time zones to participants to see who bears which hours.
      </Text>
    );
  const slotHours = new Set(
    slots.filter((s) => s.zone === 'UTC').map((s) => Number(s.time.slice(0, 2))),
  );
  return (
    <Stack gap="xs">
      {/* Focusable so the keyboard can scroll it (axe: scrollable-region-focusable). */}
      <Table.ScrollContainer
        minWidth={900}
        type="native"
        tabIndex={0}
        aria-label="Heat map, scrolls sideways"
      >
        <Table
          withTableBorder
          withColumnBorders
          fz="xs"
          aria-label="Burden heat map"
          style={{ tableLayout: 'fixed' }}
        >
          <Table.Caption>
            Average burden per region at each hour (UTC), from 0 (working day) to 4 (the night).
            {report.dates.length > 1 && ` Averaged over ${report.dates.length} call dates.`}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={170}>
                Region (members)
              </Table.Th>
              {HOURS.map((h) => (
                <Table.Th
                  key={h}
                  scope="col"
                  ta="center"
                  px={0}
                  style={slotHours.has(h) ? { outline: '2px solid #1c7ed6' } : undefined}
                >
                  {String(h).padStart(2, '0')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.regions.map((r) => (
              <Table.Tr key={r.region}>
                <Table.Th scope="row">
                  {r.label} ({r.members})
                </Table.Th>
                {r.hours.map((b, h) => (
                  <Table.Td
                    key={h}
                    ta="center"
                    px={0}
                    aria-label={`${r.label} at ${hh(h)} UTC: burden ${fmt(b)}`}
                    style={{ background: burdenColour(b), color: '#111' }}
                  >
                    {fmt(b)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" aria-label="Legend">
        {BURDEN_LEGEND.map((l) => (
          <Group key={l.burden} gap={4}>
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                background: burdenColour(l.burden),
                border: '1px solid #999',
              }}
            />
            <Text size="xs">
              {l.burden}: {l.label}
            </Text>
          </Group>
        ))}
      </Group>
      <Text size="xs" c="dimmed" maw={720}>
        {BURDEN_MODEL}
      </Text>
      {report.withoutZone > 0 && (
        <Text size="xs" c="dimmed">
          {report.withoutZone} member{report.withoutZone === 1 ? ' has' : 's have'} no time zone and
          {report.withoutZone === 1 ? ' is' : ' are'} not counted.
        </Text>
      )}
    </Stack>
  );
}

/** Per region: each slot's local start times and average burden. */
export function SlotBurdenTable({ report, slots }: { report: BurdenReport; slots: CallSlot[] }) {
  if (slots.length === 0 || report.regions.length === 0) return null;
  return (
    <Table withTableBorder aria-label="Local times and burden of each slot" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Region</Table.Th>
          {slots.map((s, i) => (
            <Table.Th key={i} scope="col">
              Slot {i + 1}: {s.time} {s.zone}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.regions.map((r) => (
          <Table.Tr key={r.region}>
            <Table.Th scope="row">{r.label}</Table.Th>
            {r.slots.map((s, i) => (
              <Table.Td key={i}>
                {s.localTimes.length <= 3
                  ? s.localTimes.join(', ')
                  : `${s.localTimes[0]} – ${s.localTimes[s.localTimes.length - 1]}`}{' '}
                · burden {fmt(s.burden)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
