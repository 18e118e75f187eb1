import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SavedFilter } from '../../../../shared/api';
import type { SavedFilterList } from '../../../../shared/schemas/savedFilters';
import { useClient } from '../../api/context';
import { useApi } from '../../api/queries';
import { useForumAccess } from '../../app/forumAccess';
import { useFieldErrors } from '../../components/errors';

export type FilterParams = SavedFilter['params'];

/**
 * Saved filters of one list: pick one to apply its search, filters and sort; save the current
 * ones under a name; delete one after a confirmation. Coordinators only (the names and searches
 * may name people). In an archived forum saved filters still apply, but none is saved or deleted.
 */
export function SavedFilters({
  forumId,
  list,
  current,
  onApply,
}: {
  forumId: string;
  list: SavedFilterList;
  /** The list's search, filters and sort now (only set fields). */
  current: FilterParams;
  onApply: (params: FilterParams) => void;
}) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const saved = useApi('savedFilters.list', { forumId, list });
  const [picked, setPicked] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<SavedFilter | null>(null);
  const { errors, formError, clear, show } = useFieldErrors();
  const filters = saved.data ?? [];
  const pickedFilter = filters.find((f) => f.id === picked) ?? null;

  const save = async () => {
    clear();
    setBusy(true);
    const r = await client.call('savedFilters.save', { forumId, list, name, params: current });
    setBusy(false);
    if (!r.ok) return show(r.error);
    setNaming(false);
    setName('');
    setPicked(r.value.id);
    notifications.show({
      title: 'Filter saved',
      message: `“${r.value.name}” is in Saved filters.`,
    });
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    const r = await client.call('savedFilters.remove', { id: deleting.id });
    setBusy(false);
    if (!r.ok) {
      notifications.show({ color: 'red', title: 'Not deleted', message: r.error.message });
      return;
    }
    notifications.show({ title: 'Saved filter deleted', message: `“${deleting.name}” is gone.` });
    setDeleting(null);
    setPicked('');
  };

  return (
    <Group align="flex-end" gap="sm">
      <NativeSelect
        label="Saved filter"
        value={picked}
        onChange={(e) => {
          const id = e.currentTarget.value;
          setPicked(id);
          const f = filters.find((x) => x.id === id);
          if (f) onApply(f.params);
        }}
        data={[
          {
            value: '',
            label: filters.length === 0 ? 'No saved filters yet' : 'Choose a saved filter',
          },
          ...filters.map((f) => ({ value: f.id, label: f.name })),
        ]}
      />
      {canWrite && (
        <>
          <Button variant="default" onClick={() => setNaming(true)}>
            Save filter
          </Button>
          <Button
            variant="subtle"
            color="red"
            disabled={!pickedFilter}
            onClick={() => setDeleting(pickedFilter)}
          >
            Delete saved filter
          </Button>
        </>
      )}
      <Modal
        opened={naming}
        onClose={() => {
          clear();
          setNaming(false);
        }}
        title="Save filter"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack>
            <Text size="sm">
              Keeps the search, filters and sort shown now under a name. Saving under a name in use
              replaces that filter.
            </Text>
            {formError && <Alert color="red">{formError}</Alert>}
            <TextInput
              label="Filter name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete saved filter?"
      >
        <Stack>
          <Text>
            “{deleting?.name}” will no longer be offered. The participants and contributions it
            finds are not changed.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => void remove()}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
