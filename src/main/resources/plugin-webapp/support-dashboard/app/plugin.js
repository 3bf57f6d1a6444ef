/*
 * The managers' "Support" dashboard in Camunda Cockpit (docs/manager-guide.md).
 *
 * Two plugins of Cockpit's plugin API (Camunda 7.14+): a navigation entry and a route page, #/support. The page
 * reads the figures from /api/reports (JSON, documented at /swagger-ui.html) with the Cockpit session and draws
 * them with Chart.js, served by the application itself from its webjar (no CDN). Plain ES module, no build step.
 *
 * Who sees it: members of managers, support-leads and camunda-admin. The entry and the page ask the engine for the
 * user's groups; the report endpoints refuse everybody else anyway.
 */

const ALLOWED_GROUPS = ['managers', 'support-leads', 'camunda-admin'];
const ROUTE = '/support';
const APP_ROOT = document.querySelector('base').getAttribute('app-root');
const ENGINE_API = document.querySelector('base').getAttribute('engine-api');
// Version-less: Spring's webjars locator finds the version the application ships.
const CHART_JS = `${window.location.origin}/webjars/chart.js/dist/chart.umd.js`;

const TEAM_NAMES = {
  'support-visi': 'VISI', 'support-worknc': 'WorkNC', 'support-edgecam': 'Edgecam', 'support-radan': 'Radan',
  'support-peps': 'PEPS', 'support-spaceclaim': 'SpaceClaim', triage: 'Triage (no product)',
};
const PRIORITY_NAMES = { 1: 'P1 critical', 2: 'P2 high', 3: 'P3 normal', 4: 'P4 low' };
const AGE_BANDS = ['0-7 days', '8-30 days', '31-90 days', 'over 90 days'];
const COLOURS = ['#b5152b', '#e07b00', '#1f6fb2', '#7a8793', '#2e8540', '#6f42c1', '#00838f', '#8d6e63'];
const MET = '#2e8540';
const BREACHED = '#b5152b';
const CATEGORY_COLOURS = { SUPPORT: '#1f6fb2', BUG: '#b5152b', SUGGESTION: '#2e8540' };
const AGE_COLOURS = ['#9ccc65', '#ffca28', '#fb8c00', '#c62828'];

// ---------------------------------------------------------------------------------------------------------------
// Access

/**
 * Whether the logged-in user may see the dashboard. Asked afresh each time (two small requests): Cockpit may log
 * one user out and another in without reloading the page.
 */
function mayUseDashboard() {
  return getJson(`${APP_ROOT}/api/admin/auth/user/default`)
    .then(user => getJson(`${ENGINE_API}engine/default/identity/groups?userId=${encodeURIComponent(user.userId)}`))
    .then(info => info.groups.some(group => ALLOWED_GROUPS.includes(group.id)))
    .catch(() => false);
}

// ---------------------------------------------------------------------------------------------------------------
// Data

async function getJson(url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    // Without it, a 401 would carry a Basic challenge and the browser would pop up its own login box.
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    const error = new Error(`${url} answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function isoDay(date) {
  // en-CA formats as YYYY-MM-DD; the office-hours zone decides what "today" is.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(date);
}

function thisMonth() {
  const today = isoDay(new Date());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

function lastMonth() {
  const today = isoDay(new Date());
  const firstOfThisMonth = new Date(`${today.slice(0, 8)}01T12:00:00Z`);
  const lastDay = new Date(firstOfThisMonth.getTime() - 24 * 3600 * 1000);
  const last = lastDay.toISOString().slice(0, 10);
  return { from: `${last.slice(0, 8)}01`, to: last };
}

/** The twelve months ending with the period's last month: renewals and lapses read per month. */
function contractMonths(period) {
  const [year, month] = period.to.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 12, 1));
  return { from: start.toISOString().slice(0, 10), to: period.to };
}

function loadFigures(period) {
  const range = `from=${period.from}&to=${period.to}`;
  const months = contractMonths(period);
  const reports = '/api/reports';
  return Promise.all([
    getJson(`${reports}/tickets/open`),
    getJson(`${reports}/tickets/registered?${range}`),
    getJson(`${reports}/sla/first-response?${range}`),
    getJson(`${reports}/response-times?${range}`),
    getJson(`${reports}/tickets/waiting-for-customer`),
    getJson(`${reports}/supplier-bugs/open`),
    getJson(`${reports}/supplier-bugs/oldest?limit=10`),
    getJson(`${reports}/contracts?from=${months.from}&to=${months.to}`),
    getJson(`${reports}/contracts/deadlines?days=30`),
  ]).then(([open, registered, sla, times, waiting, bugs, oldestBugs, contracts, deadlines]) =>
    ({ open, registered, sla, times, waiting, bugs, oldestBugs, contracts, deadlines, months }));
}

// ---------------------------------------------------------------------------------------------------------------
// Charts

let chartLibrary;

/** Chart.js's UMD bundle, imported once: with no AMD loader on Cockpit's page it sets the global Chart. */
function loadChartJs() {
  if (!chartLibrary) {
    chartLibrary = import(CHART_JS).then(() => window.Chart);
  }
  return chartLibrary;
}

function teamName(team) {
  return TEAM_NAMES[team] || team;
}

function unique(values) {
  return [...new Set(values)];
}

function sum(numbers) {
  return numbers.reduce((total, n) => total + (n || 0), 0);
}

/** Rows [{x, series, value}] as one stacked dataset per series, in the given series order. */
function stacked(rows, xOf, seriesOf, valueOf, seriesOrder, colourOf) {
  const labels = unique(rows.map(xOf));
  const series = seriesOrder || unique(rows.map(seriesOf));
  const datasets = series.map((name, i) => ({
    label: String(name),
    backgroundColor: colourOf ? colourOf(name, i) : COLOURS[i % COLOURS.length],
    data: labels.map(x => sum(rows.filter(r => xOf(r) === x && seriesOf(r) === name).map(valueOf))),
  })).filter(dataset => sum(dataset.data) > 0);
  return { labels, datasets };
}

function barOptions(stack, yTitle) {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom' } },
    scales: {
      x: { stacked: stack },
      y: { stacked: stack, beginAtZero: true, ticks: { precision: 0 }, title: { display: !!yTitle, text: yTitle } },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Page

const FIGURES = [
  { id: 'open-tickets', title: 'Open tickets per team and priority', note: 'now' },
  { id: 'registered', title: 'Tickets registered per channel and category', note: 'period' },
  { id: 'first-response-sla', title: 'First-response SLA per team', note: 'deadline in the period' },
  { id: 'response-times', title: 'Time to first response and to resolution', note: 'office hours, period' },
  { id: 'waiting-for-customer', title: 'Tickets waiting for the customer', note: 'now' },
  { id: 'supplier-bugs', title: 'Open supplier bugs by supplier and age', note: 'now' },
  { id: 'oldest-supplier-bugs', title: 'Oldest open supplier bugs', note: 'now', table: true },
  { id: 'contract-moves', title: 'Contracts per month', note: 'twelve months' },
  { id: 'contract-deadlines', title: 'Cancellation deadlines in the next 30 days', note: 'now', table: true },
];

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function table(headers, rows) {
  return element('table', { class: 'table table-condensed sd-table' },
    element('thead', {}, element('tr', {}, headers.map(h => element('th', {}, h)))),
    element('tbody', {}, rows.map(row => element('tr', {}, row.map(cell => element('td', {}, cell ?? '–'))))));
}

function hours(minutes) {
  return minutes == null ? null : Math.round(minutes / 6) / 10;
}

class Dashboard {
  constructor(node) {
    this.node = node;
    this.charts = [];
    this.period = thisMonth();
  }

  async show() {
    this.node.classList.add('support-dashboard');
    if (!(await mayUseDashboard())) {
      this.node.replaceChildren(element('div', { class: 'alert alert-warning', id: 'support-dashboard-refused' },
        'The Support dashboard is for managers and support leads.'));
      return;
    }
    this.node.replaceChildren(this.header(), element('div', { class: 'sd-status', role: 'status' }),
      element('div', { class: 'sd-grid' }, FIGURES.map(figure => this.card(figure))));
    await this.refresh();
  }

  header() {
    const from = element('input', { type: 'date', id: 'support-from', value: this.period.from, required: '' });
    const to = element('input', { type: 'date', id: 'support-to', value: this.period.to, required: '' });
    const form = element('form', { class: 'sd-period form-inline', id: 'support-period' },
      element('label', { for: 'support-from' }, 'From '), from,
      element('label', { for: 'support-to' }, ' to '), to,
      element('button', { type: 'submit', class: 'btn btn-primary' }, 'Show'),
      element('button', { type: 'button', class: 'btn btn-default', 'data-period': 'this-month' }, 'This month'),
      element('button', { type: 'button', class: 'btn btn-default', 'data-period': 'last-month' }, 'Last month'));
    const choose = period => {
      from.value = period.from;
      to.value = period.to;
      this.period = period;
      this.refresh();
    };
    form.addEventListener('submit', event => {
      event.preventDefault();
      choose({ from: from.value, to: to.value });
    });
    form.querySelector('[data-period="this-month"]').addEventListener('click', () => choose(thisMonth()));
    form.querySelector('[data-period="last-month"]').addEventListener('click', () => choose(lastMonth()));
    return element('header', { class: 'sd-header' }, element('h1', {}, 'Support'), form);
  }

  card(figure) {
    const body = figure.table
      ? element('div', { class: 'sd-list' })
      : element('div', { class: 'sd-chart' }, element('canvas', { 'aria-label': figure.title, role: 'img' }));
    return element('section', { class: `sd-card${figure.table ? ' sd-card-table' : ''}`, 'data-figure': figure.id },
      element('h2', {}, figure.title, element('small', {}, ` (${figure.note})`)),
      element('p', { class: 'sd-empty', hidden: '' }, 'Nothing to show.'),
      body,
      figure.table ? '' : element('details', { class: 'sd-figures' }, element('summary', {}, 'Figures')));
  }

  async refresh() {
    const status = this.node.querySelector('.sd-status');
    this.node.removeAttribute('data-loaded');
    status.textContent = `Loading ${this.period.from} to ${this.period.to}…`;
    status.className = 'sd-status';
    try {
      const [Chart, figures] = await Promise.all([loadChartJs(), loadFigures(this.period)]);
      this.destroyCharts();
      this.draw(Chart, figures);
      status.textContent = `Period ${this.period.from} to ${this.period.to}; "now" figures as of ${new Date().toLocaleString()}.`;
      this.node.setAttribute('data-loaded', `${this.period.from}/${this.period.to}`);
    } catch (error) {
      status.className = 'sd-status alert alert-danger';
      status.textContent = error.status === 400
        ? 'Choose a period of at most 366 days, the first day before the last.'
        : `The figures could not be loaded (${error.message}).`;
    }
  }

  draw(Chart, f) {
    const teamsByPriority = stacked(f.open, r => teamName(r.team), r => r.priority, r => r.count, [1, 2, 3, 4]);
    teamsByPriority.datasets.forEach(d => { d.label = PRIORITY_NAMES[d.label] || `P${d.label}`; });
    this.chart(Chart, 'open-tickets', 'bar', teamsByPriority, barOptions(true, 'tickets'),
      ['Team', 'Priority', 'Open'], f.open.map(r => [teamName(r.team), r.priority, r.count]));

    this.chart(Chart, 'registered', 'bar',
      stacked(f.registered, r => r.channel, r => r.category, r => r.count, null,
        (category, i) => CATEGORY_COLOURS[category] || COLOURS[i]), barOptions(true, 'tickets'),
      ['Channel', 'Category', 'Registered'], f.registered.map(r => [r.channel, r.category, r.count]));

    this.chart(Chart, 'first-response-sla', 'bar', {
      labels: f.sla.map(r => teamName(r.team)),
      datasets: [
        { label: 'met', backgroundColor: MET, data: f.sla.map(r => r.met) },
        { label: 'breached', backgroundColor: BREACHED, data: f.sla.map(r => r.breached) },
      ],
    }, barOptions(true, 'tickets'), ['Team', 'Met', 'Breached'],
    f.sla.map(r => [teamName(r.team), r.met, r.breached]));

    const kinds = [['First response', f.times.firstResponse], ['Resolution', f.times.resolution]];
    this.chart(Chart, 'response-times', 'bar', {
      labels: kinds.map(([name, t]) => `${name} (${t.tickets} tickets)`),
      datasets: [
        { label: 'median', backgroundColor: COLOURS[2], data: kinds.map(([, t]) => hours(t.medianOfficeMinutes)) },
        { label: '90th percentile', backgroundColor: COLOURS[1], data: kinds.map(([, t]) => hours(t.p90OfficeMinutes)) },
      ],
    }, barOptions(false, 'office hours'), ['', 'Tickets', 'Median (office h)', '90th percentile (office h)'],
    kinds.filter(([, t]) => t.tickets > 0)
      .map(([name, t]) => [name, t.tickets, hours(t.medianOfficeMinutes), hours(t.p90OfficeMinutes)]),
    sum(kinds.map(([, t]) => t.tickets)));

    this.chart(Chart, 'waiting-for-customer', 'bar', {
      labels: f.waiting.map(r => teamName(r.team)),
      datasets: [{ label: 'waiting for the customer', backgroundColor: COLOURS[3], data: f.waiting.map(r => r.count) }],
    }, barOptions(false, 'tickets'), ['Team', 'Waiting'], f.waiting.map(r => [teamName(r.team), r.count]));

    this.chart(Chart, 'supplier-bugs', 'bar',
      stacked(f.bugs, r => r.supplier, r => r.ageBand, r => r.count, AGE_BANDS, (band, i) => AGE_COLOURS[i]),
      barOptions(true, 'bugs'), ['Supplier', 'Age', 'Open'], f.bugs.map(r => [r.supplier, r.ageBand, r.count]));

    this.list('oldest-supplier-bugs', ['Supplier', 'Product', 'Supplier case', 'Title', 'Escalated on', 'Age (days)'],
      f.oldestBugs.map(b => [b.supplier, b.product, b.supplierCase, b.title, b.escalatedOn, b.ageDays]));

    this.chart(Chart, 'contract-moves', 'bar', {
      labels: f.contracts.map(m => m.month),
      datasets: [
        { label: 'renewals', backgroundColor: MET, data: f.contracts.map(m => m.renewals) },
        { label: 'cancellations', backgroundColor: COLOURS[1], data: f.contracts.map(m => m.cancellations) },
        { label: 'lapses', backgroundColor: BREACHED, data: f.contracts.map(m => m.lapses) },
        { label: 'reinstatements', backgroundColor: COLOURS[2], data: f.contracts.map(m => m.reinstatements) },
      ],
    }, barOptions(true, 'contracts'), ['Month', 'Renewals', 'Cancellations', 'Lapses', 'Reinstatements'],
    f.contracts.map(m => [m.month, m.renewals, m.cancellations, m.lapses, m.reinstatements])
      .filter(row => sum(row.slice(1)) > 0));

    this.list('contract-deadlines', ['Contract', 'Customer', 'Status', 'Cancellation deadline', 'Period ends'],
      f.deadlines.map(d => [d.contractNumber, d.companyName, d.status, d.cancellationDeadline, d.currentPeriodEnd]));
  }

  /**
   * One chart and, under "Figures", the same numbers as a table. The card carries how many things it counts
   * (data-total: the sum of its bars, or the tickets behind the times), so that a reader or a test can check the
   * chart against the report.
   */
  chart(Chart, id, type, data, options, headers, rows, total = sum(data.datasets.flatMap(d => d.data))) {
    const card = this.node.querySelector(`[data-figure="${id}"]`);
    card.setAttribute('data-total', String(total));
    card.querySelector('.sd-empty').hidden = total > 0;
    card.querySelector('.sd-chart').hidden = total === 0;
    const figures = card.querySelector('.sd-figures');
    figures.querySelector('table')?.remove();
    figures.append(table(headers, rows));
    if (total > 0) {
      this.charts.push(new Chart(card.querySelector('canvas'), { type, data, options }));
      card.setAttribute('data-drawn', String(data.datasets.length));
    } else {
      card.removeAttribute('data-drawn');
    }
  }

  list(id, headers, rows) {
    const card = this.node.querySelector(`[data-figure="${id}"]`);
    card.setAttribute('data-total', String(rows.length));
    card.querySelector('.sd-empty').hidden = rows.length > 0;
    card.querySelector('.sd-list').replaceChildren(rows.length ? table(headers, rows) : '');
  }

  destroyCharts() {
    this.charts.forEach(chart => chart.destroy());
    this.charts = [];
  }
}

let current;

export default [
  {
    id: 'support-dashboard-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 15,
    // Cockpit's navigation calls this through its AngularJS injector to decide whether to show the entry; the
    // answer comes back inside a digest, so that the menu shows it at once.
    access: ['$rootScope', $rootScope => callback => mayUseDashboard()
      .then(allowed => $rootScope.$applyAsync(() => callback(null, allowed)))],
    checkActive: path => path.indexOf(`#${ROUTE}`) > -1,
    render: node => {
      node.append(element('a', { href: `#${ROUTE}`, id: 'support-dashboard-link' }, 'Support'));
    },
  },
  {
    id: 'support-dashboard-page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: 'Support' },
    render: node => {
      current = new Dashboard(node);
      current.show();
    },
    unmount: () => {
      current?.destroyCharts();
      current = undefined;
    },
  },
];
