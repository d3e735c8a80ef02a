// Sigil's single-page demo: signs in with cookie mode (the tokens live in HttpOnly cookies this
// script never sees), calls the API, refreshes the access token before it expires, signs out.
// State-changing calls send the CSRF token (X-CSRF-Token), read from the answer of the sign-in.
'use strict';

const base = new URL('..', document.baseURI).pathname;          // the application's root, e.g. /app/
const tokenUrl = base + 'api/auth/token';
const $ = (id) => document.getElementById(id);
let csrf = null;
let refreshTimer = null;

function show(signedIn) {
  $('sign-in').hidden = signedIn;
  $('signed-in').hidden = !signedIn;
}

async function grant(body) {
  const response = await fetch(tokenUrl, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
    body: new URLSearchParams(body)
  });
  if (!response.ok) {
    return null;
  }
  const answer = await response.json();
  csrf = answer.csrf_token || null;
  sessionStorage.setItem('sigil-csrf', csrf || '');
  scheduleRefresh(answer.expires_in);
  return answer;
}

function scheduleRefresh(expiresIn) {
  clearTimeout(refreshTimer);
  // Refresh at 80 % of the lifetime, so that no call meets an expired token.
  refreshTimer = setTimeout(refresh, Math.max(1, expiresIn * 0.8) * 1000);
}

async function refresh() {
  // The refresh token travels in its own cookie, sent only to the token endpoint.
  if (await grant({ grant_type: 'refresh_token' })) {
    $('refreshes').textContent = String(Number($('refreshes').textContent) + 1);
  } else {
    show(false);
  }
}

async function me() {
  const response = await fetch(base + 'api/me', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
  if (response.status === 401) {
    return null;
  }
  return response.json();
}

async function callApi() {
  let caller = await me();
  if (!caller && await grant({ grant_type: 'refresh_token' })) {
    // The access token had expired (the tab slept, say): one refresh, then the call again.
    caller = await me();
  }
  if (!caller) {
    show(false);
    return;
  }
  $('name').textContent = caller.name;
  $('groups').textContent = caller.groups.join(', ');
  $('method').textContent = caller.authenticatedBy;
  $('calls').textContent = String(Number($('calls').textContent) + 1);
  show(true);
}

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('sign-in-error').hidden = true;
  const answer = await grant({ username: $('username').value, password: $('password').value });
  $('password').value = '';
  if (!answer) {
    $('sign-in-error').textContent = 'Invalid user name or password.';
    $('sign-in-error').hidden = false;
    return;
  }
  await callApi();
});

$('call-api').addEventListener('click', callApi);

$('sign-out').addEventListener('click', async () => {
  clearTimeout(refreshTimer);
  await fetch(base + 'api/auth/logout', {
    method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf || '' }
  });
  csrf = null;
  sessionStorage.removeItem('sigil-csrf');
  show(false);
});

$('js-note').hidden = true;
csrf = sessionStorage.getItem('sigil-csrf') || null;
callApi();
