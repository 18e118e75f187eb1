import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Pill,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { DisruptiveActor, Incident } from '../../../../shared/api';
import {
  INCIDENT_ACTIONS,
  INCIDENT_ACTION_LABELS,
  INCIDENT_CHANNELS,
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_SEVERITIES,
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUSES,
  INCIDENT_STATUS_LABELS,
  type IncidentAction,
  type IncidentChannel,
  type IncidentSeverity,
  type IncidentStatus,
} from '../../../../shared/domain/safeguards';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { safeguardsSchemas } from '../../../../shared/schemas/safeguards';
import { ActorFields, actorDraftOf, actorFieldsOf, type ActorDraft } from './ActorForm';
import { fromLocalInput, toLocalInput } from './format';
import { ParticipantPicker, type PickedParticipant } from './ParticipantPicker';

const DEFAULT_PROTECT_REASON = 'Targeted in this incident';

type Draft = {
  /** The value of the `datetime-local` input. */
  occurredAt: string;
  channel: IncidentChannel | '';
  severity: IncidentSeverity;
  status: IncidentStatus;
  description: string;
  targets: PickedParticipant[];
  actorIds: string[];
  newActors: ActorDraft[];
  /** The new actor being typed in, before "Add to this incident". */
  newActor: ActorDraft | null;
  actions: IncidentAction[];
  supportOffered: string;
  protectTargets: boolean;
  protectReason: string;
};

function draftOf(i?: Incident): Draft {
  return {
    occurredAt: toLocalInput(i?.occurredAt ?? Date.now()),
    channel: i?.channel ?? '',
    severity: i?.severity ?? 'medium',
    status: i?.status ?? 'open',
    description: i?.description ?? '',
    targets:
      i?.targets.map((t) => ({ id: t.id, fullName: t.fullName, isProtected: t.isProtected })) ?? [],
    actorIds: i?.actors.map((a) => a.id) ?? [],
    newActors: [],
    newActor: null,
    actions: i?.actions ?? [],
    supportOffered: i?.supportOffered ?? '',
    protectTargets: true,
    protectReason: DEFAULT_PROTECT_REASON,
  };
}

/**
 * The form's draft as the shared schema's input. A new actor typed in but not yet added goes with
 * the incident too; the targets are protected in the same step only when logging one.
 */
export function incidentInputOf(d: Draft, forumId: string, logging: boolean) {
  const pending = d.newActor && d.newActor.name.trim() ? [d.newActor] : [];
  const protect = logging && d.protectTargets && d.targets.length > 0;
  return {
    forumId,
    // An empty or impossible date is said as "When is required." with every other error.
    occurredAt: fromLocalInput(d.occurredAt) ?? Number.NaN,
    channel: d.channel as IncidentChannel,
    severity: d.severity,
    status: d.status,
    description: d.description,
    targetIds: d.targets.map((t) => t.id),
    actorIds: d.actorIds,
    newActors: [...d.newActors, ...pending].map(actorFieldsOf),
    actions: d.actions,
    supportOffered: d.supportOffered,
    protectTargets: protect,
    protectReason: protect ? d.protectReason.trim() || DEFAULT_PROTECT_REASON : undefined,
  };
}

/** The visible label of each field: error sentences start with it. */
export const INCIDENT_LABELS: Record<string, string> = {
  occurredAt: 'When',
  channel: 'Where',
  severity: 'Severity',
  status: 'Status',
  description: 'Description',
  targetIds: 'Participants targeted',
  protectReason: 'Reason for protection',
  actorIds: 'Actors on file',
  newActors: 'New actor',
  actions: 'Actions taken',
  supportOffered: 'Support offered to those targeted',
};

/**
 * The action's label in this form: distinct from the new actor's "This actor is excluded from
 * the forum" checkbox, so each checkbox has its own name.
 */
export const INCIDENT_ACTION_FORM_LABELS: Record<IncidentAction, string> = {
  ...INCIDENT_ACTION_LABELS,
  excluded_from_forum: "Excluded this incident's actors from the forum",
};

export interface IncidentSaved {
  incident: Incident;
  /** How many participants were protected in the same step (always 0 when editing). */
  protectedCount: number;
}

/** Log a new incident or edit one. Backend errors show beside the field they are about. */
export function IncidentForm({
  forumId,
  incident,
  actors,
  onSaved,
  onCancel,
}: {
  forumId: string;
  incident?: Incident;
  /** The forum's actors on file, to link to the incident. */
  actors: DisruptiveActor[];
  onSaved: (saved: IncidentSaved) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  // One schema for both: an incident's fields are the same when logged and when edited.
  const zf = useZodForm({
    schema: safeguardsSchemas['incidents.create'],
    initialValues: draftOf(incident),
    toInput: (d: Draft) => incidentInputOf(d, forumId, !incident),
    labels: INCIDENT_LABELS,
  });
  const { form, fieldId } = zf;
  const d = form.values;
  const newActor = d.newActor;

  // Actors linked to the incident but no longer in the forum's list still show, so they can be unlinked.
  const actorChoices = [
    ...actors,
    ...(incident?.actors.filter((a) => !actors.some((b) => b.id === a.id)) ?? []),
  ];

  const addNewActor = () => {
    if (!newActor) return;
    if (!newActor.name.trim()) {
      form.setFieldError('newActor.name', 'Actor name is required.');
      return;
    }
    form.setValues({ newActors: [...d.newActors, newActor], newActor: null });
    form.clearFieldError('newActors');
  };

  const setTargets = (targets: PickedParticipant[]) => {
    form.setFieldValue('targets', targets);
    form.clearFieldError('targetIds');
  };

  return (
    <form
      onSubmit={zf.onSubmit(
        async ({ forumId: _forum, protectTargets, protectReason, ...fields }) => {
          if (incident) {
            const result = await client.call('incidents.update', { id: incident.id, ...fields });
            if (result.ok) onSaved({ incident: result.value, protectedCount: 0 });
            else return result;
            return;
          }
          const result = await client.call('incidents.create', {
            forumId,
            ...fields,
            protectTargets,
            protectReason,
          });
          if (result.ok)
            onSaved({
              incident: result.value.incident,
              protectedCount: result.value.protectedIds.length,
            });
          else return result;
        },
      )}
      noValidate
    >
      <Stack>
        <ErrorSummary {...zf.summary} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="When"
            description="Date and time, in your time zone"
            type="datetime-local"
            required
            min="2000-01-01T00:00"
            max="2099-12-31T23:59"
            {...form.getInputProps('occurredAt')}
            data-autofocus
          />
          <NativeSelect
            label="Where"
            required
            {...form.getInputProps('channel')}
            data={[
              { value: '', label: 'Choose a channel…' },
              ...INCIDENT_CHANNELS.map((c) => ({ value: c, label: INCIDENT_CHANNEL_LABELS[c] })),
            ]}
          />
          <NativeSelect
            label="Severity"
            {...form.getInputProps('severity')}
            data={INCIDENT_SEVERITIES.map((s) => ({
              value: s,
              label: INCIDENT_SEVERITY_LABELS[s],
            }))}
          />
          <NativeSelect
            label="Status"
            {...form.getInputProps('status')}
            data={INCIDENT_STATUSES.map((s) => ({ value: s, label: INCIDENT_STATUS_LABELS[s] }))}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          description="What happened, as factually as possible"
          required
          autosize
          minRows={3}
          {...form.getInputProps('description')}
        />

        <ParticipantPicker
          forumId={forumId}
          legend="Participants targeted"
          value={d.targets}
          onChange={setTargets}
          id={fieldId('targetIds')}
          error={form.errors.targetIds as string | undefined}
          statusNote={Boolean(incident)}
        />
        {incident
          ? d.targets.length > 0 && (
              <Text size="sm" c="dimmed">
                Protection is changed on each participant&apos;s page; this form only records who
                was targeted.
              </Text>
            )
          : d.targets.length > 0 && (
              <Stack gap="xs">
                <Checkbox
                  label="Protect the targeted participants now"
                  description="Their names are replaced by pseudonyms in everything shared outside the coordinators"
                  {...form.getInputProps('protectTargets', { type: 'checkbox' })}
                />
                {d.protectTargets && (
                  <TextInput
                    label="Reason for protection"
                    description="Recorded in the audit log"
                    {...form.getInputProps('protectReason')}
                  />
                )}
              </Stack>
            )}

        <Fieldset legend="Disruptive actors">
          <Stack gap="sm">
            {actorChoices.length === 0 ? (
              <Text size="sm" c="dimmed">
                No disruptive actors on file yet.
              </Text>
            ) : (
              <Checkbox.Group label="Actors on file" {...form.getInputProps('actorIds')}>
                <Stack gap={6} mt="xs">
                  {actorChoices.map((a) => (
                    <Checkbox
                      key={a.id}
                      value={a.id}
                      label={a.excluded ? `${a.name} (excluded)` : a.name}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            {(d.newActors.length > 0 || form.errors.newActors) && (
              // The summary's link to "New actor" focuses the first of these.
              <Stack gap={4} id={fieldId('newActors')}>
                {d.newActors.length > 0 && (
                  <>
                    <Text size="sm" fw={500}>
                      New actors, saved with the incident
                    </Text>
                    <Pill.Group aria-label="New actors">
                      {d.newActors.map((a, i) => (
                        <Pill
                          key={`${i}-${a.name}`}
                          size="md"
                          withRemoveButton
                          onRemove={() => {
                            form.removeListItem('newActors', i);
                            form.clearFieldError('newActors');
                          }}
                          removeButtonProps={{
                            tabIndex: 0,
                            'aria-hidden': false,
                            'aria-label': `Remove ${a.name}`,
                          }}
                        >
                          {a.excluded ? `${a.name} (excluded)` : a.name}
                        </Pill>
                      ))}
                    </Pill.Group>
                  </>
                )}
                {form.errors.newActors && (
                  <Text size="sm" c="red">
                    {form.errors.newActors}
                  </Text>
                )}
              </Stack>
            )}
            {newActor ? (
              <Fieldset legend="Add a new actor" variant="filled">
                <Stack>
                  <ActorFields
                    field={(k, o) => form.getInputProps(`newActor.${k}`, o)}
                    withNotes={false}
                  />
                  <Group>
                    <Button variant="light" onClick={addNewActor}>
                      Add to this incident
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => {
                        form.setFieldValue('newActor', null);
                        form.clearFieldError('newActor.name');
                      }}
                    >
                      Discard
                    </Button>
                  </Group>
                </Stack>
              </Fieldset>
            ) : (
              <Group>
                <Button
                  variant="default"
                  onClick={() => form.setFieldValue('newActor', actorDraftOf())}
                >
                  Add a new actor
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>

        <Checkbox.Group
          label="Actions taken"
          description="“Excluded this incident's actors from the forum” also marks each of them as excluded"
          {...form.getInputProps('actions')}
        >
          <Stack gap={6} mt="xs">
            {INCIDENT_ACTIONS.map((a) => (
              <Checkbox key={a} value={a} label={INCIDENT_ACTION_FORM_LABELS[a]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label="Support offered to those targeted"
          autosize
          minRows={2}
          {...form.getInputProps('supportOffered')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={zf.submitting}>Save incident</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
