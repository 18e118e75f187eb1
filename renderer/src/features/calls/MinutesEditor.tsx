import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { CallDetails } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { useFieldError } from '../../components/forms';

export function MinutesEditor({
  call,
  readOnly,
  onSaved,
}: {
  call: CallDetails;
  readOnly: boolean;
  onSaved: (c: CallDetails) => void;
}) {
  const client = useClient();
  const [text, setText] = useState(call.minutes);
  const [saving, setSaving] = useState(false);
  // A refusal (too long, a control character) is said beside the text, which takes focus.
  const minutes = useFieldError('Minutes');
  const preview = (
    <Card withBorder aria-label="Minutes preview">
      {text.trim() ? (
        <Markdown remarkPlugins={[remarkGfm]}>{text}</Markdown>
      ) : (
        <Text c="dimmed">No minutes yet.</Text>
      )}
    </Card>
  );
  if (readOnly) return preview;
  const save = async () => {
    setSaving(true);
    const r = minutes.run(await client.call('calls.update', { id: call.id, minutes: text }));
    setSaving(false);
    if (r) onSaved(r);
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Stack>
        <Textarea
          label="Minutes (Markdown)"
          autosize
          minRows={10}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          {...minutes.inputProps}
        />
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={text === call.minutes}>
            Save minutes
          </Button>
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text fw={600}>Preview</Text>
        {preview}
      </Stack>
    </SimpleGrid>
  );
}
