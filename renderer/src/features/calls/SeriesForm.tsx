import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { CallSeries, CallSeriesDetails, CallSlot } from '../../../../shared/api';
import { describeSlot } from '../../../../shared/domain/schedule';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';
import { FoldChoice } from './FoldChoice';
import { ZonePicker } from './ZonePicker';

interface Draft {
  title: string;
  firstDate: string;
  cadenceWeeks: number | string;
  ends: 'date' | 'count';
  endDate: string;
  occurrenceCount: number | string;
  durationMinutes: number | string;
  slots: CallSlot[];
  meetingLink: string;
  description: string;
  /** Minutes before each call, as strings for the checkbox group. */
  reminders: string[];
}

const REMINDER_CHOICES = [
  { value: '10080', label: '1 week before' },
  { value: '1440', label: '1 day before' },
  { value: '60', label: '1 hour before' },
  { value: '15', label: '15 minutes before' },
];

function draftOf(s?: CallSeries): Draft {
  return {
    title: s?.title ?? '',
    firstDate: s?.firstDate ?? '',
    cadenceWeeks: s?.cadenceWeeks ?? 2,
    ends: s?.occurrenceCount ? 'count' : 'date',
    endDate: s?.endDate ?? '',
    occurrenceCount: s?.occurrenceCount ?? 10,
    durationMinutes: s?.durationMinutes ?? 60,
    slots: s?.slots ?? [{ time: '15:00', zone: 'UTC' }],
    meetingLink: s?.meetingLink ?? '',
    description: s?.description ?? '',
    reminders: (s?.reminders ?? []).map(String),
  };
}

const num = (v: number | string) => (typeof v === 'number' ? v : Number(v));

/** The fields of a series as the backend wants them. */
export function seriesInput(d: Draft) {
  return {
    title: d.title,
    firstDate: d.firstDate,
    cadenceWeeks: num(d.cadenceWeeks),
    endDate: d.ends === 'date' ? d.endDate || null : null,
    occurrenceCount: d.ends === 'count' ? num(d.occurrenceCount) : null,
    durationMinutes: num(d.durationMinutes),
    slots: d.slots,
    meetingLink: d.meetingLink,
    description: d.description,
    reminders: d.reminders.map(Number),
  };
}

/** "New call series" / "Edit series". */
export function SeriesFormModal({
  opened,
  onClose,
  forumId,
  series,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  forumId: string;
  series?: CallSeries;
  onSaved: (s: CallSeriesDetails) => void;
}) {
  const client = useClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(series));
  const [saving, setSaving] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setSlot = (i: number, patch: Partial<CallSlot>) =>
    setDraft((d) => ({ ...d, slots: d.slots.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSaving(true);
    const input = seriesInput(draft);
    const r = series
      ? await client.call('callSeries.update', { id: series.id, ...input })
      : await client.call('callSeries.create', { forumId, ...input });
    setSaving(false);
    if (!r.ok) {
      show(r.error);
      return;
    }
    onSaved(r.value);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={series ? 'Edit call series' : 'New call series'}
      size="xl"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <TextInput
            label="Title"
            required
            value={draft.title}
            error={errors.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label="First date"
              required
              value={draft.firstDate}
              error={errors.firstDate}
              onChange={(e) => set('firstDate', e.currentTarget.value)}
            />
            <NumberInput
              label="Every (weeks)"
              min={1}
              max={12}
              value={draft.cadenceWeeks}
              error={errors.cadenceWeeks}
              onChange={(v) => set('cadenceWeeks', v)}
            />
            <NumberInput
              label="Duration (minutes)"
              min={15}
              max={480}
              step={15}
              value={draft.durationMinutes}
              error={errors.durationMinutes}
              onChange={(v) => set('durationMinutes', v)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Ends"
              value={draft.ends}
              onChange={(e) => set('ends', e.currentTarget.value as Draft['ends'])}
              data={[
                { value: 'date', label: 'On an end date' },
                { value: 'count', label: 'After a number of calls' },
              ]}
            />
            {draft.ends === 'date' ? (
              <TextInput
                type="date"
                label="End date"
                value={draft.endDate}
                error={errors.endDate}
                onChange={(e) => set('endDate', e.currentTarget.value)}
              />
            ) : (
              <NumberInput
                label="Number of calls"
                min={1}
                max={200}
                value={draft.occurrenceCount}
                error={errors.occurrenceCount}
                onChange={(v) => set('occurrenceCount', v)}
              />
            )}
          </SimpleGrid>
          <Fieldset legend="Time slots (the calls rotate through them in order)">
            <Stack>
              {draft.slots.map((slot, i) => (
                <Stack key={i} gap={4}>
                  <Group align="flex-end" wrap="wrap">
                    <TextInput
                      type="time"
                      label={`Slot ${i + 1} time`}
                      value={slot.time}
                      error={errors[`slots.${i}.time`]}
                      onChange={(e) => setSlot(i, { time: e.currentTarget.value, fold: undefined })}
                    />
                    <ZonePicker
                      label={`Slot ${i + 1} fixed in`}
                      value={slot.zone}
                      error={errors[`slots.${i}.zone`]}
                      onChange={(zone) => setSlot(i, { zone, fold: undefined })}
                    />
                    {draft.slots.length > 1 && (
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          set(
                            'slots',
                            draft.slots.filter((_, j) => j !== i),
                          )
                        }
                      >
                        Remove slot {i + 1}
                      </Button>
                    )}
                  </Group>
                  <FoldChoice
                    label={`Slot ${i + 1}: which ${slot.time}?`}
                    value={slot.fold}
                    error={errors[`slots.${i}.fold`]}
                    onChange={(fold) => setSlot(i, { fold })}
                  />
                  <Text size="xs" c="dimmed">
                    {describeSlot(slot)}
                  </Text>
                </Stack>
              ))}
              {errors.slots && (
                <Text c="red" size="sm">
                  {errors.slots}
                </Text>
              )}
              {draft.slots.length < 3 && (
                <Button
                  variant="default"
                  onClick={() => set('slots', [...draft.slots, { time: '06:00', zone: 'UTC' }])}
                >
                  Add a slot to the rotation
                </Button>
              )}
            </Stack>
          </Fieldset>
          <TextInput
            label="Meeting link"
            description="Shared only with participants, never in public calendars."
            value={draft.meetingLink}
            error={errors.meetingLink}
            onChange={(e) => set('meetingLink', e.currentTarget.value)}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={draft.description}
            error={errors.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          <Checkbox.Group
            label="Reminders"
            description="Calendar alerts before each call (VALARM in the .ics)."
            value={draft.reminders}
            error={errors.reminders}
            onChange={(v) => set('reminders', v)}
          >
            <Group mt="xs">
              {REMINDER_CHOICES.map((c) => (
                <Checkbox key={c.value} value={c.value} label={c.label} />
              ))}
            </Group>
          </Checkbox.Group>
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {series ? 'Save series' : 'Create series'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
