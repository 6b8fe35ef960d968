// attune page: sends the reply to /api/check on this same server and renders the result.
// User text is only ever inserted with textContent (never innerHTML) so it cannot inject markup.
'use strict';

const $ = (id) => document.getElementById(id);
const els = {
  form: $('check-form'), reply: $('reply'), context: $('context'), error: $('error'),
  status: $('status'), results: $('results'), score: $('score'), scoreValue: $('score-value'),
  gaugeValue: $('gauge-value'), verdict: $('verdict'), bid: $('bid'), languageNote: $('language-note'),
  highlighted: $('highlighted'),
  findings: $('findings'), noFindings: $('no-findings'), rewrite: $('rewrite'),
  copy: $('copy-rewrite'), copyStatus: $('copy-status'),
};

const DEBOUNCE_MS = 300;
const BID_TEXT = {
  distress: 'They are sharing distress', complaint: 'They are making a complaint',
  good_news: 'They are sharing good news', request: 'They are making a request',
  neutral: 'No emotional bid in their message',
};

let timer = 0;        // pending debounce
let inFlight = null;  // AbortController of the request in flight
let seq = 0;          // request counter: only the newest response may render

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children); // strings become text nodes, never markup
  return node;
}

// Server offsets count Unicode code points; JS strings index UTF-16 units, so split first.
const codePoints = (text) => Array.from(text);

function showError(message) {
  els.error.textContent = message;
  els.results.classList.toggle('is-stale', message !== '');
}

function scheduleCheck() { clearTimeout(timer); timer = setTimeout(check, DEBOUNCE_MS); }

async function check() {
  clearTimeout(timer);
  if (inFlight) inFlight.abort(); // an older answer must never overwrite a newer one
  const text = els.reply.value;
  if (text.trim() === '') { inFlight = null; clearResults(); return; }
  const context = els.context.value.trim();
  const mine = ++seq;
  const controller = (inFlight = new AbortController());
  els.results.setAttribute('aria-busy', 'true'); // screen readers wait for the whole update
  els.status.textContent = 'Checking…';
  try {
    const response = await fetch('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(context ? { text, context } : { text }),
      signal: controller.signal,
    });
    const data = await response.json().catch(() => null);
    if (mine !== seq) return;
    if (response.ok && data) { showError(''); render(data); }
    else showError(data?.error || `The server answered with status ${response.status}.`);
  } catch (err) {
    if (err.name !== 'AbortError' && mine === seq) {
      showError('Could not reach the attune server. Is "attune serve" still running?');
    }
  } finally {
    if (mine === seq) {
      inFlight = null;
      els.status.textContent = '';
      els.results.setAttribute('aria-busy', 'false');
    }
  }
}

function clearResults() {
  seq++; // drop any answer still on its way
  showError('');
  els.results.classList.add('is-empty');
  els.results.setAttribute('aria-busy', 'false');
  els.status.textContent = '';
  els.highlighted.replaceChildren();
  els.findings.replaceChildren();
}

function render(data) {
  const findings = Array.isArray(data.findings) ? data.findings : [];
  els.results.classList.remove('is-empty');
  renderScore(data.score, String(data.verdict || 'neutral'));
  renderBid(data.bid);
  renderLanguage(data.language, data.context_language);
  renderHighlighted(String(data.text ?? ''), findings);
  renderFindings(findings);
  els.rewrite.textContent = data.rewrite || 'No rewrite needed: this reply already turns toward them.';
  els.copy.disabled = !data.rewrite;
  els.copyStatus.textContent = '';
}

function renderScore(score, verdict) {
  const value = Math.max(0, Math.min(100, Number(score) || 0));
  els.scoreValue.textContent = String(value);
  els.score.setAttribute('aria-valuenow', String(value));
  els.score.setAttribute('aria-valuetext', `${value} out of 100, ${verdict}`);
  els.gaugeValue.setAttribute('stroke-dasharray', `${value} 100`); // path has pathLength=100
  // The verdict is open-ended; known values get a colour via CSS, others stay neutral.
  const cls = `verdict-${verdict.replace(/[^a-z_-]/gi, '')}`;
  els.score.className = `gauge ${cls}`;
  els.verdict.className = `verdict ${cls}`;
  els.verdict.textContent = verdict;
}

function renderBid(bid) {
  if (!bid || !bid.kind) {
    els.bid.textContent = els.context.value.trim()
      ? 'No particular bid detected in their message.'
      : 'Add the message you are answering to see what they are reaching for.';
    return;
  }
  const feelings = Array.isArray(bid.feelings) ? bid.feelings : [];
  const lead = BID_TEXT[bid.kind] || `Their message is a bid: ${bid.kind}`;
  els.bid.textContent = feelings.length ? `${lead}: ${feelings.join(', ')}` : `${lead}.`;
}

// The rules are English: say so when either text reads as another language, or a reply
// with nothing found would pass for "neutral" when it simply was not read.
function renderLanguage(language, contextLanguage) {
  const notes = [];
  if (language === 'other') {
    notes.push('Your reply does not read as English. The rules are English, so it was not analysed: '
      + 'the score and verdict do not say how it will land.');
  }
  if (contextLanguage === 'other') {
    notes.push('Their message does not read as English, so what it asks of you may be misread.');
  }
  els.languageNote.textContent = notes.join(' ');
  els.languageNote.hidden = notes.length === 0;
}

// Each code point belongs to the first finding (by start) that covers it, so overlapping
// findings never nest or double up: the later one just keeps the part the earlier left over.
function renderHighlighted(text, findings) {
  const chars = codePoints(text);
  const owner = new Array(chars.length).fill(-1);
  const order = findings.map((f, i) => i).sort((a, b) => findings[a].start - findings[b].start);
  for (const i of order) {
    const { start, end } = findings[i];
    for (let k = Math.max(0, start); k < Math.min(end, chars.length); k++) if (owner[k] < 0) owner[k] = i;
  }
  const out = document.createDocumentFragment();
  for (let k = 0; k < chars.length;) {
    let j = k;
    while (j < chars.length && owner[j] === owner[k]) j++;
    const piece = chars.slice(k, j).join('');
    if (owner[k] < 0) out.append(piece);
    else out.append(makeMark(piece, findings[owner[k]], owner[k]));
    k = j;
  }
  els.highlighted.replaceChildren(out);
}

function makeMark(piece, finding, index) {
  const mark = el('mark', `cat-${finding.category}`, piece);
  mark.tabIndex = 0;
  mark.setAttribute('role', 'button');
  mark.dataset.finding = String(index);
  mark.title = `${finding.category}: ${finding.message || ''}`;
  // Name it for screen readers while the visible text stays exactly the reply's words.
  mark.setAttribute('aria-label', `${piece} (${finding.category}, show details)`);
  return mark;
}

function renderFindings(findings) {
  const items = findings.map((finding, index) => {
    const li = el('li', `finding cat-${finding.category}`);
    li.id = `finding-${index}`;
    li.tabIndex = -1; // focus target when its mark is activated
    const head = el('div', 'finding-head');
    head.append(el('span', 'finding-category', finding.category), el('q', 'finding-excerpt', finding.excerpt ?? ''));
    li.append(head, el('p', 'finding-message', finding.message || ''));
    const suggestions = Array.isArray(finding.suggestions) ? finding.suggestions : [];
    if (suggestions.length) {
      li.append(el('p', 'suggestions-label', 'Try instead (click to use):'));
      const list = el('ul', 'suggestions');
      for (const text of suggestions) {
        const button = el('button', 'suggestion', text);
        button.type = 'button';
        button.addEventListener('click', () => applySuggestion(finding, text));
        list.append(el('li', '', button));
      }
      li.append(list);
    }
    return li;
  });
  els.findings.replaceChildren(...items);
  els.noFindings.hidden = findings.length > 0;
}

// Replace the whole sentence the finding sits in (its `replace` span) with the
// suggestion, so the reply stays one grammatical text; then check again at once.
function applySuggestion(finding, suggestion) {
  const value = els.reply.value;
  const chars = codePoints(value);
  const span = finding.replace ?? { start: finding.start, end: finding.end };
  let shift = 0;
  if (chars.slice(finding.start, finding.end).join('') !== finding.excerpt) {
    // The reply was edited after this check: find the excerpt again and move the span with it.
    const at = value.indexOf(finding.excerpt);
    if (at < 0) { showError('The reply has changed since this suggestion was made. Check it again first.'); return; }
    shift = codePoints(value.slice(0, at)).length - finding.start;
  }
  const start = Math.max(0, span.start + shift);
  const end = Math.min(chars.length, span.end + shift);
  chars.splice(start, end - start, suggestion);
  els.reply.value = chars.join('');
  const caret = chars.slice(0, start).join('').length + suggestion.length; // selection counts UTF-16 units
  els.reply.focus();
  els.reply.setSelectionRange(caret, caret);
  check();
}

// Clicking or pressing Enter/Space on a highlighted span jumps to its explanation.
function activateMark(mark) {
  const item = document.getElementById(`finding-${mark.dataset.finding}`);
  if (!item) return;
  document.querySelectorAll('.active').forEach((node) => node.classList.remove('active'));
  mark.classList.add('active');
  item.classList.add('active');
  item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  item.focus({ preventScroll: true });
}

els.highlighted.addEventListener('click', (event) => {
  const mark = event.target.closest('mark');
  if (mark) activateMark(mark);
});
els.highlighted.addEventListener('keydown', (event) => {
  const mark = event.target.closest('mark');
  if (mark && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); activateMark(mark); }
});

// Copy the rewrite; the Clipboard API needs a secure context (not plain http on a LAN
// address), so fall back to selecting the text for the user to copy.
els.copy.addEventListener('click', async () => {
  const text = els.rewrite.textContent;
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    els.copyStatus.textContent = 'Copied.';
  } catch {
    window.getSelection().selectAllChildren(els.rewrite);
    let copied = false;
    try { copied = document.execCommand('copy'); } catch { /* unsupported: leave it selected */ }
    els.copyStatus.textContent = copied ? 'Copied.' : 'Selected: press Ctrl+C (or ⌘C) to copy.';
  }
});

els.form.addEventListener('submit', (event) => { event.preventDefault(); check(); });
els.reply.addEventListener('input', scheduleCheck);
els.context.addEventListener('input', () => { if (els.reply.value.trim()) scheduleCheck(); });
for (const box of [els.reply, els.context]) {
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); check(); }
  });
}

// A reply restored by the browser (back/forward) gets checked straight away.
if (els.reply.value.trim()) check();
