'use strict';
// The console's page of one ticket (ticket.html?id=<ticket id>), from GET /api/v1/sla/console/tickets/{id}.

const CLOCK_NAMES = {
    RESPONSE: 'Response (to the "ticket logged" message)',
    HANDLING: 'Handling (to the first acknowledgement or resolution)'
};
const CLOCK_STATES = {WAITING: 'Waiting', RUNNING: 'Running', WARNED: 'Warned', MET: 'Met', BREACHED: 'Breached'};
// The live feed's events that can change this page; each arrives as an SSE event named by its type.
const LIVE_TYPES = ['supportflow.sla.warning.v1', 'supportflow.sla.met.v1', 'supportflow.sla.breach-retracted.v1',
    'supportflow.sla.breached.v1', 'supportflow.handling.scheduled.v1', 'supportflow.handling.warning.v1',
    'supportflow.handling.met.v1', 'supportflow.handling.breach-retracted.v1', 'supportflow.handling.breached.v1',
    'supportflow.sla.escalated.v1'];
// Acknowledgements, resolutions and messages are not on the feed: the page also reloads this often.
const RELOAD_MS = 15000;

const ticketId = new URLSearchParams(location.search).get('id');

function showProblem(message) {
    const error = document.getElementById('ticket-error');
    error.textContent = message;
    error.hidden = !message;
}

function summary(ticket) {
    if (!ticket.plan) {
        return 'The ticket itself has not reached the SLA service yet; what it knows so far is below.';
    }
    const priority = !ticket.priorityDecided ? ticket.priority + ' (the default: triage has not decided yet)'
        : ticket.provisional ? ticket.priority + ' (provisional: in triage review)' : ticket.priority;
    return 'Plan ' + ticket.plan + ', priority ' + priority + '. Ticket id ' + ticket.ticketId + '.';
}

function renderClocks(clocks) {
    document.querySelector('#clocks tbody').replaceChildren(...clocks.map(clock => {
        const tr = document.createElement('tr');
        tr.dataset.clock = clock.clock;
        rowHeader(tr, CLOCK_NAMES[clock.clock] || clock.clock);
        cell(tr, CLOCK_STATES[clock.state] || clock.state, 'state state-' + clock.state.toLowerCase());
        const target = cell(tr, isoDuration(clock.target));
        if (clock.clock === 'HANDLING' && clock.mode) {
            target.textContent += clock.businessTime ? ' of business hours (schedule ' + clock.scheduleId + ')'
                : ' (calendar time)';
        }
        cell(tr, utc(clock.startsAt));
        cell(tr, utc(clock.dueAt));
        cell(tr, utc(clock.stoppedAt));
        cell(tr, duration(clock.timeLeftSeconds), 'time-left');
        return tr;
    }));
}

function renderTimeline(timeline) {
    document.getElementById('timeline').replaceChildren(...timeline.map(entry => {
        const li = document.createElement('li');
        li.dataset.kind = entry.kind;
        li.className = entry.kind.toLowerCase().replaceAll('_', '-');
        const time = document.createElement('time');
        time.dateTime = entry.at;
        time.textContent = utc(entry.at);
        li.append(time, ' ', entry.summary);
        return li;
    }));
}

function renderNotifications(notifications) {
    document.querySelector('#notifications tbody').replaceChildren(...notifications.map(entry => {
        const tr = document.createElement('tr');
        tr.className = entry.kind.toLowerCase().replaceAll('_', '-');
        rowHeader(tr, utc(entry.at));
        cell(tr, entry.kind === 'NOTIFICATION_FAILED' ? 'Given up' : 'Sent');
        cell(tr, entry.summary);
        return tr;
    }));
    document.getElementById('notifications-empty').hidden = notifications.length > 0;
}

function renderSurveys(surveys) {
    const survey = document.getElementById('survey');
    if (surveys.length === 0) {
        const none = document.createElement('p');
        none.textContent = 'The customer has not answered a survey.';
        survey.replaceChildren(none);
        return;
    }
    survey.replaceChildren(...surveys.flatMap(answer => {
        const rating = document.createElement('p');
        rating.className = 'rating';
        rating.textContent = 'Rating ' + answer.rating + ' of 5, answered ' + utc(answer.respondedAt);
        if (!answer.comment || !answer.comment.trim()) {
            return [rating];
        }
        const comment = document.createElement('blockquote');
        comment.className = 'comment';
        comment.textContent = answer.comment;
        return [rating, comment];
    }));
}

async function loadTicket() {
    try {
        const ticket = await getJson(API + '/console/tickets/' + encodeURIComponent(ticketId));
        const name = ticket.reference || ticket.ticketId;
        document.getElementById('ticket-reference').textContent = name;
        document.title = 'Ticket ' + name + ' · SupportFlow ops console';
        document.getElementById('ticket-summary').textContent = summary(ticket);
        renderClocks(ticket.clocks);
        renderTimeline(ticket.timeline);
        renderNotifications(ticket.notifications);
        renderSurveys(ticket.surveys);
        showProblem('');
    } catch (error) {
        showProblem(error.status === 404 ? 'The SLA service knows nothing of this ticket (yet).' : error.message);
    }
}

const reloadSoon = throttled(loadTicket, 500);

function follow() {
    const source = new EventSource(API + '/stream');
    LIVE_TYPES.forEach(type => source.addEventListener(type, message => {
        if (JSON.parse(message.data).ticketId === ticketId) {
            reloadSoon();
        }
    }));
    setInterval(reloadSoon, RELOAD_MS);
}

if (ticketId) {
    loadTicket().then(follow);
} else {
    showProblem('No ticket given: open this page from a ticket link in the console.');
}
