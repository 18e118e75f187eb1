import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RepresentationSettings, StakeholderMap } from '../../../../shared/api';
import { REGION_LABELS, REGIONS, type Region } from '../../../../shared/domain/countries';
import {
  INVOLVEMENT_LEVEL_LABELS,
  INVOLVEMENT_LEVELS,
  MAX_MAP_CELLS,
  PHASE_LABELS,
  PHASES,
  suggestedStakeholderMap,
  type InvolvementLevel,
  type StakeholderMapCell,
} from '../../../../shared/domain/stakeholderMap';
import {
  STAKEHOLDER_GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '../../../../shared/domain/vocabulary';
import { representationSchemas } from '../../../../shared/schemas/representation';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';

const ANY = '';

/** A row of the map as the form holds it: shares in percent, empty inputs as ''. */
type CellDraft = {
  stakeholderGroup: string;
  region: string;
  organisation: string;
  level: InvolvementLevel;
  phases: string[];
  targetMin: number | string;
  /** Percent (0-100) of the phase; the backend keeps a share (0-1). */
  targetShare: number | string;
};

type SettingsDraft = {
  /** Percent; the backend keeps shares. */
  dominanceShare: number | string;
  genderThreshold: number | string;
  recentCalls: number | string;
  minSample: number | string;
};

/** A share (0-1) in percent, without float noise (0.07 -> 7, not 7.000000000000001). */
const percent = (share: number) => Number((share * 100).toFixed(4));

/** A number input's value; an emptied input is not a number (said as "… is required."). */
const num = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
/** An optional number input: empty is none. */
const optionalNum = (v: number | string) =>
  typeof v === 'string' && v.trim() === '' ? null : Number(v);

const draftOfCell = (c: StakeholderMapCell): CellDraft => ({
  stakeholderGroup: c.stakeholderGroup ?? ANY,
  region: c.region ?? ANY,
  organisation: c.organisation ?? '',
  level: c.level,
  phases: c.phases,
  targetMin: c.targetMin ?? '',
  targetShare: c.targetShare === null ? '' : percent(c.targetShare),
});

const cellOfDraft = (d: CellDraft) => {
  const share = optionalNum(d.targetShare);
  return {
    stakeholderGroup: (d.stakeholderGroup || null) as StakeholderGroup | null,
    region: (d.region || null) as Region | null,
    organisation: d.organisation,
    level: d.level,
    phases: PHASES.filter((p) => d.phases.includes(p)),
    targetMin: optionalNum(d.targetMin),
    targetShare: share === null ? null : share / 100,
  };
};

/** The visible label of each field of the map, by path ("cells.0.targetMin"). */
export function mapLabel(path: string): string | undefined {
  if (path === 'cells') return 'Stakeholder map';
  const m = /^cells\.(\d+)\.(\w+)$/.exec(path);
  if (!m) return undefined;
  const n = Number(m[1]) + 1;
  const names: Record<string, string> = {
    stakeholderGroup: 'Stakeholder group',
    region: 'Region',
    organisation: 'Organisation',
    level: 'Level',
    phases: 'Phases',
    targetMin: 'At least (people)',
    targetShare: 'Or at least (% of the phase)',
  };
  return Object.hasOwn(names, m[2]) ? `${names[m[2]]}, row ${n}` : undefined;
}

/** The visible label of each alert threshold: error sentences start with it. */
export const THRESHOLD_LABELS: Record<string, string> = {
  dominanceShare: 'A group dominates above (% of a phase)',
  genderThreshold: 'Gender balance alert above (% of one gender)',
  recentCalls: 'Recently means the last (calls)',
  minSample: 'Judge shares from (people or records)',
};

/**
 * The shares are typed in percent; the schema's ranges are in shares (0.05-1). These say the same
 * ranges in percent, and win over the schema's sentence for their field.
 */
function percentRange(
  value: number | string,
  label: string,
  min: number,
  max: number,
): string | undefined {
  const n = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return Number.isFinite(n) && (n < min || n > max)
    ? `${label} must be between ${min} and ${max}.`
    : undefined;
}

/** The stakeholder map as an editable table, plus the alert thresholds. */
export function MapEditor({
  map,
  readOnly,
  onSaved,
}: {
  map: StakeholderMap;
  readOnly: boolean;
  onSaved: (m: StakeholderMap) => void;
}) {
  const client = useClient();
  const [dirty, setDirty] = useState(false);
  const mapForm = useZodForm({
    schema: representationSchemas['representation.saveMap'],
    initialValues: { cells: map.cells.map(draftOfCell) },
    toInput: (d: { cells: CellDraft[] }) => ({
      forumId: map.forumId,
      cells: d.cells.map(cellOfDraft),
    }),
    labels: mapLabel,
    extraChecks: (d): Record<string, string> => {
      const errors: Record<string, string> = {};
      d.cells.forEach((c, i) => {
        const e = percentRange(c.targetShare, mapLabel(`cells.${i}.targetShare`)!, 0, 100);
        if (e) errors[`cells.${i}.targetShare`] = e;
      });
      return errors;
    },
  });
  const settingsForm = useZodForm({
    schema: representationSchemas['representation.saveSettings'],
    initialValues: {
      dominanceShare: percent(map.settings.dominanceShare),
      genderThreshold: percent(map.settings.genderThreshold),
      recentCalls: map.settings.recentCalls,
      minSample: map.settings.minSample,
    } as SettingsDraft,
    toInput: (d: SettingsDraft): RepresentationSettings & { forumId: string } => ({
      forumId: map.forumId,
      dominanceShare: num(d.dominanceShare) / 100,
      genderThreshold: num(d.genderThreshold) / 100,
      recentCalls: num(d.recentCalls),
      minSample: num(d.minSample),
    }),
    labels: THRESHOLD_LABELS,
    extraChecks: (d): Record<string, string> => {
      const errors: Record<string, string> = {};
      const dominance = percentRange(d.dominanceShare, THRESHOLD_LABELS.dominanceShare, 5, 100);
      if (dominance) errors.dominanceShare = dominance;
      const gender = percentRange(d.genderThreshold, THRESHOLD_LABELS.genderThreshold, 50, 100);
      if (gender) errors.genderThreshold = gender;
      return errors;
    },
  });
  const { form } = mapForm;
  const cells = form.values.cells;
  /** A field of the map: a change marks the map unsaved. */
  const cellInput = (path: string, options?: { type: 'checkbox' }) => {
    const props = form.getInputProps(path, options);
    return {
      ...props,
      onChange: (v: unknown) => {
        props.onChange(v);
        setDirty(true);
      },
    };
  };
  const setCells = (next: StakeholderMapCell[]) => {
    form.setFieldValue('cells', next.map(draftOfCell));
    form.clearErrors();
    setDirty(true);
  };

  return (
    <Stack>
      <Text size="sm">
        Who should take part, to what extent and when (KICTANet’s advice): one row per stakeholder
        group and region, optionally one organisation. Targets are judged for every planned phase
        and for registered members.
      </Text>
      <form
        onSubmit={mapForm.onSubmit(async (input) => {
          const r = await client.call('representation.saveMap', input);
          if (!r.ok) return r;
          setDirty(false);
          notifications.show({ message: 'Stakeholder map saved' });
          onSaved(r.value);
        })}
        noValidate
      >
        <Stack>
          {!readOnly && (
            <Group>
              <Button variant="default" onClick={() => setCells(suggestedStakeholderMap())}>
                Use suggested map
              </Button>
              <Button
                variant="default"
                disabled={cells.length >= MAX_MAP_CELLS}
                onClick={() => {
                  form.insertListItem(
                    'cells',
                    draftOfCell({
                      stakeholderGroup: null,
                      region: null,
                      organisation: null,
                      level: 'consult',
                      phases: [],
                      targetMin: null,
                      targetShare: null,
                    }),
                  );
                  setDirty(true);
                }}
              >
                Add row
              </Button>
              <SubmitButton busy={mapForm.submitting} disabled={!dirty}>
                Save map
              </SubmitButton>
              {dirty && (
                <Text size="sm" c="dimmed">
                  Unsaved changes
                </Text>
              )}
            </Group>
          )}
          <ErrorSummary {...mapForm.summary} />
          {cells.length === 0 ? (
            <Alert color="gray" title="No stakeholder map yet">
              Start from the suggested map for a Best Practice Forum and edit it, or add rows one by
              one.
            </Alert>
          ) : (
            <Table.ScrollContainer minWidth={1100}>
              <Table aria-label="Stakeholder map">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Stakeholder group</Table.Th>
                    <Table.Th>Region</Table.Th>
                    <Table.Th>Organisation</Table.Th>
                    <Table.Th>Level</Table.Th>
                    <Table.Th>Phases</Table.Th>
                    <Table.Th>Target</Table.Th>
                    {!readOnly && <Table.Th>Row</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cells.map((_, i) => {
                    const n = i + 1;
                    return (
                      <Table.Tr key={form.key(`cells.${i}`)}>
                        <Table.Td>
                          <NativeSelect
                            label={`Stakeholder group, row ${n}`}
                            disabled={readOnly}
                            {...cellInput(`cells.${i}.stakeholderGroup`)}
                            data={[
                              { value: ANY, label: 'Any group' },
                              ...STAKEHOLDER_GROUPS.map((g) => ({
                                value: g,
                                label: STAKEHOLDER_GROUP_LABELS[g],
                              })),
                            ]}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            label={`Region, row ${n}`}
                            disabled={readOnly}
                            {...cellInput(`cells.${i}.region`)}
                            data={[
                              { value: ANY, label: 'All regions' },
                              ...REGIONS.map((r) => ({ value: r, label: REGION_LABELS[r] })),
                            ]}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            label={`Organisation, row ${n}`}
                            disabled={readOnly}
                            maxLength={200}
                            {...cellInput(`cells.${i}.organisation`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            label={`Level, row ${n}`}
                            disabled={readOnly}
                            {...cellInput(`cells.${i}.level`)}
                            data={INVOLVEMENT_LEVELS.map((l) => ({
                              value: l,
                              label: INVOLVEMENT_LEVEL_LABELS[l],
                            }))}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Checkbox.Group
                            label={`Phases, row ${n}`}
                            {...cellInput(`cells.${i}.phases`)}
                          >
                            <Stack gap={2} mt={4}>
                              {PHASES.map((p) => (
                                <Checkbox
                                  key={p}
                                  size="xs"
                                  value={p}
                                  label={PHASE_LABELS[p]}
                                  disabled={readOnly}
                                />
                              ))}
                            </Stack>
                          </Checkbox.Group>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4}>
                            <NumberInput
                              label={`At least (people), row ${n}`}
                              disabled={readOnly}
                              min={0}
                              max={100000}
                              allowDecimal={false}
                              // Not clamped on blur: the summary takes focus after a failed save,
                              // and a silent change would take the error away behind the user.
                              clampBehavior="none"
                              {...cellInput(`cells.${i}.targetMin`)}
                            />
                            <NumberInput
                              label={`Or at least (% of the phase), row ${n}`}
                              disabled={readOnly}
                              min={0}
                              max={100}
                              clampBehavior="none"
                              {...cellInput(`cells.${i}.targetShare`)}
                            />
                          </Stack>
                        </Table.Td>
                        {!readOnly && (
                          <Table.Td>
                            <Button
                              variant="subtle"
                              color="red"
                              aria-label={`Remove row ${n}`}
                              onClick={() => {
                                form.removeListItem('cells', i);
                                setDirty(true);
                              }}
                            >
                              Remove
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </form>

      {!readOnly && (
        <section aria-label="Alert thresholds">
          <Title order={2} size="h4" mb="xs">
            Alert thresholds
          </Title>
          <form
            onSubmit={settingsForm.onSubmit(async (input) => {
              const r = await client.call('representation.saveSettings', input);
              if (!r.ok) return r;
              notifications.show({ message: 'Alert thresholds saved' });
              onSaved(r.value);
            })}
            noValidate
          >
            <ErrorSummary {...settingsForm.summary} />
            <Group align="flex-start" grow>
              <NumberInput
                label="A group dominates above (% of a phase)"
                min={5}
                max={100}
                clampBehavior="none"
                {...settingsForm.form.getInputProps('dominanceShare')}
              />
              <NumberInput
                label="Gender balance alert above (% of one gender)"
                min={50}
                max={100}
                clampBehavior="none"
                {...settingsForm.form.getInputProps('genderThreshold')}
              />
              <NumberInput
                label="Recently means the last (calls)"
                min={1}
                max={50}
                allowDecimal={false}
                clampBehavior="none"
                {...settingsForm.form.getInputProps('recentCalls')}
              />
              <NumberInput
                label="Judge shares from (people or records)"
                min={1}
                max={10000}
                allowDecimal={false}
                clampBehavior="none"
                {...settingsForm.form.getInputProps('minSample')}
              />
            </Group>
            <SubmitButton mt="sm" variant="default" busy={settingsForm.submitting}>
              Save thresholds
            </SubmitButton>
          </form>
        </section>
      )}
    </Stack>
  );
}
