import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { CallSlot, TimeSuggestion } from '../../../../shared/api';
import { WEEKDAYS, isoWeekday } from '../../../../shared/domain/burdenSuggest';
import { describeSlot } from '../../../../shared/domain/schedule';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/forms';
import { HeatMap } from './HeatMap';

const fmt = (b: number) => (Math.round(b * 100) / 100).toString();
const dayName = (d: number) => WEEKDAYS[d - 1]?.label ?? '';

function outsideText(minutes: number, side: 'before' | 'after' | null): string {
  if (!side || minutes === 0) return 'Within 08:00–20:00';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const span = [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean).join(' ');
  return side === 'before' ? `${span} before 08:00` : `${span} after 20:00`;
}

/** The visible label of each choice: error sentences start with it. */
const SUGGEST_LABELS: Record<string, string> = {
  slotCount: 'Number of slots',
  days: 'Days',
  keepFixed: 'Keep current slots fixed',
};

/**
 * "Suggest times": the coordinator chooses the number of slots, the days and whether the current
 * slots stay; the suggestion's heat map and each region's worst call are shown before "Accept".
 * Nothing changes until "Accept"; Cancel closes without a write.
 */
export function SuggestTimesDialog({
  opened,
  onClose,
  onAccept,
  forumId,
  dates,
  slots,
  durationMinutes,
  includeWeekends,
}: {
  opened: boolean;
  onClose: () => void;
  onAccept: (s: TimeSuggestion) => Promise<void>;
  forumId: string;
  /** The series' planned call dates (in the slots' zone). */
  dates: string[];
  slots: CallSlot[];
  durationMinutes: number;
  includeWeekends: boolean;
}) {
  const client = useClient();
  const currentDay = dates.length > 0 ? isoWeekday(dates[0]) : 1;
  const [slotCount, setSlotCount] = useState(String(Math.min(3, Math.max(1, slots.length))));
  const [days, setDays] = useState<string[]>([String(currentDay)]);
  const [keepFixed, setKeepFixed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [suggestion, setSuggestion] = useState<TimeSuggestion | null | undefined>(undefined);
  // A refusal of a choice is said beside it, which takes focus; any other is a notification.
  const fields = useFieldErrors(SUGGEST_LABELS, { title: 'No suggestion' });

  const suggest = async () => {
    setBusy(true);
    const r = await client.call('calls.suggestTimes', {
      forumId,
      dates,
      durationMinutes,
      includeWeekends,
      days: days.map(Number),
      slotCount: Number(slotCount),
      current: slots,
      keepFixed,
    });
    setBusy(false);
    const v = fields.run(r);
    if (r.ok) setSuggestion(v);
  };
  // A changed choice makes the shown suggestion stale: it must be asked for again.
  const changed = () => setSuggestion(undefined);

  return (
    <Modal opened={opened} onClose={onClose} title="Suggest times" size="xl">
      <Stack>
        <Radio.Group
          label="Number of slots"
          description="The calls rotate through the slots in order."
          value={slotCount}
          {...fields.inputProps('slotCount')}
          onChange={(v) => {
            setSlotCount(v);
            changed();
          }}
        >
          <Group mt="xs">
            {['1', '2', '3'].map((n) => (
              <Radio key={n} value={n} label={n === '1' ? '1 slot' : `${n} slots`} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label="Days"
          description={`The calls are now on ${dayName(currentDay)}s; they move to the best chosen day.`}
          value={days}
          {...fields.inputProps('days')}
          error={days.length === 0 ? 'Choose at least one day.' : fields.error('days')}
          onChange={(v) => {
            setDays(v);
            changed();
          }}
        >
          <Group mt="xs">
            {WEEKDAYS.map((d) => (
              <Checkbox key={d.day} value={String(d.day)} label={d.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox
          label="Keep current slots fixed"
          description={slots.map(describeSlot).join('; ')}
          checked={keepFixed}
          {...fields.inputProps('keepFixed')}
          onChange={(e) => {
            setKeepFixed(e.currentTarget.checked);
            changed();
          }}
        />
        <Group>
          <Button onClick={() => void suggest()} loading={busy} disabled={days.length === 0}>
            Show suggestion
          </Button>
        </Group>
        {suggestion === null && (
          <Text>No member has a time zone yet: there is nothing to suggest.</Text>
        )}
        {suggestion && (
          <Stack aria-label="Suggestion" component="section">
            <Title order={3} size="h5">
              Suggestion
            </Title>
            <Text>
              {suggestion.day ? `${dayName(suggestion.day)}s` : ''}:{' '}
              {suggestion.slots
                .map(
                  (s, i) =>
                    `slot ${i + 1} ${describeSlot(s)}${suggestion.fixed?.[i] ? ' (kept)' : ''}`,
                )
                .join('; ')}
              . Worst single call {fmt(suggestion.worstCallBurden)}, worst region average{' '}
              {fmt(suggestion.worstRegionBurden)}
              {suggestion.current
                ? ` (now ${fmt(suggestion.current.worstCallBurden)} and ${fmt(suggestion.current.worstRegionBurden)}).`
                : '.'}
            </Text>
            {suggestion.report && <HeatMap report={suggestion.report} slots={suggestion.slots} />}
            <Table withTableBorder aria-label="Worst call per region" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Region</Table.Th>
                  <Table.Th scope="col">Worst call (local time)</Table.Th>
                  <Table.Th scope="col">Outside 08:00–20:00</Table.Th>
                  <Table.Th scope="col">Burden</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(suggestion.worstCalls ?? []).map((w) => (
                  <Table.Tr key={w.region}>
                    <Table.Th scope="row">{w.label}</Table.Th>
                    <Table.Td>
                      {w.localStart} in {w.zone} (slot {w.slot}, {w.date})
                    </Table.Td>
                    <Table.Td>{outsideText(w.outsideMinutes, w.side)}</Table.Td>
                    <Table.Td>{fmt(w.burden)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
        {suggestion === undefined && (
          <Alert color="gray" variant="light" role="status">
            Choose, then “Show suggestion”. The slots change only when you accept.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!suggestion}
            loading={accepting}
            onClick={async () => {
              if (!suggestion) return;
              setAccepting(true);
              await onAccept(suggestion);
              setAccepting(false);
            }}
          >
            Accept
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
