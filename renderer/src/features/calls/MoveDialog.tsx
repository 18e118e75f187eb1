import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { CallDetails } from '../../../../shared/api';
import { isoDateIn, timeIn } from '../../../../shared/domain/zones';
import { callsSchemas } from '../../../../shared/schemas/calls';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { ZonePicker } from './ZonePicker';
import { FoldChoice, type Fold } from './FoldChoice';

type Draft = { date: string; time: string; zone: string; fold: Fold | undefined };

/** The visible label of each field: error sentences start with it. */
export const MOVE_LABELS: Record<string, string> = {
  date: 'New date',
  time: 'New time',
  fold: 'Which time',
  zone: 'Time zone',
};

export function MoveDialog({
  call,
  onClose,
  onMoved,
}: {
  call: CallDetails;
  onClose: () => void;
  onMoved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const zf = useZodForm({
    schema: callsSchemas['calls.move'],
    initialValues: {
      date: isoDateIn(call.zone, call.startAt),
      time: timeIn(call.zone, call.startAt),
      zone: call.zone,
      fold: undefined,
    } as Draft,
    toInput: (d: Draft) => ({
      id: call.id,
      date: d.date,
      time: d.time,
      zone: d.zone,
      fold: d.fold,
    }),
    labels: MOVE_LABELS,
  });
  const { form } = zf;
  const d = form.values;
  /** A new time or zone: a fold chosen for the old one no longer applies. */
  const clearFold = () => {
    form.setFieldValue('fold', undefined);
    form.clearFieldError('fold');
  };
  return (
    <Modal opened onClose={onClose} title="Move call">
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('calls.move', input);
          if (r.ok) onMoved(r.value);
          else return r;
        })}
        noValidate
      >
        <Stack>
          <Text size="sm">Only this call moves; the rest of the series stays as it is.</Text>
          <ErrorSummary {...zf.summary} />
          <TextInput type="date" label="New date" {...form.getInputProps('date')} />
          <TextInput
            type="time"
            label="New time"
            {...form.getInputProps('time')}
            onChange={(e) => {
              form.setFieldValue('time', e.currentTarget.value);
              form.clearFieldError('time');
              clearFold();
            }}
          />
          <FoldChoice
            label={`Which ${d.time}?`}
            {...form.getInputProps('fold')}
            value={d.fold}
            onChange={(fold) => {
              form.setFieldValue('fold', fold);
              form.clearFieldError('fold');
            }}
          />
          <ZonePicker
            label="Time zone"
            {...form.getInputProps('zone')}
            value={d.zone}
            onChange={(zone) => {
              form.setFieldValue('zone', zone);
              form.clearFieldError('zone');
              clearFold();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={zf.submitting}>Move call</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
