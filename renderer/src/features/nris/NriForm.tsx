import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Nri } from '../../../../shared/api';
import { REGION_LABELS, REGIONS, regionOf } from '../../../../shared/domain/countries';
import { NRI_KIND_LABELS, NRI_KINDS, type NriKind } from '../../../../shared/domain/nris';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';
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
  const { errors, formError, clear, show } = useFieldErrors();
  const set = <K extends keyof NriDraft>(k: K, v: NriDraft[K]) => setD((p) => ({ ...p, [k]: v }));
  const countryRegion = d.country ? regionOf(d.country) : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSaving(true);
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
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput
          label="Name"
          required
          data-autofocus
          value={d.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Kind"
            value={d.kind}
            onChange={(e) => set('kind', e.currentTarget.value as NriKind)}
            data={NRI_KINDS.map((k) => ({ value: k, label: NRI_KIND_LABELS[k] }))}
            error={errors.kind}
          />
          <NativeSelect
            label="Country"
            description="For a national or youth IGF"
            value={d.country}
            onChange={(e) => set('country', e.currentTarget.value)}
            data={COUNTRY_OPTIONS}
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
            error={errors.region}
          />
        </SimpleGrid>
        <TextInput
          label="Website"
          type="url"
          placeholder="https://"
          value={d.website}
          onChange={(e) => set('website', e.currentTarget.value)}
          error={errors.website}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Contact person"
            value={d.contactName}
            onChange={(e) => set('contactName', e.currentTarget.value)}
            error={errors.contactName}
          />
          <TextInput
            label="Contact e-mail"
            type="email"
            value={d.contactEmail}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
            error={errors.contactEmail}
          />
        </SimpleGrid>
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
            Save NRI
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
