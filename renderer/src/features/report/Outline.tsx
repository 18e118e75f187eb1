import { ActionIcon, Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ReportSection } from '../../../../shared/api';
import { isGeneratedKind } from '../../../../shared/domain/report';
import { useForumAccess } from '../../app/forumAccess';
import { canMoveDown, canMoveUp, moveDown, moveUp, type OutlineItem } from './outline';

/**
 * The report's outline: sections in order, indented by level. Each row selects its section and
 * has "Move up"/"Move down" buttons (a section moves with its subsections, among its siblings),
 * left out in an archived forum.
 */
export function Outline({
  sections,
  selectedId,
  onSelect,
  onReorder,
}: {
  sections: ReportSection[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onReorder: (items: OutlineItem[]) => void;
}) {
  const { canWrite } = useForumAccess();
  const items = sections.map((s) => ({ id: s.id, level: s.level }));
  const list = useRef<HTMLOListElement>(null);
  // Keyboard users keep their place: after a move, focus returns to the moved section's button.
  const moved = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);
  useEffect(() => {
    const m = moved.current;
    if (!m || !list.current) return;
    moved.current = null;
    const find = (dir: string) =>
      list.current?.querySelector<HTMLButtonElement>(
        `[data-section="${m.id}"][data-move="${dir}"]:not(:disabled)`,
      );
    (find(m.dir) ?? find(m.dir === 'up' ? 'down' : 'up'))?.focus();
  }, [sections]);
  const move = (i: number, dir: 'up' | 'down') => {
    moved.current = { id: items[i].id, dir };
    onReorder(dir === 'up' ? moveUp(items, i) : moveDown(items, i));
  };
  if (sections.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No sections yet.
      </Text>
    );
  return (
    <nav aria-label="Outline">
      <ol ref={list} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {sections.map((s, i) => {
          const current = s.id === selectedId;
          const name = `${s.number} ${s.title}`;
          return (
            <li key={s.id} style={{ paddingLeft: (s.level - 1) * 16 }}>
              <Group
                gap={4}
                wrap="nowrap"
                role="group"
                aria-label={name}
                style={{
                  borderRadius: 4,
                  background: current ? 'var(--mantine-color-blue-light)' : undefined,
                }}
              >
                <UnstyledButton
                  onClick={() => onSelect(s.id)}
                  aria-current={current ? 'true' : undefined}
                  style={{ flex: 1, padding: '4px 6px', minWidth: 0 }}
                >
                  <Text size="sm" fw={s.level === 1 ? 600 : 400} truncate="end">
                    {name}
                  </Text>
                  {(isGeneratedKind(s.kind) || s.stale) && (
                    <Group gap={4}>
                      {isGeneratedKind(s.kind) && (
                        <Badge size="xs" variant="light" color="teal">
                          Generated
                        </Badge>
                      )}
                      {s.stale && (
                        <Badge size="xs" variant="light" color="orange">
                          Data changed
                        </Badge>
                      )}
                    </Group>
                  )}
                </UnstyledButton>
                {canWrite && (
                  <>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label="Move up"
                      title={`Move “${s.title}” up`}
                      data-section={s.id}
                      data-move="up"
                      disabled={!canMoveUp(items, i)}
                      onClick={() => move(i, 'up')}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label="Move down"
                      title={`Move “${s.title}” down`}
                      data-section={s.id}
                      data-move="down"
                      disabled={!canMoveDown(items, i)}
                      onClick={() => move(i, 'down')}
                    >
                      ↓
                    </ActionIcon>
                  </>
                )}
              </Group>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
