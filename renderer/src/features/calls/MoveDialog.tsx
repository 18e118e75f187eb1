import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { CallDetails } from '../../../../shared/api';
import { isoDateIn, timeIn } from '../../../../shared/domain/zones';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';
import { ZonePicker } from './ZonePicker';
import { FoldChoice, type Fold } from './FoldChoice';

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
  const [zone, setZone] = useState(call.zone);
  const [date, setDate] = useState(isoDateIn(call.zone, call.startAt));
  const [time, setTime] = useState(timeIn(call.zone, call.startAt));
  const [fold, setFold] = useState<Fold | undefined>(undefined);
  const { errors, formError, clear, show } = useFieldErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const r = await client.call('calls.move', { id: call.id, date, time, zone, fold });
    if (r.ok) onMoved(r.value);
    else show(r.error);
  };
  return (
    <Modal opened onClose={onClose} title="Move call">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">Only this call moves; the rest of the series stays as it is.</Text>
          <TextInput
            type="date"
            label="New date"
            value={date}
            error={errors.date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <TextInput
            type="time"
            label="New time"
            value={time}
            error={errors.time}
            onChange={(e) => {
              setTime(e.currentTarget.value);
              setFold(undefined);
            }}
          />
          <FoldChoice
            label={`Which ${time}?`}
            value={fold}
            error={errors.fold}
            onChange={setFold}
          />
          <ZonePicker
            label="Time zone"
            value={zone}
            error={errors.zone}
            onChange={(z) => {
              setZone(z);
              setFold(undefined);
            }}
          />
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Move call</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
