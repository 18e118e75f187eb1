import { Button, Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { DisruptiveActor } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useSchemaErrors } from '../../components/forms';
import { safeguardsSchemas } from '../../../../shared/schemas/safeguards';
import { errorUnder, joinIdentifiers, splitIdentifiers } from './format';

export interface ActorDraft {
  name: string;
  names: string;
  emails: string;
  handles: string;
  excluded: boolean;
  notes: string;
}

export function actorDraftOf(a?: DisruptiveActor): ActorDraft {
  return {
    name: a?.name ?? '',
    names: joinIdentifiers(a?.names ?? []),
    emails: joinIdentifiers(a?.emails ?? []),
    handles: joinIdentifiers(a?.handles ?? []),
    excluded: a?.excluded ?? false,
    notes: a?.notes ?? '',
  };
}

/** The fields the backend takes for an actor. */
export function actorFieldsOf(d: ActorDraft) {
  return {
    name: d.name,
    names: splitIdentifiers(d.names),
    emails: splitIdentifiers(d.emails),
    handles: splitIdentifiers(d.handles),
    excluded: d.excluded,
    notes: d.notes,
  };
}

/** The visible label of each field: error sentences start with it. */
export const ACTOR_LABELS: Record<string, string> = {
  name: 'Actor name',
  names: 'Other names',
  emails: 'E-mails',
  handles: 'Handles',
  excluded: 'This actor is excluded from the forum',
  notes: 'Notes',
};

const LIST_HINT = 'Separate with commas or new lines';

/** The inputs of an actor, shared by the actor form and the incident form's "Add a new actor". */
export function ActorFields({
  draft,
  onChange,
  errors,
  withNotes = true,
  autoFocus = false,
  fieldId,
}: {
  draft: ActorDraft;
  onChange: (d: ActorDraft) => void;
  errors: Record<string, string>;
  withNotes?: boolean;
  autoFocus?: boolean;
  /** The id of each input, for the error summary's links. */
  fieldId?: (path: string) => string;
}) {
  const set = <K extends keyof ActorDraft>(k: K, v: ActorDraft[K]) =>
    onChange({ ...draft, [k]: v });
  return (
    <Stack>
      <TextInput
        label="Actor name"
        description="The name they are best known by"
        required
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        id={fieldId?.('name')}
        error={errors.name}
        data-autofocus={autoFocus || undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Textarea
          label="Other names"
          description={LIST_HINT}
          autosize
          minRows={2}
          value={draft.names}
          onChange={(e) => set('names', e.currentTarget.value)}
          id={fieldId?.('names')}
          error={errorUnder(errors, 'names')}
        />
        <Textarea
          label="E-mails"
          description={LIST_HINT}
          autosize
          minRows={2}
          value={draft.emails}
          onChange={(e) => set('emails', e.currentTarget.value)}
          id={fieldId?.('emails')}
          error={errorUnder(errors, 'emails')}
        />
        <Textarea
          label="Handles"
          description={LIST_HINT}
          autosize
          minRows={2}
          value={draft.handles}
          onChange={(e) => set('handles', e.currentTarget.value)}
          id={fieldId?.('handles')}
          error={errorUnder(errors, 'handles')}
        />
      </SimpleGrid>
      <Checkbox
        label="This actor is excluded from the forum"
        description="New or edited participants matching these identifiers are flagged"
        checked={draft.excluded}
        onChange={(e) => set('excluded', e.currentTarget.checked)}
      />
      {withNotes && (
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={draft.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          id={fieldId?.('notes')}
          error={errors.notes}
        />
      )}
    </Stack>
  );
}

/** Add or edit a disruptive actor. */
export function ActorForm({
  forumId,
  actor,
  onSaved,
  onCancel,
}: {
  forumId: string;
  actor?: DisruptiveActor;
  onSaved: (a: DisruptiveActor) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  const [d, setD] = useState<ActorDraft>(() => actorDraftOf(actor));
  const [saving, setSaving] = useState(false);
  const { errors, check, show, clearField, fieldId, summary } = useSchemaErrors(
    actor ? safeguardsSchemas['actors.update'] : safeguardsSchemas['actors.create'],
    ACTOR_LABELS,
  );

  const onChange = (next: ActorDraft) => {
    // Editing the field an error is about takes the error away until the next save.
    (Object.keys(next) as (keyof ActorDraft)[])
      .filter((k) => next[k] !== d[k])
      .forEach((k) => clearField(k));
    setD(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const fields = actorFieldsOf(d);
    if (!check(actor ? { id: actor.id, ...fields } : { forumId, ...fields })) return;
    setSaving(true);
    const result = actor
      ? await client.call('actors.update', { id: actor.id, ...fields })
      : await client.call('actors.create', { forumId, ...fields });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else show(result.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <ActorFields draft={d} onChange={onChange} errors={errors} autoFocus fieldId={fieldId} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={saving}>Save actor</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
