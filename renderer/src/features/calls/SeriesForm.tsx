import {
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
import type { CallSeries, CallSeriesDetails, CallSlot } from '../../../../shared/api';
import { describeSlot } from '../../../../shared/domain/schedule';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { callsSchemas } from '../../../../shared/schemas/calls';
import { FoldChoice } from './FoldChoice';
import { ZonePicker } from './ZonePicker';

type Draft = {
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
};

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

/** A number input's value; an emptied input is not a number (said as "… is required."). */
const num = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);

/** The visible label of each field, by path: error sentences start with it. */
export function seriesLabel(path: string): string | undefined {
  const fixed: Record<string, string> = {
    title: 'Title',
    firstDate: 'First date',
    cadenceWeeks: 'Every (weeks)',
    durationMinutes: 'Duration (minutes)',
    endDate: 'End date',
    occurrenceCount: 'Number of calls',
    slots: 'Time slots',
    meetingLink: 'Meeting link',
    description: 'Description',
    reminders: 'Reminders',
  };
  if (Object.hasOwn(fixed, path)) return fixed[path];
  const m = /^slots\.(\d+)(?:\.(time|zone|fold))?$/.exec(path);
  if (!m) return undefined;
  const n = Number(m[1]) + 1;
  return m[2] === 'time'
    ? `Slot ${n} time`
    : m[2] === 'zone'
      ? `Slot ${n} fixed in`
      : m[2] === 'fold'
        ? `Slot ${n}:`
        : `Slot ${n}`;
}

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
  // One schema for both: a series' fields and rules are the same when planned and when edited.
  const zf = useZodForm({
    schema: callsSchemas['callSeries.create'],
    initialValues: draftOf(series),
    toInput: (d: Draft) => ({ forumId, ...seriesInput(d) }),
    labels: seriesLabel,
    // The schema asks for an end date or a number of calls; the "Ends" choice says which.
    extraChecks: (d): Record<string, string> =>
      d.ends === 'date' && d.endDate === '' ? { endDate: 'End date is required.' } : {},
  });
  const { form } = zf;
  const draft = form.values;
  /** A slot's new time or zone: a fold chosen for the old one no longer applies. */
  const setSlot = (i: number, patch: Partial<CallSlot>) => {
    form.setFieldValue(`slots.${i}`, { ...form.getValues().slots[i], ...patch, fold: undefined });
    for (const k of [...Object.keys(patch), 'fold']) form.clearFieldError(`slots.${i}.${k}`);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={series ? 'Edit call series' : 'New call series'}
      size="xl"
    >
      <form
        onSubmit={zf.onSubmit(async ({ forumId: _forum, ...fields }) => {
          const r = series
            ? await client.call('callSeries.update', { id: series.id, ...fields })
            : await client.call('callSeries.create', { forumId, ...fields });
          if (r.ok) onSaved(r.value);
          else return r;
        })}
        noValidate
      >
        <Stack>
          <ErrorSummary {...zf.summary} />
          <TextInput label="Title" required {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label="First date"
              required
              {...form.getInputProps('firstDate')}
            />
            <NumberInput
              label="Every (weeks)"
              min={1}
              max={12}
              // Not clamped on blur: the summary takes focus after a failed save, and a silent
              // change would take the error away behind the user.
              clampBehavior="none"
              {...form.getInputProps('cadenceWeeks')}
            />
            <NumberInput
              label="Duration (minutes)"
              min={15}
              max={480}
              step={15}
              clampBehavior="none"
              {...form.getInputProps('durationMinutes')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Ends"
              {...form.getInputProps('ends')}
              onChange={(e) => {
                form.setFieldValue('ends', e.currentTarget.value as Draft['ends']);
                form.clearFieldError('endDate');
                form.clearFieldError('occurrenceCount');
              }}
              data={[
                { value: 'date', label: 'On an end date' },
                { value: 'count', label: 'After a number of calls' },
              ]}
            />
            {draft.ends === 'date' ? (
              <TextInput type="date" label="End date" {...form.getInputProps('endDate')} />
            ) : (
              <NumberInput
                label="Number of calls"
                min={1}
                max={200}
                clampBehavior="none"
                {...form.getInputProps('occurrenceCount')}
              />
            )}
          </SimpleGrid>
          <Fieldset legend="Time slots (the calls rotate through them in order)">
            <Stack>
              {draft.slots.map((slot, i) => (
                <Stack key={form.key(`slots.${i}`)} gap={4}>
                  <Group align="flex-end" wrap="wrap">
                    <TextInput
                      type="time"
                      label={`Slot ${i + 1} time`}
                      {...form.getInputProps(`slots.${i}.time`)}
                      onChange={(e) => setSlot(i, { time: e.currentTarget.value })}
                    />
                    <ZonePicker
                      label={`Slot ${i + 1} fixed in`}
                      {...form.getInputProps(`slots.${i}.zone`)}
                      value={slot.zone}
                      onChange={(zone) => setSlot(i, { zone })}
                    />
                    {draft.slots.length > 1 && (
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => form.removeListItem('slots', i)}
                      >
                        Remove slot {i + 1}
                      </Button>
                    )}
                  </Group>
                  <FoldChoice
                    label={`Slot ${i + 1}: which ${slot.time}?`}
                    {...form.getInputProps(`slots.${i}.fold`)}
                    value={slot.fold}
                    onChange={(fold) => {
                      form.setFieldValue(`slots.${i}.fold`, fold);
                      form.clearFieldError(`slots.${i}.fold`);
                    }}
                  />
                  <Text size="xs" c="dimmed">
                    {describeSlot(slot)}
                  </Text>
                </Stack>
              ))}
              {form.errors.slots && (
                <Text c="red" size="sm" id={zf.fieldId('slots')} tabIndex={-1}>
                  {form.errors.slots}
                </Text>
              )}
              {draft.slots.length < 3 && (
                <Button
                  variant="default"
                  onClick={() => {
                    form.insertListItem('slots', { time: '06:00', zone: 'UTC' });
                    form.clearFieldError('slots');
                  }}
                >
                  Add a slot to the rotation
                </Button>
              )}
            </Stack>
          </Fieldset>
          <TextInput
            label="Meeting link"
            description="Shared only with participants, never in public calendars."
            {...form.getInputProps('meetingLink')}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Checkbox.Group
            label="Reminders"
            description="Calendar alerts before each call (VALARM in the .ics)."
            {...form.getInputProps('reminders')}
          >
            <Group mt="xs">
              {REMINDER_CHOICES.map((c) => (
                <Checkbox key={c.value} value={c.value} label={c.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={zf.submitting}>
              {series ? 'Save series' : 'Create series'}
            </SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
