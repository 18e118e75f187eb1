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
import { useState, type FormEvent } from 'react';
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
import { ErrorSummary, SubmitButton, useSchemaErrors } from '../../components/forms';
import { safeguardsSchemas } from '../../../../shared/schemas/safeguards';
import { ActorFields, actorDraftOf, actorFieldsOf, type ActorDraft } from './ActorForm';
import { errorUnder, fromLocalInput, toLocalInput } from './format';
import { ParticipantPicker, type PickedParticipant } from './ParticipantPicker';

const DEFAULT_PROTECT_REASON = 'Targeted in this incident';

interface Draft {
  when: string;
  channel: IncidentChannel | '';
  severity: IncidentSeverity;
  status: IncidentStatus;
  description: string;
  targets: PickedParticipant[];
  actorIds: string[];
  newActors: ActorDraft[];
  actions: IncidentAction[];
  supportOffered: string;
  protectTargets: boolean;
  protectReason: string;
}

function draftOf(i?: Incident): Draft {
  return {
    when: toLocalInput(i?.occurredAt ?? Date.now()),
    channel: i?.channel ?? '',
    severity: i?.severity ?? 'medium',
    status: i?.status ?? 'open',
    description: i?.description ?? '',
    targets:
      i?.targets.map((t) => ({ id: t.id, fullName: t.fullName, isProtected: t.isProtected })) ?? [],
    actorIds: i?.actors.map((a) => a.id) ?? [],
    newActors: [],
    actions: i?.actions ?? [],
    supportOffered: i?.supportOffered ?? '',
    protectTargets: true,
    protectReason: DEFAULT_PROTECT_REASON,
  };
}

/** The input field a backend error names, for each draft key that is named differently. */
const ERROR_FIELD: Partial<Record<keyof Draft, string>> = {
  when: 'occurredAt',
  targets: 'targetIds',
};

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
  const [d, setD] = useState<Draft>(() => draftOf(incident));
  const [newActor, setNewActor] = useState<ActorDraft | null>(null);
  const [newActorError, setNewActorError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { errors, check, show, clearField, fieldId, summary } = useSchemaErrors(
    incident ? safeguardsSchemas['incidents.update'] : safeguardsSchemas['incidents.create'],
    INCIDENT_LABELS,
  );
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setD((x) => ({ ...x, [k]: v }));
    // Editing the field an error is about takes the error away until the next save.
    clearField(ERROR_FIELD[k] ?? k);
  };

  // Actors linked to the incident but no longer in the forum's list still show, so they can be unlinked.
  const actorChoices = [
    ...actors,
    ...(incident?.actors.filter((a) => !actors.some((b) => b.id === a.id)) ?? []),
  ];

  const addNewActor = () => {
    if (!newActor) return;
    if (!newActor.name.trim()) {
      setNewActorError('is required');
      return;
    }
    set('newActors', [...d.newActors, newActor]);
    setNewActor(null);
    setNewActorError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    // A new actor typed in but not yet added goes with the incident too.
    const pending = newActor && newActor.name.trim() ? [newActor] : [];
    const fields = {
      // An empty or impossible date is said as "When is required." with every other error.
      occurredAt: fromLocalInput(d.when) ?? Number.NaN,
      channel: d.channel as IncidentChannel,
      severity: d.severity,
      status: d.status,
      description: d.description,
      targetIds: d.targets.map((t) => t.id),
      actorIds: d.actorIds,
      newActors: [...d.newActors, ...pending].map(actorFieldsOf),
      actions: d.actions,
      supportOffered: d.supportOffered,
    };
    const protect = d.protectTargets && d.targets.length > 0;
    const extras = {
      protectTargets: protect,
      protectReason: protect ? d.protectReason.trim() || DEFAULT_PROTECT_REASON : undefined,
    };
    if (!check(incident ? { id: incident.id, ...fields } : { forumId, ...fields, ...extras }))
      return;
    setSaving(true);
    if (incident) {
      const result = await client.call('incidents.update', { id: incident.id, ...fields });
      setSaving(false);
      if (result.ok) onSaved({ incident: result.value, protectedCount: 0 });
      else show(result.error);
      return;
    }
    const result = await client.call('incidents.create', { forumId, ...fields, ...extras });
    setSaving(false);
    if (result.ok)
      onSaved({
        incident: result.value.incident,
        protectedCount: result.value.protectedIds.length,
      });
    else show(result.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="When"
            description="Date and time, in your time zone"
            type="datetime-local"
            required
            min="2000-01-01T00:00"
            max="2099-12-31T23:59"
            value={d.when}
            onChange={(e) => set('when', e.currentTarget.value)}
            id={fieldId('occurredAt')}
            error={errors.occurredAt}
            data-autofocus
          />
          <NativeSelect
            label="Where"
            required
            value={d.channel}
            onChange={(e) => set('channel', e.currentTarget.value as IncidentChannel)}
            data={[
              { value: '', label: 'Choose a channel…' },
              ...INCIDENT_CHANNELS.map((c) => ({ value: c, label: INCIDENT_CHANNEL_LABELS[c] })),
            ]}
            id={fieldId('channel')}
            error={errors.channel}
          />
          <NativeSelect
            label="Severity"
            value={d.severity}
            onChange={(e) => set('severity', e.currentTarget.value as IncidentSeverity)}
            data={INCIDENT_SEVERITIES.map((s) => ({
              value: s,
              label: INCIDENT_SEVERITY_LABELS[s],
            }))}
            id={fieldId('severity')}
            error={errors.severity}
          />
          <NativeSelect
            label="Status"
            value={d.status}
            onChange={(e) => set('status', e.currentTarget.value as IncidentStatus)}
            data={INCIDENT_STATUSES.map((s) => ({ value: s, label: INCIDENT_STATUS_LABELS[s] }))}
            id={fieldId('status')}
            error={errors.status}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          description="What happened, as factually as possible"
          required
          autosize
          minRows={3}
          value={d.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          id={fieldId('description')}
          error={errors.description}
        />

        <ParticipantPicker
          forumId={forumId}
          legend="Participants targeted"
          value={d.targets}
          onChange={(targets) => set('targets', targets)}
          error={errorUnder(errors, 'targetIds')}
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
                  checked={d.protectTargets}
                  onChange={(e) => set('protectTargets', e.currentTarget.checked)}
                />
                {d.protectTargets && (
                  <TextInput
                    label="Reason for protection"
                    description="Recorded in the audit log"
                    value={d.protectReason}
                    onChange={(e) => set('protectReason', e.currentTarget.value)}
                    id={fieldId('protectReason')}
                    error={errors.protectReason}
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
              <Checkbox.Group
                label="Actors on file"
                value={d.actorIds}
                onChange={(ids) => set('actorIds', ids)}
                error={errorUnder(errors, 'actorIds')}
              >
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
            {d.newActors.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  New actors, saved with the incident
                </Text>
                <Pill.Group aria-label="New actors">
                  {d.newActors.map((a, i) => (
                    <Pill
                      key={`${i}-${a.name}`}
                      size="md"
                      withRemoveButton
                      onRemove={() =>
                        set(
                          'newActors',
                          d.newActors.filter((_, j) => j !== i),
                        )
                      }
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
              </Stack>
            )}
            {errorUnder(errors, 'newActors') && (
              <Text size="sm" c="red">
                New actor: {errorUnder(errors, 'newActors')}
              </Text>
            )}
            {newActor ? (
              <Fieldset legend="Add a new actor" variant="filled">
                <Stack>
                  <ActorFields
                    draft={newActor}
                    onChange={(a) => {
                      setNewActor(a);
                      if (a.name.trim()) setNewActorError(null);
                    }}
                    errors={newActorError ? { name: newActorError } : {}}
                    withNotes={false}
                  />
                  <Group>
                    <Button variant="light" onClick={addNewActor}>
                      Add to this incident
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => {
                        setNewActor(null);
                        setNewActorError(null);
                      }}
                    >
                      Discard
                    </Button>
                  </Group>
                </Stack>
              </Fieldset>
            ) : (
              <Group>
                <Button variant="default" onClick={() => setNewActor(actorDraftOf())}>
                  Add a new actor
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>

        <Checkbox.Group
          label="Actions taken"
          description="“Excluded this incident's actors from the forum” also marks each of them as excluded"
          value={d.actions}
          onChange={(v) => set('actions', v as IncidentAction[])}
          error={errorUnder(errors, 'actions')}
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
          value={d.supportOffered}
          onChange={(e) => set('supportOffered', e.currentTarget.value)}
          id={fieldId('supportOffered')}
          error={errors.supportOffered}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={saving}>Save incident</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
