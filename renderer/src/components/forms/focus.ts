const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * What takes focus for a field's node: the node itself when it is an input, else the first input
 * inside it. A checkbox or radio group carries its field id (and its ref) on its wrapper, which
 * cannot take focus: its first checkbox or radio does.
 */
export function focusTarget(node: HTMLElement): HTMLElement {
  if (node.matches(FOCUSABLE)) return node;
  return node.querySelector<HTMLElement>(FOCUSABLE) ?? node;
}
