import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { filterZones, zoneOptions } from '../../../../shared/domain/zoneSearch';
import { allZones } from './format';

/**
 * The time-zone picker: Mantine's searchable Select over Intl.supportedValuesOf('timeZone'),
 * filtered by city, country (with aliases such as Geneva -> Europe/Zurich) and UTC offset.
 */
export function ZonePicker({
  label,
  value,
  onChange,
  error,
  id,
}: {
  label: string;
  /** The input's id: the error summary's link to this field points there. */
  id?: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
}) {
  const options = useMemo(() => zoneOptions(allZones(), Date.now()), []);
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const filter: OptionsFilter = ({ options: items, search }) => {
    const keep = new Set(filterZones(options, search).map((o) => o.value));
    return (items as ComboboxItem[]).filter((i) => keep.has(i.value) && byValue.has(i.value));
  };
  return (
    <Select
      label={label}
      id={id}
      searchable
      value={value}
      error={error}
      allowDeselect={false}
      nothingFoundMessage="No time zone matches: try a city, a country or an offset such as +5:30."
      data={options.map((o) => ({ value: o.value, label: o.label }))}
      filter={filter}
      limit={50}
      onChange={(v) => v && onChange(v)}
    />
  );
}
