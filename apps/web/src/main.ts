import { getJson } from './api-client';
import type { OrganisationLineage } from './api-types';
import { dayNumber, isCalendarDate, isoDate, today } from './calendar';
import { ChartPanel } from './panels/chart-panel';
import { DiffPanel } from './panels/diff-panel';
import { LineagePanel } from './panels/lineage-panel';
import { MetricsPanel } from './panels/metrics-panel';
import { OrganisationPicker } from './panels/organisation-picker';
import { ProgrammesPanel } from './panels/programmes-panel';
import { TokenBox } from './panels/token-box';
import { byId, fail, say } from './status';

/** The trust the local demo history records: opened first when nothing else is asked for in the address. */
const DEMO_ORGANISATION = 'northvale-ft';

const lineage = new LineagePanel();
const picker = new OrganisationPicker((idOrCode) => void openOrganisation(idOrCode));
const chart = new ChartPanel(
  picker.nameOf,
  (unitId) => void lineage.show('unit', unitId),
  (organisationId) => void lineage.show('organisation', organisationId),
);
const diff = new DiffPanel(chart);
const programmes = new ProgrammesPanel();
const metrics = new MetricsPanel();

/** The address keeps the organisation and date (#org=…&at=…), so a view can be bookmarked or shared. */
const fromAddress = () => new URLSearchParams(location.hash.slice(1));

async function openOrganisation(idOrCode: string): Promise<void> {
  try {
    say(`Opening ${idOrCode}…`);
    // The lineage read names the organisation by id or code whether or not it is still open.
    const { organisation } = await getJson<OrganisationLineage>(`/organisations/${encodeURIComponent(idOrCode)}/lineage`);
    const asked = fromAddress().get('at');
    const lastOpenDay = organisation.closedOn ?? today();
    const at = asked && isCalendarDate(asked) ? asked : lastOpenDay < today() ? lastOpenDay : today();
    picker.show(organisation);
    history.replaceState(null, '', `#${new URLSearchParams({ org: organisation.organisationId, at })}`);
    await chart.open(organisation.organisationId, organisation.openedOn, at);
    diff.open(organisation.organisationId, isoDate(Math.max(dayNumber(organisation.openedOn), dayNumber(at) - 365)), at);
    byId<HTMLInputElement>('lineage-id').value = organisation.code ?? organisation.organisationId;
  } catch (error) {
    fail(error);
  }
}

async function start(): Promise<void> {
  try {
    await picker.load();
    await openOrganisation(fromAddress().get('org') ?? DEMO_ORGANISATION);
    await programmes.list();
  } catch (error) {
    fail(error);
  }
}

new TokenBox(() => void start());
metrics.listen();
void start();
