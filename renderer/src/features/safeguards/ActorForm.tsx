import { Button, Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsOptions, GetInputPropsReturnType } from '@mantine/form';
import type { DisruptiveActor } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { safeguardsSchemas } from '../../../../shared/schemas/safeguards';
import { joinIdentifiers, splitIdentifiers } from './format';

export type ActorDraft = {
  name: string;
  names: string;
  emails: string;
  handles: string;
  excluded: boolean;
  notes: string;
};

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

/** The input props of one actor field: a form's `getInputProps` at the actor's path. */
export type ActorInputProps = (
  key: keyof ActorDraft,
  options?: GetInputPropsOptions,
) => GetInputPropsReturnType;

/** The inputs of an actor, shared by the actor form and the incident form's "Add a new actor". */
export function ActorFields({
  field,
  withNotes = true,
  autoFocus = false,
}: {
  /** Binds each input to its form field (value, change, error beside it and the summary's id). */
  field: ActorInputProps;
  withNotes?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <Stack>
      <TextInput
        label="Actor name"
        description="The name they are best known by"
        required
        {...field('name')}
        data-autofocus={autoFocus || undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Textarea
          label="Other names"
          description={LIST_HINT}
          autosize
          minRows={2}
          {...field('names')}
        />
        <Textarea
          label="E-mails"
          description={LIST_HINT}
          autosize
          minRows={2}
          {...field('emails')}
        />
        <Textarea
          label="Handles"
          description={LIST_HINT}
          autosize
          minRows={2}
          {...field('handles')}
        />
      </SimpleGrid>
      <Checkbox
        label="This actor is excluded from the forum"
        description="New or edited participants matching these identifiers are flagged"
        {...field('excluded', { type: 'checkbox' })}
      />
      {withNotes && <Textarea label="Notes" autosize minRows={2} {...field('notes')} />}
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
  // One schema for both: an actor's fields are the same when added and when edited.
  const zf = useZodForm({
    schema: safeguardsSchemas['actors.create'],
    initialValues: actorDraftOf(actor),
    toInput: (d: ActorDraft) => ({ forumId, ...actorFieldsOf(d) }),
    labels: ACTOR_LABELS,
  });

  return (
    <form
      onSubmit={zf.onSubmit(async ({ forumId: _forum, ...fields }) => {
        const result = actor
          ? await client.call('actors.update', { id: actor.id, ...fields })
          : await client.call('actors.create', { forumId, ...fields });
        if (result.ok) onSaved(result.value);
        else return result;
      })}
      noValidate
    >
      <Stack>
        <ErrorSummary {...zf.summary} />
        <ActorFields field={(k, o) => zf.form.getInputProps(k, o)} autoFocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={zf.submitting}>Save actor</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
