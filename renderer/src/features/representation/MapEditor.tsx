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
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';

const ANY = '';

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
  const [cells, setCells] = useState<StakeholderMapCell[]>(map.cells);
  const [dirty, setDirty] = useState(false);
  const [settings, setSettings] = useState<RepresentationSettings>(map.settings);
  const { errors, formError, clear, show } = useFieldErrors();
  const settingsErrors = useFieldErrors();

  const update = (i: number, patch: Partial<StakeholderMapCell>) => {
    setCells((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
    setDirty(true);
  };

  const save = async () => {
    clear();
    const r = await client.call('representation.saveMap', { forumId: map.forumId, cells });
    if (!r.ok) return show(r.error);
    setDirty(false);
    notifications.show({ message: 'Stakeholder map saved' });
    onSaved(r.value);
  };

  const saveSettings = async () => {
    settingsErrors.clear();
    const r = await client.call('representation.saveSettings', {
      forumId: map.forumId,
      ...settings,
    });
    if (!r.ok) return settingsErrors.show(r.error);
    notifications.show({ message: 'Alert thresholds saved' });
    onSaved(r.value);
  };

  return (
    <Stack>
      <Text size="sm">
        Who should take part, to what extent and when (KICTANet’s advice): one row per stakeholder
        group and region, optionally one organisation. Targets are judged for every planned phase
        and for registered members.
      </Text>
      {!readOnly && (
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setCells(suggestedStakeholderMap());
              setDirty(true);
            }}
          >
            Use suggested map
          </Button>
          <Button
            variant="default"
            disabled={cells.length >= MAX_MAP_CELLS}
            onClick={() => {
              setCells((cs) => [
                ...cs,
                {
                  stakeholderGroup: null,
                  region: null,
                  organisation: null,
                  level: 'consult',
                  phases: [],
                  targetMin: null,
                  targetShare: null,
                },
              ]);
              setDirty(true);
            }}
          >
            Add row
          </Button>
          <Button onClick={() => void save()} disabled={!dirty}>
            Save map
          </Button>
          {dirty && (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          )}
        </Group>
      )}
      {formError && <Alert color="red">{formError}</Alert>}
      {Object.values(errors).length > 0 && (
        <Alert color="red">
          {Object.entries(errors)
            .map(([f, m]) => `${f}: ${m}`)
            .join('; ')}
        </Alert>
      )}
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
              {cells.map((c, i) => {
                const n = i + 1;
                return (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <NativeSelect
                        label={`Stakeholder group, row ${n}`}
                        disabled={readOnly}
                        value={c.stakeholderGroup ?? ANY}
                        onChange={(e) =>
                          update(i, {
                            stakeholderGroup: (e.currentTarget.value as StakeholderGroup) || null,
                          })
                        }
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
                        value={c.region ?? ANY}
                        onChange={(e) =>
                          update(i, { region: (e.currentTarget.value as Region) || null })
                        }
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
                        value={c.organisation ?? ''}
                        onChange={(e) => update(i, { organisation: e.currentTarget.value || null })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        label={`Level, row ${n}`}
                        disabled={readOnly}
                        value={c.level}
                        onChange={(e) =>
                          update(i, { level: e.currentTarget.value as InvolvementLevel })
                        }
                        data={INVOLVEMENT_LEVELS.map((l) => ({
                          value: l,
                          label: INVOLVEMENT_LEVEL_LABELS[l],
                        }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox.Group
                        label={`Phases, row ${n}`}
                        value={c.phases}
                        onChange={(v) => update(i, { phases: PHASES.filter((p) => v.includes(p)) })}
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
                          value={c.targetMin ?? ''}
                          onChange={(v) =>
                            update(i, { targetMin: typeof v === 'number' ? v : null })
                          }
                        />
                        <NumberInput
                          label={`Or at least (% of the phase), row ${n}`}
                          disabled={readOnly}
                          min={0}
                          max={100}
                          value={c.targetShare === null ? '' : Math.round(c.targetShare * 100)}
                          onChange={(v) =>
                            update(i, { targetShare: typeof v === 'number' ? v / 100 : null })
                          }
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
                            setCells((cs) => cs.filter((_, j) => j !== i));
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

      {!readOnly && (
        <section aria-label="Alert thresholds">
          <Title order={2} size="h4" mb="xs">
            Alert thresholds
          </Title>
          {settingsErrors.formError && <Alert color="red">{settingsErrors.formError}</Alert>}
          <Group align="flex-start" grow>
            <NumberInput
              label="A group dominates above (% of a phase)"
              min={5}
              max={100}
              value={Math.round(settings.dominanceShare * 100)}
              error={settingsErrors.errors.dominanceShare}
              onChange={(v) =>
                typeof v === 'number' && setSettings((s) => ({ ...s, dominanceShare: v / 100 }))
              }
            />
            <NumberInput
              label="Gender balance alert above (% of one gender)"
              min={50}
              max={100}
              value={Math.round(settings.genderThreshold * 100)}
              error={settingsErrors.errors.genderThreshold}
              onChange={(v) =>
                typeof v === 'number' && setSettings((s) => ({ ...s, genderThreshold: v / 100 }))
              }
            />
            <NumberInput
              label="Recently means the last (calls)"
              min={1}
              max={50}
              allowDecimal={false}
              value={settings.recentCalls}
              error={settingsErrors.errors.recentCalls}
              onChange={(v) =>
                typeof v === 'number' && setSettings((s) => ({ ...s, recentCalls: v }))
              }
            />
            <NumberInput
              label="Judge shares from (people or records)"
              min={1}
              max={10000}
              allowDecimal={false}
              value={settings.minSample}
              error={settingsErrors.errors.minSample}
              onChange={(v) =>
                typeof v === 'number' && setSettings((s) => ({ ...s, minSample: v }))
              }
            />
          </Group>
          <Button mt="sm" variant="default" onClick={() => void saveSettings()}>
            Save thresholds
          </Button>
        </section>
      )}
    </Stack>
  );
}
