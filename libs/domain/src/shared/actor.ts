export const ROLES = ['agent', 'supervisor', 'backoffice', 'quality', 'auditor', 'reporter', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  /** The JWT `sub`, or `system:<process>` for process managers. */
  id: string;
  roles: readonly Role[];
}

/** Every command carries who asks and when: the domain never reads a clock. */
export interface CommandContext {
  actor: Actor;
  /** ISO-8601 instant with offset. */
  at: string;
}
