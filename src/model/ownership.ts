// What konsync records in Konnect about who manages a platform resource (README "Ownership").

/** Label konsync sets on every control plane it manages: the owner (`_konnect.owner`, `--owner`) of the state. */
export const OWNER_LABEL = 'konsync-owner';
/** Label konsync sets on a control plane declared `protected: true`: no plan may delete or replace it. */
export const PROTECTED_LABEL = 'konsync-protected';
/** Owner of a state that names none. */
export const DEFAULT_OWNER = 'default';

/** Keys of a platform resource in a file that say how konsync should treat it; never sent to Konnect. */
export interface Intent {
  /** No plan may delete or replace it (nor what belongs to it), whatever the flags. */
  protected?: boolean;
  /** It exists in Konnect with no owner recorded: this state takes it over. */
  adopt?: boolean;
}

export const INTENT_KEYS = ['protected', 'adopt', 'absent'] as const;

/**
 * Tag on the entities konsync derives from others (a group managed cache's `konnect-managed` partial on each member):
 * they belong to the state that derives them, so only a claim naming this tag deletes them.
 */
export const DERIVED_TAG = 'konsync-derived';
