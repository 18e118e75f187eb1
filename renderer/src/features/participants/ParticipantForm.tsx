import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Participant } from '../../../../shared/api';
import {
  countryByCode,
  DEVELOPMENT_STATUS_LABELS,
  developmentStatusOf,
  REGION_LABELS,
  suggestedTimeZone,
} from '../../../../shared/domain/countries';
import type { ForumRole, Gender, StakeholderGroup } from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { participantInput } from '../../../../shared/schemas/participants';
import {
  countryOptions,
  genderOptions,
  roleOptions,
  stakeholderOptions,
  timeZoneOptions,
} from './options';

const splitList = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

type Draft = {
  fullName: string;
  preferredName: string;
  email: string;
  organisation: string;
  stakeholderGroup: StakeholderGroup | '';
  country: string;
  gender: Gender | '';
  genderSelfDescribed: string;
  languages: string;
  timeZone: string;
  aliases: string;
  handles: string;
  consentListed: boolean;
  consentInvitations: boolean;
  role: ForumRole;
  notes: string;
};

function draftOf(p?: Participant): Draft {
  return {
    fullName: p?.fullName ?? '',
    preferredName: p?.preferredName ?? '',
    email: p?.email ?? '',
    organisation: p?.organisation ?? '',
    stakeholderGroup: p?.stakeholderGroup ?? '',
    country: p?.country ?? '',
    gender: p?.gender ?? '',
    genderSelfDescribed: p?.genderSelfDescribed ?? '',
    languages: p?.languages.join(', ') ?? '',
    timeZone: p?.timeZone ?? '',
    aliases: p?.aliases.join('\n') ?? '',
    handles: p?.handles.join('\n') ?? '',
    consentListed: p?.consentListed ?? false,
    consentInvitations: p?.consentInvitations ?? false,
    role: p?.role ?? 'member',
    notes: p?.notes ?? '',
  };
}

/** The visible label of each field: error sentences start with it. */
export const PARTICIPANT_LABELS: Record<string, string> = {
  fullName: 'Full name',
  preferredName: 'Preferred name',
  email: 'Email',
  organisation: 'Organisation',
  stakeholderGroup: 'Stakeholder group',
  role: 'Role in the forum',
  country: 'Country',
  timeZone: 'Time zone',
  gender: 'Gender',
  genderSelfDescribed: 'Gender, in their words',
  languages: 'Languages',
  aliases: 'Aliases',
  handles: 'Online handles',
  consentListed: "May be listed in the report's acknowledgements",
  consentInvitations: 'May receive invitations',
  notes: 'Notes',
};

/** The form's draft as the shared schema's input. */
export function participantInputOf(d: Draft) {
  return {
    fullName: d.fullName,
    preferredName: d.preferredName || null,
    email: d.email || null,
    organisation: d.organisation || null,
    stakeholderGroup: (d.stakeholderGroup || undefined) as StakeholderGroup,
    country: d.country || null,
    gender: d.gender || null,
    genderSelfDescribed: d.gender === 'self_described' ? d.genderSelfDescribed || null : null,
    languages: splitList(d.languages, /[,;\s]+/),
    timeZone: d.timeZone || null,
    aliases: splitList(d.aliases, /\n/),
    handles: splitList(d.handles, /\n/),
    consentListed: d.consentListed,
    consentInvitations: d.consentInvitations,
    role: d.role,
    notes: d.notes || null,
  };
}

/** Add or edit a participant. Every field has a visible label; errors show beside their field. */
export function ParticipantForm({
  forumId,
  participant,
  onSaved,
  onCancel,
}: {
  forumId: string;
  participant?: Participant;
  onSaved: (p: Participant) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  const zf = useZodForm({
    schema: participantInput,
    initialValues: draftOf(participant),
    toInput: participantInputOf,
    labels: PARTICIPANT_LABELS,
  });
  const { form } = zf;
  const d = form.values;
  /** Set when the details match an excluded disruptive actor: saving then needs a confirmation. */
  const [actorWarning, setActorWarning] = useState<string | null>(null);
  const warningRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (actorWarning) warningRef.current?.focus();
  }, [actorWarning]);
  const zones = useMemo(timeZoneOptions, []);

  const country = d.country ? countryByCode(d.country) : undefined;
  const onCountry = (code: string) => {
    const x = form.getValues();
    const previousSuggestion = x.country ? suggestedTimeZone(x.country) : undefined;
    const keepZone = x.timeZone !== '' && x.timeZone !== previousSuggestion;
    form.setValues({
      country: code,
      timeZone: keepZone ? x.timeZone : ((code && suggestedTimeZone(code)) ?? x.timeZone),
    });
    form.clearFieldError('country');
  };

  const save = (acknowledgeActorMatch: boolean) =>
    zf.onSubmit(async (fields) => {
      setActorWarning(null);
      const input = { ...fields, acknowledgeActorMatch };
      const result = participant
        ? await client.call('participants.update', { id: participant.id, ...input })
        : await client.call('participants.create', { forumId, ...input });
      if (result.ok) {
        onSaved(result.value);
        return;
      }
      if (result.error.code === 'flagged') {
        setActorWarning(result.error.message);
        return;
      }
      return result;
    });

  return (
    <form onSubmit={save(false)} noValidate>
      <Stack>
        <ErrorSummary {...zf.summary} />
        {actorWarning && (
          <Alert
            ref={warningRef}
            tabIndex={-1}
            color="orange"
            title="Possible disruptive actor"
            role="status"
          >
            <Stack gap="xs">
              <Text size="sm">{actorWarning}</Text>
              <Group>
                <Button size="xs" color="orange" onClick={() => save(true)()}>
                  Save anyway
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Full name"
            required
            {...form.getInputProps('fullName')}
            data-autofocus
          />
          <TextInput label="Preferred name" {...form.getInputProps('preferredName')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Organisation" {...form.getInputProps('organisation')} />
          <NativeSelect
            label="Stakeholder group"
            required
            {...form.getInputProps('stakeholderGroup')}
            data={[{ value: '', label: 'Choose a group…' }, ...stakeholderOptions]}
          />
          <NativeSelect
            label="Role in the forum"
            {...form.getInputProps('role')}
            data={roleOptions}
          />
          <NativeSelect
            label="Country"
            {...form.getInputProps('country')}
            onChange={(e) => onCountry(e.currentTarget.value)}
            data={[{ value: '', label: 'Not given' }, ...countryOptions]}
            description={
              country
                ? `${REGION_LABELS[country.region]} · ${DEVELOPMENT_STATUS_LABELS[developmentStatusOf(country.code)!]}`
                : 'Region and development status follow from the country (UN M49)'
            }
          />
          <NativeSelect
            label="Time zone"
            {...form.getInputProps('timeZone')}
            data={[{ value: '', label: 'Not given' }, ...zones]}
            description="Suggested from the country; change it if needed"
          />
          <NativeSelect
            label="Gender"
            {...form.getInputProps('gender')}
            data={[{ value: '', label: 'Not given' }, ...genderOptions]}
            description="Optional"
          />
          {d.gender === 'self_described' && (
            <TextInput
              label="Gender, in their words"
              {...form.getInputProps('genderSelfDescribed')}
            />
          )}
          <TextInput
            label="Languages"
            description="Language codes, separated by commas (e.g. en, pt-BR)"
            {...form.getInputProps('languages')}
          />
          <Textarea
            label="Aliases"
            description="Other names they go by, one per line"
            autosize
            minRows={2}
            {...form.getInputProps('aliases')}
          />
          <Textarea
            label="Online handles"
            description="Social media or chat handles, one per line"
            autosize
            minRows={2}
            {...form.getInputProps('handles')}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Text fw={500} size="sm">
            Consent
          </Text>
          <Checkbox
            label="May be listed in the report's acknowledgements"
            {...form.getInputProps('consentListed', { type: 'checkbox' })}
          />
          <Checkbox
            label="May receive invitations"
            {...form.getInputProps('consentInvitations', { type: 'checkbox' })}
          />
        </Stack>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={zf.submitting}>Save participant</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
