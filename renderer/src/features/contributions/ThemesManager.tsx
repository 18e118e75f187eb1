import { Alert, Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Theme } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { useFieldError } from '../../components/forms';

/** The forum's themes: add, rename, remove (only listed in an archived forum). */
export function ThemesManager({
  forumId,
  themes,
  onChanged,
}: {
  forumId: string;
  themes: Theme[];
  onChanged: () => void;
}) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  // A refused name (empty, taken) is said beside its input, which takes focus.
  const newName = useFieldError('New theme');
  const editingName = themes.find((t) => t.id === editing?.id)?.name ?? '';
  const renamed = useFieldError(`New name for ${editingName}`);

  const add = async () => {
    if (!newName.run(await client.call('themes.create', { forumId, name }))) return;
    setName('');
    onChanged();
  };

  const rename = async () => {
    if (!editing) return;
    if (renamed.run(await client.call('themes.update', editing))) {
      setEditing(null);
      onChanged();
    }
  };

  const remove = async (t: Theme) => {
    if (
      !window.confirm(`Remove the theme “${t.name}”? ${t.contributionCount} contributions lose it.`)
    )
      return;
    if (unwrapOrNotify(await client.call('themes.remove', { id: t.id }))) onChanged();
  };

  return (
    <Stack>
      {canWrite && (
        <Group align="flex-end">
          <TextInput
            label="New theme"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            {...newName.inputProps}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void add();
            }}
          />
          <Button onClick={() => void add()} disabled={!name.trim()}>
            Add theme
          </Button>
        </Group>
      )}
      {themes.length === 0 ? (
        <Alert color="gray">
          No themes yet.{canWrite && ' Add the topics contributions are grouped by.'}
        </Alert>
      ) : (
        <Table aria-label="Themes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Theme</Table.Th>
              <Table.Th>Contributions</Table.Th>
              {canWrite && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {themes.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  {editing?.id === t.id ? (
                    <TextInput
                      label={`New name for ${t.name}`}
                      value={editing.name}
                      onChange={(e) => setEditing({ id: t.id, name: e.currentTarget.value })}
                      {...renamed.inputProps}
                    />
                  ) : (
                    t.name
                  )}
                </Table.Td>
                <Table.Td>{t.contributionCount}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Group gap="xs">
                      {editing?.id === t.id ? (
                        <Button size="xs" onClick={() => void rename()}>
                          Save
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            renamed.clear();
                            setEditing({ id: t.id, name: t.name });
                          }}
                        >
                          Rename {t.name}
                        </Button>
                      )}
                      <Button size="xs" color="red" variant="light" onClick={() => void remove(t)}>
                        Remove {t.name}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
