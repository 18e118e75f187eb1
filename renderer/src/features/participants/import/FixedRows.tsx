import { Badge, Button, Group, Stack, Text } from '@mantine/core';

/** The corrected rows, each with its undo. */
export function FixedRows({ lines, onUndo }: { lines: number[]; onUndo: (line: number) => void }) {
  if (lines.length === 0) return null;
  return (
    <Stack gap={4} aria-label="Fixed rows">
      {lines.map((line) => (
        <Group key={line} gap="xs">
          <Badge color="green" variant="light">
            Fixed
          </Badge>
          <Text size="sm">Line {line} will be imported with your corrections.</Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onUndo(line)}>
            Undo fix of line {line}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
