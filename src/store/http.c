// SPDX-License-Identifier: MIT
// HTTP requests to triple stores through libcurl.

#include "http.h"

#include <string.h>

/// Keeps the first ENT_HTTP_ANSWER_MAX bytes of the body; counts the rest.
static size_t
on_answer(char *data, size_t size, size_t n, void *handle)
{
  EntHttp *http = handle;
  const size_t len = size * n;
  http->answer_total += len;
  const size_t room = http->answer.len < ENT_HTTP_ANSWER_MAX
                        ? ENT_HTTP_ANSWER_MAX - http->answer.len
                        : 0;
  const size_t keep = len < room ? len : room;
  if (keep && ent_buf_append(&http->answer, data, keep)) {
    return 0; // out of memory: libcurl stops with CURLE_WRITE_ERROR
  }
  return len;
}

EntStatus
ent_http_open(EntHttp *http, const EntHttpSetup *setup)
{
  memset(http, 0, sizeof(*http));
  http->timeout = setup->timeout;
  http->connect_timeout = setup->connect_timeout;
  http->https = setup->https;
  http->proxy = setup->proxy != NULL;
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    return ENT_ERR_INTERNAL;
  }
  http->global_init = true;
  http->curl = curl_easy_init();
  if (!http->curl) {
    return ENT_ERR_NO_MEMORY;
  }
  // Expect: 100-continue lets a store refuse a request (401 before the
  // digest handshake, 403...) before the body is sent: without it a store
  // that answers early and closes the connection (Virtuoso does) can reset
  // it in the middle of a large body, and the real answer is lost.
  static const char *const headers[] = {
    "Content-Type: application/n-triples",
    "Expect: 100-continue",
  };
  for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); ++i) {
    struct curl_slist *more = curl_slist_append(http->headers, headers[i]);
    if (!more) {
      return ENT_ERR_NO_MEMORY;
    }
    http->headers = more;
  }
  CURL *c = http->curl;
  CURLcode rc = CURLE_OK;
  // Only http and https, and never follow a redirect: a store URL that
  // redirects elsewhere is reported, not silently obeyed (and credentials
  // are never sent to another host).
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  rc = rc ? rc
          : curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, setup->connect_timeout);
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_TIMEOUT, setup->timeout);
  // An empty proxy turns off the environment's (http_proxy...): a proxy
  // is used only when the user names one.
  rc = rc
         ? rc
         : curl_easy_setopt(c, CURLOPT_PROXY, setup->proxy ? setup->proxy : "");
  // No signals: safe in threaded programs (libcurl's threaded resolver
  // still enforces the timeouts).
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_ERRORBUFFER, http->error);
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_answer);
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_WRITEDATA, http);
  // libcurl copies the string.
  char agent[64];
  snprintf(agent, sizeof(agent), "entente/%s", ent_version());
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_USERAGENT, agent);
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_IGNORED);
  if (setup->user) {
    // Over TLS any method the store offers, libcurl picking the safest;
    // over plain http only those that do not send the password itself
    // (Digest for Virtuoso), unless the user allowed Basic.  The handle is
    // reused, so later requests authenticate at once.
    const unsigned long methods = setup->https || setup->insecure_auth
                                    ? CURLAUTH_ANY
                                    : CURLAUTH_DIGEST | CURLAUTH_DIGEST_IE;
    rc = rc ? rc : curl_easy_setopt(c, CURLOPT_USERNAME, setup->user);
    rc = rc ? rc : curl_easy_setopt(c, CURLOPT_PASSWORD, setup->password);
    rc = rc ? rc : curl_easy_setopt(c, CURLOPT_HTTPAUTH, methods);
  }
  if (rc == CURLE_OUT_OF_MEMORY) {
    return ENT_ERR_NO_MEMORY;
  }
  return rc == CURLE_OK ? ENT_SUCCESS : ENT_ERR_INTERNAL;
}

void
ent_http_close(EntHttp *http)
{
  curl_easy_cleanup(http->curl);
  curl_slist_free_all(http->headers);
  ent_buf_free(&http->answer);
  if (http->global_init) {
    curl_global_cleanup();
  }
  memset(http, 0, sizeof(*http));
}

static EntHttpOutcome
classify(const EntHttp *http, CURLcode rc, bool proxy)
{
  switch (rc) {
    case CURLE_OK:
      return ENT_HTTP_OK;
    case CURLE_COULDNT_CONNECT:
      return proxy ? ENT_HTTP_PROXY : ENT_HTTP_NO_CONNECT;
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_PROXY:
      return ENT_HTTP_PROXY;
    case CURLE_COULDNT_RESOLVE_HOST:
      return ENT_HTTP_NO_HOST;
    case CURLE_OPERATION_TIMEDOUT: {
      // libcurl reports all timeouts alike; a connect time of zero says
      // the connection never came up, a TLS time of zero over https that
      // the handshake never ended (a plain-http port, often).
      curl_off_t connect = 0;
      curl_off_t tls = 0;
      curl_easy_getinfo(http->curl, CURLINFO_CONNECT_TIME_T, &connect);
      curl_easy_getinfo(http->curl, CURLINFO_APPCONNECT_TIME_T, &tls);
      if (connect > 0 && http->https && tls == 0) {
        return ENT_HTTP_TLS_STALLED;
      }
      return connect > 0 ? ENT_HTTP_TIMEOUT : ENT_HTTP_NO_CONNECT_IN_TIME;
    }
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
      return ENT_HTTP_BROKEN;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
      return ENT_HTTP_TLS;
    default:
      return ENT_HTTP_OTHER;
  }
}

EntStatus
ent_http_send(EntHttp *http,
              const char *method,
              const char *url,
              const char *body,
              size_t len)
{
  CURL *c = http->curl;
  http->outcome = ENT_HTTP_OTHER;
  http->status = 0;
  http->error[0] = '\0';
  http->answer_total = 0;
  http->retry_after = 0;
  http->auth_offered = 0;
  ent_buf_reset(&http->answer);
  CURLcode rc = curl_easy_setopt(c, CURLOPT_URL, url);
  if (body) {
    // The body stays in memory, so libcurl can send it again after an
    // authentication round trip.
    rc = rc ? rc : curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    rc = rc ? rc
            : curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    rc = rc ? rc : curl_easy_setopt(c, CURLOPT_HTTPHEADER, http->headers);
  } else {
    rc = rc ? rc : curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    rc = rc ? rc : curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
  }
  rc = rc ? rc : curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
  if (rc != CURLE_OK) {
    return rc == CURLE_OUT_OF_MEMORY ? ENT_ERR_NO_MEMORY : ENT_ERR_INTERNAL;
  }
  rc = curl_easy_perform(c);
  if (rc == CURLE_WRITE_ERROR && !http->error[0]) {
    return ENT_ERR_NO_MEMORY;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &http->status);
  curl_off_t retry = 0;
  if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &retry) == CURLE_OK &&
      retry > 0) {
    http->retry_after = retry > 86400 ? 86400L : (long)retry;
  }
  curl_easy_getinfo(c, CURLINFO_HTTPAUTH_AVAIL, &http->auth_offered);
  http->outcome = classify(http, rc, http->proxy);
  if (http->outcome == ENT_HTTP_OK &&
      (http->status < 200 || http->status > 299)) {
    http->outcome = ENT_HTTP_STATUS;
  }
  if (!http->error[0] && rc != CURLE_OK) {
    snprintf(http->error, sizeof(http->error), "%s", curl_easy_strerror(rc));
  }
  return ENT_SUCCESS;
}

const char *
ent_http_redirect(const EntHttp *http)
{
  char *location = NULL;
  if (curl_easy_getinfo(http->curl, CURLINFO_REDIRECT_URL, &location) !=
      CURLE_OK) {
    return NULL;
  }
  return location;
}

/// Length of the UTF-8 sequence at `s` (at most `len` bytes), 0 if invalid.
static size_t
utf8_length(const unsigned char *s, size_t len)
{
  const size_t n = s[0] < 0x80             ? 1
                   : (s[0] & 0xE0) == 0xC0 ? 2
                   : (s[0] & 0xF0) == 0xE0 ? 3
                   : (s[0] & 0xF8) == 0xF0 ? 4
                                           : 0;
  if (n == 0 || n > len) {
    return 0;
  }
  return ent_is_utf8((const char *)s, n) ? n : 0;
}

/// `entity` ("&lt;"...) at `s` as a character, or 0.
static char
html_entity(const char *s, size_t len, size_t *used)
{
  static const struct {
    const char *name;
    char c;
  } entities[] = { { "&lt;", '<' },   { "&gt;", '>' },   { "&amp;", '&' },
                   { "&quot;", '"' }, { "&#39;", '\'' }, { "&apos;", '\'' } };
  for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); ++i) {
    const size_t n = strlen(entities[i].name);
    if (n <= len && !memcmp(s, entities[i].name, n)) {
      *used = n;
      return entities[i].c;
    }
  }
  return '\0';
}

void
ent_http_answer_line(const EntHttp *http, char *out, size_t max)
{
  out[0] = '\0';
  if (max < 8) {
    return;
  }
  const char *s = http->answer.buf ? http->answer.buf : "";
  const size_t len = http->answer.len;
  char *content_type = NULL;
  curl_easy_getinfo(http->curl, CURLINFO_CONTENT_TYPE, &content_type);
  const bool html = (content_type && strstr(content_type, "html")) ||
                    (len > 0 && s[0] == '<' && strstr(s, "</"));
  size_t o = 0;
  bool space = true; // drop leading white space
  bool in_tag = false;
  const size_t limit = max - 4; // room for "..." and the NUL
  size_t i = 0;
  while (i < len && o < limit) {
    const unsigned char c = (unsigned char)s[i];
    size_t used = 1;
    char emit = '\0';
    if (html && in_tag) {
      in_tag = c != '>';
      emit = in_tag ? '\0' : ' ';
    } else if (html && c == '<') {
      in_tag = true;
    } else if (html && c == '&' &&
               (emit = html_entity(s + i, len - i, &used))) {
      // decoded
    } else if (c < 0x20 || c == 0x7F || c == ' ') {
      emit = ' ';
    } else if (c < 0x80) {
      emit = (char)c;
    } else {
      used = utf8_length((const unsigned char *)s + i, len - i);
      if (used && o + used <= limit) {
        memcpy(out + o, s + i, used);
        o += used;
        space = false;
        i += used;
        continue;
      }
      if (used) {
        break; // would not fit whole
      }
      used = 1;
      emit = '?';
    }
    i += used;
    if (emit == ' ') {
      if (!space) {
        out[o++] = ' ';
      }
      space = true;
    } else if (emit) {
      out[o++] = emit;
      space = false;
    }
  }
  while (o > 0 && out[o - 1] == ' ') {
    --o;
  }
  const bool cut = i < len || http->answer_total > len;
  if (cut && o > 0) {
    memcpy(out + o, "...", 3);
    o += 3;
  }
  out[o] = '\0';
}

/// Whether `s` starts with `word` (ASCII, any case).
static bool
starts_with_word(const char *s, const char *word)
{
  for (; *word; ++s, ++word) {
    const char a = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    if (a != *word) {
      return false;
    }
  }
  return true;
}

/// Replace `line[from, to)` with "***" (or as many stars as it is long,
/// if shorter: the line never grows); returns the index after the stars.
static size_t
mask_span(char *line, size_t from, size_t to)
{
  const size_t len = strlen(line);
  const size_t stars = to - from < 3 ? to - from : 3;
  memmove(line + from + stars, line + to, len - to + 1);
  memset(line + from, '*', stars);
  return from + stars;
}

void
ent_http_mask_secrets(char *line, const char *secret)
{
  // Credentials an echoing store may show: the Authorization header's
  // value and the schemes' parameters (Digest's are key="value" pairs).
  static const char *const markers[] = {
    "authorization:", "basic ", "bearer ",   "digest ",
    "negotiate ",     "token=", "password=", "access_token="
  };
  for (size_t i = 0; line[i]; ++i) {
    if (i > 0 && ((line[i - 1] >= 'a' && line[i - 1] <= 'z') ||
                  (line[i - 1] >= 'A' && line[i - 1] <= 'Z'))) {
      continue; // inside a word
    }
    for (size_t m = 0; m < sizeof(markers) / sizeof(markers[0]); ++m) {
      if (!starts_with_word(line + i, markers[m])) {
        continue;
      }
      size_t from = i + strlen(markers[m]);
      while (line[from] == ' ') {
        ++from;
      }
      if (m == 0) {
        // "Authorization: SCHEME credentials": keep the scheme's name.
        while ((line[from] >= 'A' && line[from] <= 'Z') ||
               (line[from] >= 'a' && line[from] <= 'z')) {
          ++from;
        }
        while (line[from] == ' ') {
          ++from;
        }
      }
      size_t to = from;
      // Up to the end of the value: a space ends it, except inside quotes
      // and after a comma (Digest: username="u", response="...").
      bool quoted = false;
      for (; line[to]; ++to) {
        if (line[to] == '"') {
          quoted = !quoted;
        } else if (line[to] == ' ' && !quoted &&
                   !(to > 0 && line[to - 1] == ',')) {
          break;
        }
      }
      if (to > from) {
        i = mask_span(line, from, to) - 1;
      }
      break;
    }
  }
  const size_t n = secret ? strlen(secret) : 0;
  for (char *at = n ? strstr(line, secret) : NULL; at;
       at = strstr(at, secret)) {
    at = line + mask_span(line, (size_t)(at - line), (size_t)(at - line) + n);
  }
}
