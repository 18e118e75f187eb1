import { Alert, Anchor, List, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { focusTarget } from './focus';
import type { SummaryItem } from './useZodForm';

/** The input of a field, by the id the form gave it; else the form's first invalid input. */
function inputOf(from: HTMLElement, id: string): HTMLElement | null {
  const byId = document.getElementById(id);
  if (byId) return focusTarget(byId);
  const scope = from.closest('form') ?? from.closest('[role="dialog"]') ?? document.body;
  return scope.querySelector<HTMLElement>('[aria-invalid="true"]');
}

/**
 * The errors of a form, at its top: announced (role=alert, these are errors), focused after each
 * failed submit, and each one a link that focuses its field.
 */
export function ErrorSummary({
  items,
  attempt,
  fieldId,
  title,
}: {
  items: SummaryItem[];
  /** Changes on every failed submit: the summary then takes focus. */
  attempt: number;
  fieldId: (path: string) => string;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (items.length === 0) return null;
  const heading =
    title ?? (items.length === 1 ? 'There is a problem' : `There are ${items.length} problems`);
  return (
    <Alert
      ref={ref}
      color="red"
      role="alert"
      tabIndex={-1}
      title={heading}
      aria-label={heading}
      data-error-summary
    >
      {items.length === 1 && !items[0].field ? (
        <Text size="sm">{items[0].message}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.map((item, i) => (
            <List.Item key={item.field ?? `form-${i}`}>
              {item.field ? (
                <Anchor
                  href={`#${fieldId(item.field)}`}
                  size="sm"
                  onClick={(e) => {
                    e.preventDefault();
                    const node = inputOf(e.currentTarget, fieldId(item.field!));
                    node?.focus();
                    node?.scrollIntoView?.({ block: 'center' });
                  }}
                >
                  {item.message}
                </Anchor>
              ) : (
                item.message
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
