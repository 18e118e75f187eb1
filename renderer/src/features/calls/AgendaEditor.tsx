import {
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
import type { CallDetails } from '../../../../shared/api';
import { callsSchemas } from '../../../../shared/schemas/calls';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import type { Owner } from './types';

interface AgendaDraft {
  title: string;
  ownerId: string;
  minutes: string;
}

/** The visible label of each field, by path ("items.0.title"): error sentences start with it. */
export function agendaLabel(path: string): string | undefined {
  if (path === 'items') return 'Agenda';
  const m = /^items\.(\d+)\.(title|ownerId|minutes)$/.exec(path);
  if (!m) return undefined;
  const part = { title: 'title', ownerId: 'owner', minutes: 'minutes' }[m[2]];
  return `Agenda item ${Number(m[1]) + 1} ${part}`;
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
  const zf = useZodForm({
    schema: callsSchemas['calls.saveAgenda'],
    initialValues: {
      items: call.agenda.map((a): AgendaDraft => ({
        title: a.title,
        ownerId: a.ownerId ?? '',
        minutes: a.minutes,
      })),
    },
    toInput: (d: { items: AgendaDraft[] }) => ({
      id: call.id,
      items: d.items.map((i) => ({
        title: i.title,
        ownerId: i.ownerId || null,
        minutes: i.minutes,
      })),
    }),
    labels: agendaLabel,
  });
  const { form } = zf;
  const items = form.values.items;

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

  return (
    <form
      onSubmit={zf.onSubmit(async (input) => {
        const r = await client.call('calls.saveAgenda', input);
        if (r.ok) onSaved(r.value);
        else return r;
      })}
      noValidate
    >
      <Stack>
        <ErrorSummary {...zf.summary} />
        {items.length === 0 && <Text>No agenda yet. Add the first item.</Text>}
        {items.map((_, i) => (
          <Card withBorder key={form.key(`items.${i}`)}>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={`Agenda item ${i + 1} title`}
                  {...form.getInputProps(`items.${i}.title`)}
                />
                <NativeSelect
                  label={`Agenda item ${i + 1} owner`}
                  {...form.getInputProps(`items.${i}.ownerId`)}
                  data={owners}
                />
              </SimpleGrid>
              <Textarea
                label={`Agenda item ${i + 1} minutes`}
                autosize
                minRows={2}
                {...form.getInputProps(`items.${i}.minutes`)}
              />
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => form.removeListItem('items', i)}
                >
                  Remove agenda item {i + 1}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => form.insertListItem('items', { title: '', ownerId: '', minutes: '' })}
          >
            Add agenda item
          </Button>
          <SubmitButton busy={zf.submitting}>Save agenda</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
