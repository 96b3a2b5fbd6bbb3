import { ApiError, getJson } from '../api-client';
import type { Changes, Structure } from '../api-types';
import { dayNumber, isCalendarDate, isoDate, nextTick, previousTick, today } from '../calendar';
import { chartBoxes, type ChartHighlights, NO_HIGHLIGHTS, type OrganisationNames } from '../chart/chart-model';
import { renderOrgChart } from '../chart/render-org-chart';
import { byId, el, fail, say } from '../status';
import { knownAtOptions } from './known-at-options';

/**
 * The organisation chart with its time slider (one step a day, a tick per change date) and its "known at"
 * choice. Each move asks the API for the structure on that date as known at that instant; a newer request
 * aborts an older one so the chart always shows the last position asked for.
 */
export class ChartPanel {
  private organisationId: string | null = null;
  private ticks: number[] = [];
  private highlights: ChartHighlights = NO_HIGHLIGHTS;
  private inFlight: AbortController | null = null;
  /** The first drawing of an organisation scrolls to its root; later ones keep the reader's place. */
  private scrollToRoot = false;
  private readonly slider = byId<HTMLInputElement>('date-slider');
  private readonly dateInput = byId<HTMLInputElement>('date-input');
  private readonly knownAt = byId<HTMLSelectElement>('known-at');
  private readonly knownAtCustom = byId<HTMLInputElement>('known-at-custom');

  constructor(
    private readonly orgName: OrganisationNames,
    private readonly onUnit: (unitId: string) => void,
    private readonly onOrganisation: (organisationId: string) => void,
  ) {
    this.slider.addEventListener('input', () => this.show(isoDate(Number(this.slider.value))));
    this.dateInput.addEventListener('change', () => isCalendarDate(this.dateInput.value) && this.show(this.dateInput.value));
    byId('prev-change').addEventListener('click', () => this.jump(previousTick(this.ticks, Number(this.slider.value))));
    byId('next-change').addEventListener('click', () => this.jump(nextTick(this.ticks, Number(this.slider.value))));
    this.knownAt.addEventListener('change', () => {
      this.knownAtCustom.value = '';
      void this.draw();
    });
    this.knownAtCustom.addEventListener('change', () => void this.draw());
  }

  get date(): string {
    return isoDate(Number(this.slider.value));
  }

  get knownAtValue(): string | undefined {
    return this.knownAtCustom.value.trim() || this.knownAt.value || undefined;
  }

  /** Opens an organisation: its change dates become the slider's ticks, its corrections the known-at choices. */
  async open(organisationId: string, openFrom: string, at = today()): Promise<void> {
    this.organisationId = organisationId;
    this.highlights = NO_HIGHLIGHTS;
    this.scrollToRoot = true;
    const changes = await getJson<Changes>(`/organisations/${encodeURIComponent(organisationId)}/changes`);
    const dates = [...new Set(changes.entries.map((e) => e.effectiveFrom))].sort();
    this.ticks = dates.map(dayNumber);
    const first = Math.min(dayNumber(openFrom), ...this.ticks);
    const last = Math.max(dayNumber(today()), ...this.ticks);
    Object.assign(this.slider, { min: String(first), max: String(last) });
    this.dateInput.min = isoDate(first);
    this.dateInput.max = isoDate(last);
    byId('change-ticks').replaceChildren(...dates.map((d) => el('option', { value: String(dayNumber(d)), label: d })));
    this.knownAt.replaceChildren(...knownAtOptions(changes.entries).map((o) => el('option', { value: o.value }, o.label)));
    this.knownAtCustom.value = '';
    for (const control of [this.slider, this.dateInput, this.knownAt, this.knownAtCustom, byId<HTMLButtonElement>('prev-change'), byId<HTMLButtonElement>('next-change')]) control.disabled = false;
    await this.show(at);
  }

  /** Marks a diff's changes on the chart (drawn at the diff's later date by the caller). */
  async highlight(highlights: ChartHighlights, at: string): Promise<void> {
    this.highlights = highlights;
    await this.show(at);
  }

  async show(at: string): Promise<void> {
    this.slider.value = String(dayNumber(at));
    this.slider.setAttribute('aria-valuetext', at);
    byId('date-output').textContent = at;
    this.dateInput.value = at;
    await this.draw();
  }

  private async jump(day: number | undefined): Promise<void> {
    if (day !== undefined) await this.show(isoDate(day));
  }

  private async draw(): Promise<void> {
    if (!this.organisationId) return;
    this.inFlight?.abort();
    const request = new AbortController();
    this.inFlight = request;
    const at = this.date;
    const container = byId('org-chart');
    try {
      const structure = await getJson<Structure>(`/organisations/${encodeURIComponent(this.organisationId)}/structure`, { at, knownAt: this.knownAtValue }, request.signal);
      const title = `${structure.organisation.name} on ${structure.at}, as known at ${structure.knownAt}`;
      container.replaceChildren(renderOrgChart(chartBoxes(structure, this.orgName, this.highlights), { title, onUnit: this.onUnit, onOrganisation: () => this.onOrganisation(structure.organisation.organisationId) }));
      if (this.scrollToRoot) {
        this.scrollToRoot = false;
        showRoot(container);
      }
      container.dataset.at = structure.at;
      container.dataset.knownAt = structure.knownAt;
      const c = structure.counts;
      byId('chart-summary').textContent = `${title}: ${c.units} units, ${c.posts} posts, ${c.vacancies} vacant, ${c.actingOrCovering} acting or covering.`;
      history.replaceState(null, '', `#${new URLSearchParams({ org: this.organisationId, at: structure.at })}`);
      say(`Showing ${structure.organisation.name} on ${structure.at}.`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'OrganisationNotOpen') {
        container.replaceChildren(el('p', { class: 'empty' }, `Not open on ${at}.`));
        container.dataset.at = at;
        byId('chart-summary').textContent = '';
      }
      fail(error);
    } finally {
      if (this.inFlight === request) this.inFlight = null;
    }
  }
}

/** The tree grows up and down from the organisation's box, mid-height on the left: bring it into view. */
function showRoot(container: HTMLElement): void {
  const root = container.querySelector('svg > g.unit');
  if (!root) return;
  const frame = container.getBoundingClientRect();
  container.scrollLeft = 0;
  container.scrollTop += root.getBoundingClientRect().top - frame.top - frame.height / 3;
}
