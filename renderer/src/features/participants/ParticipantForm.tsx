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
import { useMemo, useState, type FormEvent } from 'react';
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
import { useFieldErrors } from '../../components/errors';
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

interface Draft {
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
}

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
  const [d, setD] = useState<Draft>(() => draftOf(participant));
  const [saving, setSaving] = useState(false);
  /** Set when the details match an excluded disruptive actor: saving then needs a confirmation. */
  const [actorWarning, setActorWarning] = useState<string | null>(null);
  const { errors, formError, clear, show } = useFieldErrors();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const zones = useMemo(timeZoneOptions, []);

  const country = d.country ? countryByCode(d.country) : undefined;
  const onCountry = (code: string) => {
    setD((x) => {
      const previousSuggestion = x.country ? suggestedTimeZone(x.country) : undefined;
      const keepZone = x.timeZone !== '' && x.timeZone !== previousSuggestion;
      return {
        ...x,
        country: code,
        timeZone: keepZone ? x.timeZone : ((code && suggestedTimeZone(code)) ?? x.timeZone),
      };
    });
  };

  const submit = async (e: FormEvent | null, acknowledgeActorMatch = false) => {
    e?.preventDefault();
    clear();
    setActorWarning(null);
    if (!d.stakeholderGroup) {
      show({ code: 'validation', message: 'is required', field: 'stakeholderGroup' });
      return;
    }
    setSaving(true);
    const fields = {
      fullName: d.fullName,
      preferredName: d.preferredName || null,
      email: d.email || null,
      organisation: d.organisation || null,
      stakeholderGroup: d.stakeholderGroup,
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
      acknowledgeActorMatch,
    };
    const result = participant
      ? await client.call('participants.update', { id: participant.id, ...fields })
      : await client.call('participants.create', { forumId, ...fields });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else {
      show(result.error);
      if (result.error.code === 'flagged') setActorWarning(result.error.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        {formError && <Alert color="red">{formError}</Alert>}
        {actorWarning && (
          <Alert color="orange" title="Possible disruptive actor">
            <Stack gap="xs">
              <Text size="sm">{actorWarning}</Text>
              <Group>
                <Button size="xs" color="orange" onClick={() => void submit(null, true)}>
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
            value={d.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={errors.fullName}
            data-autofocus
          />
          <TextInput
            label="Preferred name"
            value={d.preferredName}
            onChange={(e) => set('preferredName', e.currentTarget.value)}
            error={errors.preferredName}
          />
          <TextInput
            label="Email"
            type="email"
            value={d.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label="Organisation"
            value={d.organisation}
            onChange={(e) => set('organisation', e.currentTarget.value)}
            error={errors.organisation}
          />
          <NativeSelect
            label="Stakeholder group"
            required
            value={d.stakeholderGroup}
            onChange={(e) => set('stakeholderGroup', e.currentTarget.value as StakeholderGroup)}
            data={[{ value: '', label: 'Choose a group…' }, ...stakeholderOptions]}
            error={errors.stakeholderGroup}
          />
          <NativeSelect
            label="Role in the forum"
            value={d.role}
            onChange={(e) => set('role', e.currentTarget.value as ForumRole)}
            data={roleOptions}
            error={errors.role}
          />
          <NativeSelect
            label="Country"
            value={d.country}
            onChange={(e) => onCountry(e.currentTarget.value)}
            data={[{ value: '', label: 'Not given' }, ...countryOptions]}
            error={errors.country}
            description={
              country
                ? `${REGION_LABELS[country.region]} · ${DEVELOPMENT_STATUS_LABELS[developmentStatusOf(country.code)!]}`
                : 'Region and development status follow from the country (UN M49)'
            }
          />
          <NativeSelect
            label="Time zone"
            value={d.timeZone}
            onChange={(e) => set('timeZone', e.currentTarget.value)}
            data={[{ value: '', label: 'Not given' }, ...zones]}
            error={errors.timeZone}
            description="Suggested from the country; change it if needed"
          />
          <NativeSelect
            label="Gender"
            value={d.gender}
            onChange={(e) => set('gender', e.currentTarget.value as Gender | '')}
            data={[{ value: '', label: 'Not given' }, ...genderOptions]}
            error={errors.gender}
            description="Optional"
          />
          {d.gender === 'self_described' && (
            <TextInput
              label="Gender, in their words"
              value={d.genderSelfDescribed}
              onChange={(e) => set('genderSelfDescribed', e.currentTarget.value)}
              error={errors.genderSelfDescribed}
            />
          )}
          <TextInput
            label="Languages"
            description="Language codes, separated by commas (e.g. en, pt-BR)"
            value={d.languages}
            onChange={(e) => set('languages', e.currentTarget.value)}
            error={errors.languages ?? errors['languages.0']}
          />
          <Textarea
            label="Aliases"
            description="Other names they go by, one per line"
            autosize
            minRows={2}
            value={d.aliases}
            onChange={(e) => set('aliases', e.currentTarget.value)}
            error={errors.aliases}
          />
          <Textarea
            label="Online handles"
            description="Social media or chat handles, one per line"
            autosize
            minRows={2}
            value={d.handles}
            onChange={(e) => set('handles', e.currentTarget.value)}
            error={errors.handles}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Text fw={500} size="sm">
            Consent
          </Text>
          <Checkbox
            label="May be listed in the report's acknowledgements"
            checked={d.consentListed}
            onChange={(e) => set('consentListed', e.currentTarget.checked)}
          />
          <Checkbox
            label="May receive invitations"
            checked={d.consentInvitations}
            onChange={(e) => set('consentInvitations', e.currentTarget.checked)}
          />
        </Stack>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={d.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={errors.notes}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save participant
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
