/** An owner choice in the agenda and action-item forms. */
export type Owner = { value: string; label: string };
