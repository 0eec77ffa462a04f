'use strict';
// The ops console. Every value from the server goes into the page through textContent or an
// attribute, never as HTML: references, comments and names may hold whatever a customer typed.

const API = '/api/v1/sla';
const FEED_TYPES = {
    'supportflow.sla.warning.v1': {label: 'Warning', css: 'warning'},
    'supportflow.sla.breached.v1': {label: 'Breached', css: 'breached'},
    'supportflow.sla.breach-retracted.v1': {label: 'Breach retracted', css: 'retracted'},
    'supportflow.sla.met.v1': {label: 'Met', css: 'met'}
};
const STATE_LABELS = {ON_TRACK: 'On track', WARNED: 'Warned', BREACHED: 'Breached'};
const FEED_LENGTH = 50;
// The columns of the agreement matrix, as index.html heads them.
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

let timelineBase = '';
const references = new Map();
let charts = {};

async function getJson(path) {
    const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (response.status === 401 || response.redirected && response.url.includes('/console/login.html')) {
        location.assign('/console/login.html');
        throw new Error('signed out');
    }
    if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || problem.title || response.statusText);
    }
    return response.json();
}

function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '–' : String(text);
    if (className) {
        td.className = className;
    }
    row.appendChild(td);
    return td;
}

function ticketLink(ticketId, reference) {
    const link = document.createElement('a');
    link.href = timelineBase + '/api/v1/tickets/' + encodeURIComponent(ticketId);
    link.textContent = reference || ticketId;
    link.title = 'Timeline of ticket ' + (reference || ticketId);
    return link;
}

function duration(seconds) {
    if (seconds === null || seconds === undefined) {
        return '–';
    }
    const sign = seconds < 0 ? 'overdue ' : '';
    let rest = Math.abs(Math.round(seconds));
    const hours = Math.floor(rest / 3600);
    rest -= hours * 3600;
    const minutes = Math.floor(rest / 60);
    const secs = rest - minutes * 60;
    return sign + (hours ? hours + ' h ' : '') + (hours || minutes ? minutes + ' min ' : '') + secs + ' s';
}

function utc(instant) {
    return instant ? instant.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–';
}

async function loadOpenClocks() {
    const clocks = await getJson(API + '/console/open-clocks');
    const body = document.querySelector('#open-clocks tbody');
    body.replaceChildren(...clocks.map(clock => {
        references.set(clock.ticketId, clock.reference);
        const row = document.createElement('tr');
        row.className = 'state-' + clock.state.toLowerCase().replace('_', '-');
        row.dataset.ticketId = clock.ticketId;
        row.dataset.dueAt = clock.dueAt;
        const th = document.createElement('th');
        th.scope = 'row';
        th.appendChild(ticketLink(clock.ticketId, clock.reference));
        row.appendChild(th);
        cell(row, clock.plan);
        const priority = cell(row, clock.provisional ? clock.priority + ' (provisional)' : clock.priority);
        if (clock.provisional) {
            priority.title = 'In triage review since ' + utc(clock.provisionalSince)
                + '; the clock runs on the strictest plausible priority';
        }
        cell(row, STATE_LABELS[clock.state] || clock.state, 'state');
        cell(row, duration(clock.timeLeftSeconds), 'time-left');
        cell(row, utc(clock.dueAt));
        return row;
    }));
    document.getElementById('open-clocks-empty').hidden = clocks.length > 0;
}

function tickTimeLeft() {
    document.querySelectorAll('#open-clocks tbody tr').forEach(row => {
        const left = (Date.parse(row.dataset.dueAt) - Date.now()) / 1000;
        row.querySelector('.time-left').textContent = duration(left);
    });
}

function onFeedEvent(message) {
    const item = JSON.parse(message.data);
    const kind = FEED_TYPES[item.type] || {label: item.type, css: ''};
    const reference = (item.event && item.event.reference) || references.get(item.ticketId);
    const entry = document.createElement('li');
    entry.className = kind.css;
    entry.dataset.type = item.type;
    entry.dataset.ticketId = item.ticketId;
    const time = document.createElement('time');
    time.dateTime = item.time;
    time.textContent = utc(item.time);
    const link = ticketLink(item.ticketId, reference);
    if (!reference) {
        link.dataset.unnamed = 'true';
    }
    entry.append(time, ' ', kind.label + ': ', link);
    const feed = document.getElementById('feed');
    feed.prepend(entry);
    while (feed.children.length > FEED_LENGTH) {
        feed.lastElementChild.remove();
    }
    loadOpenClocks().then(nameFeedEntries).catch(showError);
}

/** Feed entries of events without a reference (warnings) get it once the open clocks know it. */
function nameFeedEntries() {
    document.querySelectorAll('#feed a[data-unnamed]').forEach(link => {
        const reference = references.get(link.closest('li').dataset.ticketId);
        if (reference) {
            link.textContent = reference;
            delete link.dataset.unnamed;
        }
    });
}

function openFeed() {
    const status = document.getElementById('feed-status');
    const source = new EventSource(API + '/stream');
    Object.keys(FEED_TYPES).forEach(type => source.addEventListener(type, onFeedEvent));
    source.onopen = () => { status.textContent = 'connected'; };
    // EventSource reconnects by itself; say so rather than fail silently.
    source.onerror = () => { status.textContent = 'reconnecting…'; };
}

function period() {
    const from = document.getElementById('period-from').value;
    const to = document.getElementById('period-to').value;
    const end = new Date(to + 'T00:00:00Z');
    end.setUTCDate(end.getUTCDate() + 1);
    return 'from=' + encodeURIComponent(from + 'T00:00:00Z') + '&to=' + encodeURIComponent(end.toISOString());
}

function chart(id) {
    if (!charts[id]) {
        charts[id] = echarts.init(document.getElementById(id));
        window.addEventListener('resize', () => charts[id].resize());
    }
    return charts[id];
}

async function loadCompliance() {
    const report = await getJson(API + '/report?' + period());
    const body = document.querySelector('#compliance tbody');
    body.replaceChildren(...report.rows.map(row => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = row.plan;
        tr.appendChild(th);
        cell(tr, row.priority);
        cell(tr, row.tickets);
        cell(tr, row.met);
        cell(tr, row.breached);
        cell(tr, row.open);
        cell(tr, row.compliancePercent === null ? null : row.compliancePercent + ' %');
        cell(tr, duration(row.p50Seconds));
        cell(tr, duration(row.p90Seconds));
        return tr;
    }));
    const minutes = s => s === null ? null : Math.round(s / 6) / 10;
    chart('time-to-logged-chart').setOption({
        aria: {enabled: true},
        title: {text: 'Time to "ticket logged" (minutes)', textStyle: {fontSize: 13}},
        tooltip: {trigger: 'axis'},
        legend: {top: 24},
        grid: {top: 60, bottom: 30, left: 50, right: 20},
        xAxis: {type: 'category', data: report.rows.map(r => r.plan + ' ' + r.priority)},
        yAxis: {type: 'value', name: 'min'},
        series: ['p50', 'p90', 'p99'].map(p => ({
            name: p, type: 'bar', data: report.rows.map(r => minutes(r[p + 'Seconds']))
        }))
    }, true);
}

async function loadSatisfaction() {
    const summary = await getJson(API + '/console/satisfaction?' + period());
    document.getElementById('csat-figures').textContent = summary.responses === 0
        ? 'No survey answers in this period.'
        : 'CSAT ' + summary.csatPercent + ' % (share of ratings 4 or 5), average rating '
            + summary.averageRating + ' of 5, from ' + summary.responses + ' answers.';
    chart('csat-chart').setOption({
        aria: {enabled: true},
        title: {text: 'CSAT per day (%)', textStyle: {fontSize: 13}},
        tooltip: {trigger: 'axis'},
        grid: {top: 40, bottom: 30, left: 50, right: 20},
        xAxis: {type: 'category', data: summary.trend.map(d => d.date)},
        yAxis: {type: 'value', min: 0, max: 100},
        series: [{name: 'CSAT %', type: 'line', data: summary.trend.map(d => d.csatPercent)}]
    }, true);
    const body = document.querySelector('#comments tbody');
    body.replaceChildren(...summary.recentComments.map(comment => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.appendChild(ticketLink(comment.ticketId, comment.reference));
        tr.appendChild(th);
        cell(tr, comment.rating + ' of 5');
        cell(tr, comment.comment, 'comment');
        cell(tr, utc(comment.respondedAt));
        return tr;
    }));
}

function percent(fraction) {
    return fraction === null || fraction === undefined ? null : Math.round(fraction * 1000) / 10 + ' %';
}

function rowHeader(row, text) {
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = text;
    row.appendChild(th);
}

function agreementSummary(agreement) {
    if (agreement.decisions === 0) {
        return 'No agent decisions in this period.';
    }
    const reviewed = agreement.reviewed.decisions === 0 ? ''
        : ' Of the ' + agreement.reviewed.decisions + ' tickets the rules sent to review, agents kept the'
            + ' provisional priority on ' + agreement.reviewed.agreed + '.';
    return 'Agreement ' + percent(agreement.agreement) + ': agents gave the rules\' first priority on '
        + agreement.agreed + ' of ' + agreement.decisions + ' tickets.' + reviewed;
}

async function loadAgreement() {
    const agreement = await getJson(API + '/console/triage-agreement?' + period());
    document.getElementById('agreement-figures').textContent = agreementSummary(agreement);
    document.querySelector('#agreement-recall tbody').replaceChildren(...agreement.perPriority.map(p => {
        const tr = document.createElement('tr');
        rowHeader(tr, p.priority);
        cell(tr, p.agentDecisions);
        cell(tr, p.agreed);
        cell(tr, percent(p.recall));
        return tr;
    }));
    document.querySelector('#agreement-confusion tbody').replaceChildren(...agreement.confusion.map(row => {
        const tr = document.createElement('tr');
        rowHeader(tr, 'Rules ' + row.rules);
        PRIORITIES.forEach(agent => cell(tr, row.agent[agent], agent === row.rules ? 'agreed' : null));
        return tr;
    }));
}

function showError(error) {
    document.getElementById('period-error').textContent = error.message;
}

async function loadPeriod(event) {
    if (event) {
        event.preventDefault();
    }
    document.getElementById('period-error').textContent = '';
    await Promise.all([loadCompliance(), loadSatisfaction(), loadAgreement()]).catch(showError);
}

async function start() {
    const today = new Date();
    const weekAgo = new Date(today.getTime() - 6 * 24 * 3600 * 1000);
    document.getElementById('period-from').value = weekAgo.toISOString().slice(0, 10);
    document.getElementById('period-to').value = today.toISOString().slice(0, 10);
    document.getElementById('period').addEventListener('submit', loadPeriod);
    timelineBase = (await getJson(API + '/console/settings')).ticketTimelineBaseUrl.replace(/\/$/, '');
    openFeed();
    await loadOpenClocks().catch(showError);
    setInterval(tickTimeLeft, 1000);
    // Warnings are on the feed too, but a clock also changes state when nobody is watching the stream.
    setInterval(() => loadOpenClocks().catch(showError), 30000);
    await loadPeriod();
}

start();
