import { Group, Radio } from '@mantine/core';

export type Fold = 'earlier' | 'later';

/**
 * Which of two repeated times is meant, when clocks go back. Shown when the backend asks (its
 * message names both UTC offsets) or when a choice was already made.
 */
export function FoldChoice({
  label,
  value,
  error,
  onChange,
  id,
}: {
  label: string;
  /** The group's id: the error summary's link focuses its first choice. */
  id?: string;
  value: Fold | undefined;
  error?: string;
  onChange: (v: Fold) => void;
}) {
  if (!error && !value) return null;
  return (
    <Radio.Group
      label={label}
      id={id}
      description="This time happens twice that day because the clocks go back."
      value={value ?? null}
      error={error}
      onChange={(v) => onChange(v as Fold)}
    >
      <Group mt={4}>
        <Radio value="earlier" label="The earlier one (before the clocks go back)" />
        <Radio value="later" label="The later one (after the clocks go back)" />
      </Group>
    </Radio.Group>
  );
}
