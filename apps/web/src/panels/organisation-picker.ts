import { getJson } from '../api-client';
import type { DirectoryEntry } from '../api-types';
import { byId, el } from '../status';

const optionLabel = (o: DirectoryEntry) => `${o.name}${o.code ? ` (${o.code})` : ''}`;

/**
 * The organisation search: a text box whose suggestions come from the directory (names and codes); what is
 * typed resolves to an id by its label, name, code or id, or goes to the API as it is (an id or code).
 */
export class OrganisationPicker {
  private entries: DirectoryEntry[] = [];

  constructor(private readonly onOpen: (idOrCode: string) => void) {
    byId('org-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = byId<HTMLInputElement>('org-input').value.trim();
      if (typed) this.onOpen(this.resolve(typed));
    });
  }

  async load(): Promise<void> {
    this.entries = await getJson<DirectoryEntry[]>('/directory');
    byId('org-options').replaceChildren(...this.entries.map((o) => el('option', { value: optionLabel(o) })));
  }

  /** The name of an organisation id for labels (employers, partnership hosts), the id itself when unknown. */
  nameOf = (organisationId: string): string => this.entries.find((o) => o.organisationId === organisationId)?.name ?? organisationId;

  show(entry: { name: string; code: string | null }): void {
    byId<HTMLInputElement>('org-input').value = optionLabel(entry as DirectoryEntry);
  }

  private resolve(typed: string): string {
    const lower = typed.toLowerCase();
    const match = this.entries.find((o) => optionLabel(o).toLowerCase() === lower || o.name.toLowerCase() === lower || o.code?.toLowerCase() === lower);
    return match?.organisationId ?? typed;
  }
}
