import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SavedFilter } from '../../../../shared/api';
import { savedFiltersSchemas, type SavedFilterList } from '../../../../shared/schemas/savedFilters';
import { useClient } from '../../api/context';
import { useApi } from '../../api/queries';
import { useForumAccess } from '../../app/forumAccess';
import { ErrorSummary, SubmitButton, sentence, useZodForm } from '../../components/forms';

export type FilterParams = SavedFilter['params'];

/** The visible label of each field: error sentences start with it. */
export const SAVED_FILTER_LABELS: Record<string, string> = {
  name: 'Filter name',
  params: 'The search, filters and sort',
};

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
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<SavedFilter | null>(null);
  /** Why the last delete failed, said in the confirmation beside its button. */
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const zf = useZodForm({
    schema: savedFiltersSchemas['savedFilters.save'],
    initialValues: { name: '' },
    toInput: (d: { name: string }) => ({ forumId, list, name: d.name, params: current }),
    labels: SAVED_FILTER_LABELS,
  });
  const { form } = zf;
  const filters = saved.data ?? [];
  const pickedFilter = filters.find((f) => f.id === picked) ?? null;

  const remove = async () => {
    if (!deleting) return;
    setDeleteError(null);
    setBusy(true);
    const r = await client.call('savedFilters.remove', { id: deleting.id });
    setBusy(false);
    if (!r.ok) {
      setDeleteError(sentence('The saved filter', r.error.message));
      return;
    }
    notifications.show({ title: 'Saved filter deleted', message: `“${deleting.name}” is gone.` });
    setDeleting(null);
    setPicked('');
  };

  const closeDelete = () => {
    setDeleting(null);
    setDeleteError(null);
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
          zf.reset(form.getValues());
          setNaming(false);
        }}
        title="Save filter"
      >
        <form
          onSubmit={zf.onSubmit(async (input) => {
            const r = await client.call('savedFilters.save', input);
            if (!r.ok) return r;
            setNaming(false);
            zf.reset({ name: '' });
            setPicked(r.value.id);
            notifications.show({
              title: 'Filter saved',
              message: `“${r.value.name}” is in Saved filters.`,
            });
          })}
          noValidate
        >
          <Stack>
            <ErrorSummary {...zf.summary} />
            {/* The list's search, filters and sort are no input: their error links here. */}
            <Stack gap={4} id={zf.fieldId('params')} tabIndex={-1}>
              <Text size="sm">
                Keeps the search, filters and sort shown now under a name. Saving under a name in
                use replaces that filter.
              </Text>
              {form.errors.params && (
                <Text size="sm" c="red">
                  {form.errors.params}
                </Text>
              )}
            </Stack>
            <TextInput
              label="Filter name"
              required
              {...form.getInputProps('name')}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>
                Cancel
              </Button>
              <SubmitButton busy={zf.submitting}>Save</SubmitButton>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={deleting !== null} onClose={closeDelete} title="Delete saved filter?">
        <Stack>
          <Text>
            “{deleting?.name}” will no longer be offered. The participants and contributions it
            finds are not changed.
          </Text>
          {deleteError && (
            <Alert color="red" role="alert" title="Not deleted">
              {deleteError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDelete} data-autofocus>
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
