import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { CallDetails } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';
import type { Owner } from './types';

interface AgendaDraft {
  title: string;
  ownerId: string;
  minutes: string;
}

export function AgendaEditor({
  call,
  owners,
  readOnly,
  onSaved,
}: {
  call: CallDetails;
  owners: Owner[];
  readOnly: boolean;
  onSaved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const [items, setItems] = useState<AgendaDraft[]>(() =>
    call.agenda.map((a) => ({ title: a.title, ownerId: a.ownerId ?? '', minutes: a.minutes })),
  );
  const { errors, formError, clear, show } = useFieldErrors();
  const [saving, setSaving] = useState(false);
  const set = (i: number, patch: Partial<AgendaDraft>) =>
    setItems((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  if (readOnly)
    return call.agenda.length === 0 ? (
      <Text>No agenda yet.</Text>
    ) : (
      <Stack>
        {call.agenda.map((a, i) => (
          <Card withBorder key={a.id}>
            <Text fw={600}>
              {i + 1}. {a.title}
              {a.ownerName && ` · ${a.ownerName}`}
            </Text>
            {a.minutes && <Text style={{ whiteSpace: 'pre-wrap' }}>{a.minutes}</Text>}
          </Card>
        ))}
      </Stack>
    );

  const save = async () => {
    clear();
    setSaving(true);
    const r = await client.call('calls.saveAgenda', {
      id: call.id,
      items: items.map((i) => ({ title: i.title, ownerId: i.ownerId || null, minutes: i.minutes })),
    });
    setSaving(false);
    if (r.ok) onSaved(r.value);
    else show(r.error);
  };

  return (
    <Stack>
      {items.length === 0 && <Text>No agenda yet. Add the first item.</Text>}
      {items.map((item, i) => (
        <Card withBorder key={i}>
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={`Agenda item ${i + 1} title`}
                value={item.title}
                error={errors[`items.${i}.title`]}
                onChange={(e) => set(i, { title: e.currentTarget.value })}
              />
              <NativeSelect
                label={`Agenda item ${i + 1} owner`}
                value={item.ownerId}
                error={errors[`items.${i}.ownerId`]}
                onChange={(e) => set(i, { ownerId: e.currentTarget.value })}
                data={owners}
              />
            </SimpleGrid>
            <Textarea
              label={`Agenda item ${i + 1} minutes`}
              autosize
              minRows={2}
              value={item.minutes}
              onChange={(e) => set(i, { minutes: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button
                variant="subtle"
                color="red"
                onClick={() => setItems((l) => l.filter((_, j) => j !== i))}
              >
                Remove agenda item {i + 1}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      {formError && <Alert color="red">{formError}</Alert>}
      <Group>
        <Button
          variant="default"
          onClick={() => setItems((l) => [...l, { title: '', ownerId: '', minutes: '' }])}
        >
          Add agenda item
        </Button>
        <Button onClick={() => void save()} loading={saving}>
          Save agenda
        </Button>
      </Group>
    </Stack>
  );
}
