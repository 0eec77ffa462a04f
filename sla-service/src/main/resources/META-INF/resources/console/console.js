'use strict';
// The ops console's main page (common.js has what the pages share).

const MODE_LABELS = {
    ROUND_THE_CLOCK: 'round the clock',
    BUSINESS_HOURS_EXTENDED: 'business hours, extended cover',
    BUSINESS_HOURS: 'business hours'
};
// Each live event's entry in the feed (its text after the ticket's reference) and the sections it makes reload. An
// escalation is added to its list at once; the list is also reloaded after it and after every event that can
// trigger a level, since the stream may skip an event of a burst (a breach and its escalations come together).
// Only breaches, handling plans and escalations carry their reference; the feed names the others as it can.
const FEED_TYPES = {
    'supportflow.sla.warning.v1': {
        label: 'Response warning', css: 'warning', sections: ['openClocks', 'escalations'],
        text: e => e.plan + ' ' + e.priority + ', the "ticket logged" message is due ' + utc(e.dueAt)
    },
    'supportflow.sla.breached.v1': {
        label: 'Response breached', css: 'breached', sections: ['openClocks', 'escalations'],
        text: e => e.plan + ' ' + e.priority + ', no "ticket logged" message within ' + isoDuration(e.target)
    },
    'supportflow.sla.breach-retracted.v1': {
        label: 'Response breach retracted', css: 'retracted', sections: ['openClocks'],
        text: e => e.plan + ' ' + e.priority + ', the "ticket logged" message had gone out in time'
    },
    'supportflow.sla.met.v1': {
        label: 'Response met', css: 'met', sections: ['openClocks'],
        text: e => e.plan + ' ' + e.priority + ', "ticket logged" message within ' + isoDuration(e.target)
    },
    'supportflow.handling.scheduled.v1': {
        label: 'Handling planned', css: 'planned', sections: ['waiting', 'handlingClocks'],
        text: e => e.plan + ' ' + e.priority + ', ' + (MODE_LABELS[e.mode] || words(e.mode)) + ': handled from '
            + utc(e.handleFrom) + ', to be taken up by ' + utc(e.dueAt)
            + (e.paged && e.paged.length ? '; paged ' + recipientsText(e.paged) : '')
    },
    'supportflow.handling.warning.v1': {
        label: 'Handling warning', css: 'warning', sections: ['handlingClocks', 'escalations'],
        text: e => e.plan + ' ' + e.priority + ', nobody has taken it up; due ' + utc(e.dueAt)
    },
    'supportflow.handling.breached.v1': {
        label: 'Handling breached', css: 'breached', sections: ['handlingClocks', 'escalations'],
        text: e => e.plan + ' ' + e.priority + ', nobody took it up by ' + utc(e.dueAt)
    },
    'supportflow.handling.breach-retracted.v1': {
        label: 'Handling breach retracted', css: 'retracted', sections: ['handlingClocks'],
        text: e => e.plan + ' ' + e.priority + ', it had been taken up in time'
    },
    'supportflow.handling.met.v1': {
        label: 'Handling met', css: 'met', sections: ['waiting', 'handlingClocks'],
        text: e => e.plan + ' ' + e.priority + ', taken up ' + utc(e.takenUpAt)
    },
    'supportflow.sla.escalated.v1': {
        label: 'Escalated', css: 'escalated', sections: ['escalations'],
        text: e => 'level ' + e.level + ' (' + words(e.trigger) + ') to ' + recipientsText(e.recipients)
    }
};
const STATE_LABELS = {ON_TRACK: 'On track', WARNED: 'Warned', BREACHED: 'Breached'};
const FEED_LENGTH = 50;
// As many escalations as the server lists on load (supportflow.console.escalations-shown's default).
const ESCALATIONS_SHOWN = 50;
// The columns of the agreement matrix, as index.html heads them.
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
// Live events reload the sections they change and the period's figures, at most this often; the sections are also
// reloaded every minute (the open clocks every 30 s), since time alone moves clocks, handovers and openings, and the
// figures every minute, since survey answers reach no feed.
const SECTION_SETTLE_MS = 500;
const PERIOD_SETTLE_MS = 2000;
const OPEN_CLOCKS_REFRESH_MS = 30000;
const MINUTE_MS = 60000;
// Ticket ids whose reference the feed still needs, asked for together (the lookup takes at most 50 at once).
const LOOKUP_SIZE = 50;

const references = new Map();
const unnamed = new Set();
const charts = {};
// One timer per section, for the moment its next change falls due (a handover, an opening, a handling start).
const changeTimers = {};
// Until somebody picks days, the period moves on with the date (a console left open overnight).
let periodFollowsToday = true;

async function loadOpenClocks() {
    const clocks = await getJson(API + '/console/open-clocks');
    const body = document.querySelector('#open-clocks tbody');
    body.replaceChildren(...clocks.map(clock => {
        const row = document.createElement('tr');
        row.className = 'state-' + clock.state.toLowerCase().replace('_', '-');
        ticketHeader(row, clock.ticketId, clock.reference);
        row.dataset.dueAt = clock.dueAt;
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
    document.querySelectorAll('#open-clocks tbody tr, #handling-clocks tbody tr').forEach(row => {
        const left = (Date.parse(row.dataset.dueAt) - Date.now()) / 1000;
        row.querySelector('.time-left').textContent = duration(left);
    });
}

function onFeedEvent(message) {
    const item = JSON.parse(message.data);
    const kind = FEED_TYPES[item.type] || {label: item.type, css: '', sections: [], text: () => ''};
    const reference = (item.event && item.event.reference) || references.get(item.ticketId);
    if (reference) {
        references.set(item.ticketId, reference);
    }
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
        unnamed.add(item.ticketId);
        lookUpReferencesSoon();
    }
    const text = document.createElement('span');
    text.className = 'feed-text';
    text.textContent = item.event ? kind.text(item.event) : '';
    entry.append(time, ' ', kind.label + ': ', link, ' — ', text);
    const feed = document.getElementById('feed');
    feed.prepend(entry);
    while (feed.children.length > FEED_LENGTH) {
        feed.lastElementChild.remove();
    }
    if (item.type === 'supportflow.sla.escalated.v1' && item.event) {
        addEscalation(escalationOf(item.event));
    }
    kind.sections.forEach(section => SECTION_RELOADS[section]());
    reloadPeriodSoon();
}

/** Feed entries without a reference get it once the page knows it. */
function nameFeedEntries() {
    document.querySelectorAll('#feed a[data-unnamed]').forEach(link => {
        const reference = references.get(link.closest('li').dataset.ticketId);
        if (reference) {
            link.textContent = reference;
            link.title = 'Ticket ' + reference + ': timeline, clocks, notifications, survey';
            delete link.dataset.unnamed;
        }
    });
}

/** One request for every ticket the feed could not name yet (a ticket the service does not know stays unnamed). */
async function lookUpReferences() {
    [...unnamed].filter(id => references.has(id)).forEach(id => unnamed.delete(id));
    const ticketIds = [...unnamed].slice(0, LOOKUP_SIZE);
    ticketIds.forEach(id => unnamed.delete(id));
    if (ticketIds.length > 0) {
        const found = await getJson(API + '/console/references?'
            + ticketIds.map(id => 'ticketId=' + encodeURIComponent(id)).join('&'));
        Object.entries(found).forEach(([ticketId, reference]) => references.set(ticketId, reference));
    }
    nameFeedEntries();
    if (unnamed.size > 0) {
        lookUpReferencesSoon();
    }
}

const lookUpReferencesSoon = throttled(() => lookUpReferences().catch(showError), 200);
const reloadOpenClocksSoon = throttled(() => loadOpenClocks().then(nameFeedEntries).catch(showError),
    SECTION_SETTLE_MS);
const reloadHandlingClocksSoon = throttled(() => loadHandlingClocks().then(nameFeedEntries).catch(showError),
    SECTION_SETTLE_MS);
const reloadWaitingSoon = throttled(() => loadWaiting().then(nameFeedEntries).catch(showError), SECTION_SETTLE_MS);
const reloadOnCallSoon = throttled(() => loadOnCall().catch(showError), SECTION_SETTLE_MS);
const reloadSchedulesSoon = throttled(() => loadSchedules().catch(showError), SECTION_SETTLE_MS);
const reloadEscalationsSoon = throttled(() => loadEscalations().then(nameFeedEntries).catch(showError),
    SECTION_SETTLE_MS);
const reloadPeriodSoon = throttled(() => loadPeriod(), PERIOD_SETTLE_MS);
// What a feed event's kind reloads (FEED_TYPES[type].sections).
const SECTION_RELOADS = {
    openClocks: reloadOpenClocksSoon,
    handlingClocks: reloadHandlingClocksSoon,
    waiting: reloadWaitingSoon,
    escalations: reloadEscalationsSoon
};

function reloadHandlingSections() {
    reloadHandlingClocksSoon();
    reloadWaitingSoon();
    reloadOnCallSoon();
    reloadSchedulesSoon();
    reloadEscalationsSoon();
}

function openFeed() {
    const status = document.getElementById('feed-status');
    const source = new EventSource(API + '/stream');
    let lost = false;
    Object.keys(FEED_TYPES).forEach(type => source.addEventListener(type, onFeedEvent));
    source.onopen = () => {
        status.textContent = 'connected';
        // Events published while the stream was down never arrive: read what they changed instead.
        if (lost) {
            lost = false;
            reloadOpenClocksSoon();
            reloadHandlingSections();
        }
    };
    // EventSource reconnects by itself; say so rather than fail silently.
    source.onerror = () => {
        status.textContent = 'reconnecting…';
        lost = true;
    };
}

/**
 * Reloads a section just after the earliest of {@code instants} still to come (a handover, an opening, the start
 * of a ticket's handling), when that is sooner than the minute's reload.
 */
function reloadWhenDue(section, instants, reload) {
    clearTimeout(changeTimers[section]);
    const now = Date.now();
    const next = Math.min(...instants.filter(Boolean).map(Date.parse).filter(at => at > now));
    if (next - now < MINUTE_MS) {
        changeTimers[section] = setTimeout(reload, next - now + 1000);
    }
}

/** A row's header: a link to the ticket's page, named by its reference (which the feed then knows too). */
function ticketHeader(row, ticketId, reference) {
    if (reference) {
        references.set(ticketId, reference);
    }
    const th = document.createElement('th');
    th.scope = 'row';
    th.appendChild(ticketLink(ticketId, reference));
    row.appendChild(th);
    row.dataset.ticketId = ticketId;
}

async function loadHandlingClocks() {
    const clocks = await getJson(API + '/console/handling-clocks');
    document.querySelector('#handling-clocks tbody').replaceChildren(...clocks.map(clock => {
        const row = document.createElement('tr');
        row.className = 'state-' + clock.state.toLowerCase().replace('_', '-');
        ticketHeader(row, clock.ticketId, clock.reference);
        row.dataset.dueAt = clock.dueAt;
        cell(row, clock.plan);
        cell(row, clock.priority);
        cell(row, MODE_LABELS[clock.mode] || words(clock.mode), 'mode');
        cell(row, STATE_LABELS[clock.state] || clock.state, 'state');
        cell(row, isoDuration(clock.target) + (clock.businessTime
            ? ' of business hours (schedule ' + clock.scheduleId + ')' : ''));
        cell(row, duration(clock.timeLeftSeconds), 'time-left');
        cell(row, utc(clock.dueAt));
        return row;
    }));
    document.getElementById('handling-clocks-empty').hidden = clocks.length > 0;
}

async function loadWaiting() {
    const tickets = await getJson(API + '/console/waiting');
    document.querySelector('#waiting tbody').replaceChildren(...tickets.map(ticket => {
        const row = document.createElement('tr');
        ticketHeader(row, ticket.ticketId, ticket.reference);
        cell(row, ticket.plan);
        cell(row, ticket.priority);
        cell(row, ticket.scheduleId);
        cell(row, utc(ticket.handleFrom), 'handle-from');
        cell(row, utc(ticket.dueAt), 'due');
        return row;
    }));
    document.getElementById('waiting-empty').hidden = tickets.length > 0;
    reloadWhenDue('waiting', tickets.map(ticket => ticket.handleFrom), reloadWaitingSoon);
}

async function loadOnCall() {
    const rotations = await getJson(API + '/console/on-call');
    document.querySelector('#on-call tbody').replaceChildren(...rotations.map(rotation => {
        const row = document.createElement('tr');
        row.dataset.rotationId = rotation.rotationId;
        rowHeader(row, rotation.rotationId);
        cell(row, rotation.onCall ? rotation.onCall.name + ' <' + rotation.onCall.email + '>' : 'nobody', 'on-call');
        cell(row, utc(rotation.until), 'until');
        cell(row, rotation.webhooks.length ? rotation.webhooks.join(', ') : 'none', 'webhooks');
        return row;
    }));
    document.getElementById('on-call-empty').hidden = rotations.length > 0;
    reloadWhenDue('onCall', rotations.map(rotation => rotation.until), reloadOnCallSoon);
}

async function loadSchedules() {
    const schedules = await getJson(API + '/console/schedules');
    document.getElementById('browser-zone').textContent = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.querySelector('#schedules tbody').replaceChildren(...schedules.map(schedule => {
        const row = document.createElement('tr');
        row.dataset.scheduleId = schedule.scheduleId;
        row.dataset.nextOpening = schedule.nextOpening || '';
        row.className = schedule.openNow ? 'open' : 'closed';
        rowHeader(row, schedule.scheduleId);
        cell(row, schedule.zone);
        cell(row, schedule.openNow ? 'Open' : 'Closed', 'open-now');
        const never = 'does not open in the next three years';
        cell(row, schedule.openNow ? 'now' : schedule.nextOpening ? zoned(schedule.nextOpening, schedule.zone) : never,
            'opening-there');
        cell(row, schedule.openNow ? 'now' : schedule.nextOpening ? zoned(schedule.nextOpening) : never,
            'opening-here');
        return row;
    }));
    reloadWhenDue('schedules', schedules.filter(schedule => !schedule.openNow)
        .map(schedule => schedule.nextOpening), reloadSchedulesSoon);
}

/** A live SlaEscalated as the list's rows are. */
function escalationOf(event) {
    return {
        ticketId: event.ticketId, reference: event.reference, level: event.level, trigger: event.trigger,
        recipients: event.recipients, firedAt: event.at
    };
}

function escalationRow(escalation) {
    const row = document.createElement('tr');
    row.className = 'escalation';
    ticketHeader(row, escalation.ticketId, escalation.reference || references.get(escalation.ticketId));
    row.dataset.level = escalation.level;
    row.dataset.firedAt = escalation.firedAt;
    cell(row, escalation.level, 'level');
    cell(row, words(escalation.trigger), 'trigger');
    cell(row, recipientsText(escalation.recipients), 'recipients');
    cell(row, utc(escalation.firedAt));
    return row;
}

async function loadEscalations() {
    const escalations = await getJson(API + '/console/escalations');
    document.querySelector('#escalations tbody').replaceChildren(...escalations.map(escalationRow));
    document.getElementById('escalations-empty').hidden = escalations.length > 0;
}

/** A level that just fired, in its place by time (a ticket's level fires once, so one already listed is left). */
function addEscalation(escalation) {
    const body = document.querySelector('#escalations tbody');
    if ([...body.rows].some(row => row.dataset.ticketId === escalation.ticketId
        && row.dataset.level === String(escalation.level))) {
        return;
    }
    const older = [...body.rows].find(row => Date.parse(row.dataset.firedAt) <= Date.parse(escalation.firedAt));
    body.insertBefore(escalationRow(escalation), older || null);
    while (body.rows.length > ESCALATIONS_SHOWN) {
        body.lastElementChild.remove();
    }
    document.getElementById('escalations-empty').hidden = true;
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
    const handling = report.handling || [];
    document.querySelector('#handling-compliance tbody').replaceChildren(...handling.map(row => {
        const tr = document.createElement('tr');
        rowHeader(tr, row.plan);
        cell(tr, row.priority);
        cell(tr, row.tickets);
        cell(tr, row.met);
        cell(tr, row.breached);
        cell(tr, row.open);
        cell(tr, row.compliancePercent === null ? null : row.compliancePercent + ' %');
        return tr;
    }));
    document.getElementById('handling-compliance-empty').hidden = handling.length > 0;
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

/** The last seven UTC days, today included: the period shown until somebody picks another. */
function lastSevenDays() {
    const today = new Date();
    const weekAgo = new Date(today.getTime() - 6 * 24 * 3600 * 1000);
    document.getElementById('period-from').value = weekAgo.toISOString().slice(0, 10);
    document.getElementById('period-to').value = today.toISOString().slice(0, 10);
}

/** Compliance, satisfaction and agreement for the chosen days, as of now. */
async function loadPeriod() {
    if (periodFollowsToday) {
        lastSevenDays();
    }
    if (!document.getElementById('period').checkValidity()) {
        return;
    }
    try {
        await Promise.all([loadCompliance(), loadSatisfaction(), loadAgreement()]);
        document.getElementById('period-error').textContent = '';
        const updated = document.getElementById('period-updated');
        updated.dateTime = new Date().toISOString();
        updated.textContent = utc(updated.dateTime);
    } catch (error) {
        showError(error);
    }
}

async function start() {
    const form = document.getElementById('period');
    form.addEventListener('submit', event => {
        event.preventDefault();
        loadPeriod();
    });
    form.addEventListener('change', () => {
        periodFollowsToday = false;
        loadPeriod();
    });
    openFeed();
    await Promise.all([loadOpenClocks(), loadHandlingClocks(), loadEscalations(), loadWaiting(), loadOnCall(),
        loadSchedules()].map(load => load.catch(showError)));
    setInterval(tickTimeLeft, 1000);
    // Warnings are on the feed too, but clocks, handovers and openings also move when nobody is watching the stream.
    setInterval(reloadOpenClocksSoon, OPEN_CLOCKS_REFRESH_MS);
    setInterval(reloadHandlingSections, MINUTE_MS);
    setInterval(reloadPeriodSoon, MINUTE_MS);
    await loadPeriod();
}

start();
