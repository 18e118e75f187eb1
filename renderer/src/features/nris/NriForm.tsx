import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Nri } from '../../../../shared/api';
import { REGION_LABELS, REGIONS, regionOf } from '../../../../shared/domain/countries';
import { NRI_KIND_LABELS, NRI_KINDS, type NriKind } from '../../../../shared/domain/nris';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useSchemaErrors } from '../../components/forms';
import { nriInput } from '../../../../shared/schemas/nris';
import { COUNTRY_OPTIONS } from './format';

interface NriDraft {
  name: string;
  kind: NriKind;
  country: string;
  region: string;
  website: string;
  contactName: string;
  contactEmail: string;
  notes: string;
}

/** The visible label of each field: error sentences start with it. */
export const NRI_LABELS: Record<string, string> = {
  name: 'Name',
  kind: 'Kind',
  country: 'Country',
  region: 'Region',
  website: 'Website',
  contactName: 'Contact person',
  contactEmail: 'Contact e-mail',
  notes: 'Notes',
};

const draftOf = (n?: Nri): NriDraft => ({
  name: n?.name ?? '',
  kind: n?.kind ?? 'national',
  country: n?.country ?? '',
  region: n?.region ?? '',
  website: n?.website ?? '',
  contactName: n?.contactName ?? '',
  contactEmail: n?.contactEmail ?? '',
  notes: n?.notes ?? '',
});

/** Add or edit an NRI of the directory. */
export function NriForm({
  nri,
  onSaved,
  onCancel,
}: {
  nri?: Nri;
  onSaved: (n: Nri) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  const [d, setD] = useState<NriDraft>(() => draftOf(nri));
  const [saving, setSaving] = useState(false);
  const { errors, check, show, clearField, fieldId, summary } = useSchemaErrors(
    nriInput,
    NRI_LABELS,
  );
  const set = <K extends keyof NriDraft>(k: K, v: NriDraft[K]) => {
    setD((p) => ({ ...p, [k]: v }));
    clearField(k);
  };
  const countryRegion = d.country ? regionOf(d.country) : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const fields = {
      name: d.name,
      kind: d.kind,
      country: d.country || null,
      region: d.country ? null : ((d.region || null) as Nri['region']),
      website: d.website.trim(),
      contactName: d.contactName,
      contactEmail: d.contactEmail.trim(),
      notes: d.notes,
    };
    if (!check(fields)) return;
    setSaving(true);
    const r = nri
      ? await client.call('nris.update', { id: nri.id, ...fields })
      : await client.call('nris.create', fields);
    setSaving(false);
    if (r.ok) onSaved(r.value);
    else show(r.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <TextInput
          label="Name"
          required
          data-autofocus
          value={d.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          id={fieldId('name')}
          error={errors.name}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Kind"
            value={d.kind}
            onChange={(e) => set('kind', e.currentTarget.value as NriKind)}
            data={NRI_KINDS.map((k) => ({ value: k, label: NRI_KIND_LABELS[k] }))}
            id={fieldId('kind')}
            error={errors.kind}
          />
          <NativeSelect
            label="Country"
            description="For a national or youth IGF"
            value={d.country}
            onChange={(e) => set('country', e.currentTarget.value)}
            data={COUNTRY_OPTIONS}
            id={fieldId('country')}
            error={errors.country}
          />
          <NativeSelect
            label="Region"
            description={d.country ? 'Follows the country' : 'For a regional IGF'}
            value={countryRegion ?? d.region}
            disabled={Boolean(d.country)}
            onChange={(e) => set('region', e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...REGIONS.map((r) => ({ value: r, label: REGION_LABELS[r] })),
            ]}
            id={fieldId('region')}
            error={errors.region}
          />
        </SimpleGrid>
        <TextInput
          label="Website"
          type="url"
          placeholder="https://"
          value={d.website}
          onChange={(e) => set('website', e.currentTarget.value)}
          id={fieldId('website')}
          error={errors.website}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Contact person"
            value={d.contactName}
            onChange={(e) => set('contactName', e.currentTarget.value)}
            id={fieldId('contactName')}
            error={errors.contactName}
          />
          <TextInput
            label="Contact e-mail"
            type="email"
            value={d.contactEmail}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
            id={fieldId('contactEmail')}
            error={errors.contactEmail}
          />
        </SimpleGrid>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={d.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          id={fieldId('notes')}
          error={errors.notes}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={saving}>Save NRI</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
