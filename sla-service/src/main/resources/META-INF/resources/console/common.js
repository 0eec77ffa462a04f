'use strict';
// What the console's pages share. Every value from the server goes into a page through textContent or an
// attribute, never as HTML: references, comments and names may hold whatever a customer typed.

const API = '/api/v1/sla';

async function getJson(path) {
    const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (response.status === 401 || response.redirected && response.url.includes('/console/login.html')) {
        location.assign('/console/login.html');
        throw new Error('signed out');
    }
    if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        const error = new Error(problem.detail || problem.title || response.statusText);
        error.status = response.status;
        throw error;
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

function rowHeader(row, text) {
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = text;
    row.appendChild(th);
    return th;
}

/** A link to the console's own page of a ticket, named by its reference where known. */
function ticketLink(ticketId, reference) {
    const link = document.createElement('a');
    link.href = '/console/ticket.html?id=' + encodeURIComponent(ticketId);
    link.textContent = reference || ticketId;
    link.title = 'Ticket ' + (reference || ticketId) + ': timeline, clocks, notifications, survey';
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

/** An ISO-8601 duration of hours, minutes and seconds (PT1H30M, as the server writes targets) as people say it. */
function isoDuration(text) {
    const parts = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.\d+)?S)?$/.exec(text || '');
    if (!parts) {
        return text || '–';
    }
    const words = [[parts[1], 'h'], [parts[2], 'min'], [parts[3], 's']]
        .filter(([amount]) => amount && +amount > 0)
        .map(([amount, unit]) => +amount + ' ' + unit);
    return words.length ? words.join(' ') : '0 s';
}

function utc(instant) {
    return instant ? instant.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–';
}

/**
 * An instant as the wall clock of {@code timeZone} (an IANA id; the browser's own when undefined) shows it, e.g.
 * "Mon 2026-03-09 08:00". Built from parts so that it reads the same in every browser and locale.
 */
function zoned(instant, timeZone) {
    if (!instant) {
        return '–';
    }
    const parts = {};
    new Intl.DateTimeFormat('en-GB', {
        timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    }).formatToParts(new Date(instant)).forEach(part => { parts[part.type] = part.value; });
    return parts.weekday + ' ' + parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':'
        + parts.minute;
}

/** A constant as words: HANDLING_BREACH → "handling breach". */
function words(constant) {
    return constant ? constant.toLowerCase().replaceAll('_', ' ') : '–';
}

/** Pages and escalations' recipients ({kind, address}) as one line: "email lead@example.com, webhook pager". */
function recipientsText(recipients) {
    if (!recipients || recipients.length === 0) {
        return 'nobody';
    }
    return recipients.map(recipient => words(recipient.kind) + ' ' + recipient.address).join(', ');
}

/**
 * Runs {@code task} at most once per {@code ms}, {@code ms} after the first call since it last ran, and never twice
 * at once: events in a burst cost one reload, and a steady stream still reloads every {@code ms}.
 */
function throttled(task, ms) {
    let timer = null;
    let running = false;
    let again = false;
    const run = async () => {
        timer = null;
        running = true;
        try {
            await task();
        } finally {
            running = false;
            if (again) {
                again = false;
                schedule();
            }
        }
    };
    const schedule = () => {
        if (running) {
            again = true;
        } else if (timer === null) {
            timer = setTimeout(run, ms);
        }
    };
    return schedule;
}
