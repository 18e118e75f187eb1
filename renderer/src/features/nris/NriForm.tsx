import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Nri } from '../../../../shared/api';
import { REGION_LABELS, REGIONS, regionOf } from '../../../../shared/domain/countries';
import { NRI_KIND_LABELS, NRI_KINDS, type NriKind } from '../../../../shared/domain/nris';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { nriInput } from '../../../../shared/schemas/nris';
import { COUNTRY_OPTIONS } from './format';

type NriDraft = {
  name: string;
  kind: NriKind;
  country: string;
  region: string;
  website: string;
  contactName: string;
  contactEmail: string;
  notes: string;
};

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

/** The form's draft as the shared schema's input: a country's region follows from it. */
export const nriInputOf = (d: NriDraft) => ({
  name: d.name,
  kind: d.kind,
  country: d.country || null,
  region: d.country ? null : ((d.region || null) as Nri['region']),
  website: d.website.trim(),
  contactName: d.contactName,
  contactEmail: d.contactEmail.trim(),
  notes: d.notes,
});

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
  const zf = useZodForm({
    schema: nriInput,
    initialValues: draftOf(nri),
    toInput: nriInputOf,
    labels: NRI_LABELS,
  });
  const { form } = zf;
  const d = form.values;
  const countryRegion = d.country ? regionOf(d.country) : undefined;

  return (
    <form
      onSubmit={zf.onSubmit(async (fields) => {
        const r = nri
          ? await client.call('nris.update', { id: nri.id, ...fields })
          : await client.call('nris.create', fields);
        if (r.ok) onSaved(r.value);
        else return r;
      })}
      noValidate
    >
      <Stack>
        <ErrorSummary {...zf.summary} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Kind"
            {...form.getInputProps('kind')}
            data={NRI_KINDS.map((k) => ({ value: k, label: NRI_KIND_LABELS[k] }))}
          />
          <NativeSelect
            label="Country"
            description="For a national or youth IGF"
            {...form.getInputProps('country')}
            data={COUNTRY_OPTIONS}
          />
          <NativeSelect
            label="Region"
            description={d.country ? 'Follows the country' : 'For a regional IGF'}
            {...form.getInputProps('region')}
            value={countryRegion ?? d.region}
            disabled={Boolean(d.country)}
            data={[
              { value: '', label: '—' },
              ...REGIONS.map((r) => ({ value: r, label: REGION_LABELS[r] })),
            ]}
          />
        </SimpleGrid>
        <TextInput
          label="Website"
          type="url"
          placeholder="https://"
          {...form.getInputProps('website')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Contact person" {...form.getInputProps('contactName')} />
          <TextInput label="Contact e-mail" type="email" {...form.getInputProps('contactEmail')} />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={zf.submitting}>Save NRI</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
