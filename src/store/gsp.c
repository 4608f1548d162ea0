// SPDX-License-Identifier: MIT
// Pushing a source's named graph to a triple store with the SPARQL 1.1
// Graph Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/).

#include "../export_rdf/emit.h"
#include "../model/model.h"
#include "http.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#define DEFAULT_CONNECT_TIMEOUT 10L
#define DEFAULT_TIMEOUT         300L
/// Bytes of the store's answer shown in an error message.
#define ANSWER_SHOWN 320

typedef struct {
  EntWorld *world;
  const EntPushOptions *options;
  EntPushReport *report;
  const char *store; ///< As the user gave it (checked: no credentials)
  char *shown;       ///< The store URL for messages: query values masked
  bool https;        ///< The store URL is https://
  char *url;         ///< store + "graph=" parameter; free with curl_free()
  size_t chunk;
  long connect_timeout;
  long timeout;
} Push;

static EntStatus bad_option(Push *p, const char *fmt, ...) ENT_PRINTF(2, 3);

static EntStatus
bad_option(Push *p, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  ent_vlog(p->world, ENT_LOG_ERROR, ENT_ERR_BAD_VALUE, NULL, fmt, args);
  va_end(args);
  return ENT_ERR_BAD_VALUE;
}

/// Percent-encode everything but RFC 3986's unreserved characters.
static EntStatus
append_escaped(EntBuf *b, const char *s)
{
  static const char hex[] = "0123456789ABCDEF";
  EntStatus st = ENT_SUCCESS;
  for (const unsigned char *c = (const unsigned char *)s; !st && *c; ++c) {
    if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
        (*c >= '0' && *c <= '9') || strchr("-._~", *c)) {
      st = ent_buf_append(b, (const char *)c, 1);
    } else {
      const char e[3] = { '%', hex[*c >> 4], hex[*c & 0x0F] };
      st = ent_buf_append(b, e, 3);
    }
  }
  return st;
}

/// Whether query string `q` has a parameter that names a graph already.
static bool
names_graph(const char *q)
{
  static const char *const names[] = { "graph", "graph-uri", "default" };
  for (const char *param = q; param; param = strchr(param, '&')) {
    param += *param == '&' ? 1 : 0;
    const size_t len = strcspn(param, "=&");
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); ++i) {
      if (len == strlen(names[i]) && !strncmp(param, names[i], len)) {
        return true;
      }
    }
  }
  return false;
}

/// The store URL as messages show it: the value of every query parameter
/// (an access token, often) replaced by "***", a URL with a user or
/// password as "...".  Caller frees.
static char *
shown_url(const char *store)
{
  if (strchr(store, '@')) {
    return strdup("...");
  }
  EntBuf b = { NULL, 0, 0 };
  const char *q = strchr(store, '?');
  EntStatus st =
    ent_buf_append(&b, store, q ? (size_t)(q - store) : strlen(store));
  while (!st && q && *q && *q != '#') {
    // q at '?' or '&': copy it and the name, mask the value.
    const size_t name = strcspn(q + 1, "=&#") + 1;
    st = ent_buf_append(&b, q, name);
    q += name;
    if (!st && *q == '=') {
      st = ent_buf_append(&b, "=***", 4);
      q += 1 + strcspn(q + 1, "&#");
    }
  }
  if (!st && q && *q == '#') {
    st = ent_buf_append(&b, q, strlen(q));
  }
  if (st) {
    ent_buf_free(&b);
    return NULL;
  }
  return b.buf ? b.buf : strdup("");
}

/// Check the store URL and make the request URL for `graph_iri`.
static EntStatus
make_url(Push *p, const char *graph_iri)
{
  CURLU *u = curl_url();
  if (!u) {
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  char *scheme = NULL;
  char *part = NULL;
  char *query = NULL;
  EntBuf param = { NULL, 0, 0 };
  if (curl_url_set(u, CURLUPART_URL, p->store, CURLU_NON_SUPPORT_SCHEME) ||
      curl_url_get(u, CURLUPART_SCHEME, &scheme, 0)) {
    st = bad_option(p,
                    "store URL '%s' is not a URL; give the store's Graph "
                    "Store endpoint, such as "
                    "http://127.0.0.1:8890/sparql-graph-crud",
                    p->shown);
  } else if (!curl_url_get(u, CURLUPART_USER, &part, 0) ||
             !curl_url_get(u, CURLUPART_PASSWORD, &part, 0)) {
    st = bad_option(p,
                    "the store URL holds a user or password; give them "
                    "separately (entente push: --user and --password-file)");
  } else if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0) {
    st = bad_option(
      p, "store URL '%s' must start with http:// or https://", p->shown);
  } else if (!curl_url_get(u, CURLUPART_FRAGMENT, &part, 0)) {
    st = bad_option(p, "store URL '%s' has a #fragment; remove it", p->shown);
  } else if (!curl_url_get(u, CURLUPART_QUERY, &query, 0) &&
             names_graph(query)) {
    st = bad_option(p,
                    "store URL '%s' names a graph already; give the "
                    "endpoint alone (entente adds ?graph=)",
                    p->shown);
  } else if ((st = ent_buf_append(&param, "graph=", 6)) ||
             (st = append_escaped(&param, graph_iri))) {
    // out of memory
  } else if (curl_url_set(u, CURLUPART_QUERY, param.buf, CURLU_APPENDQUERY) ||
             curl_url_get(u, CURLUPART_URL, &p->url, 0)) {
    st = ENT_ERR_NO_MEMORY;
  }
  p->https = !st && scheme && !strcmp(scheme, "https");
  curl_free(query);
  curl_free(part);
  curl_free(scheme);
  ent_buf_free(&param);
  curl_url_cleanup(u);
  return st;
}

static EntStatus
check_options(Push *p)
{
  const EntPushOptions *o = p->options;
  if (!o->store || !o->store[0]) {
    ent_log(
      p->world, ENT_LOG_ERROR, ENT_ERR_BAD_VALUE, NULL, "no store URL given");
    return ENT_ERR_BAD_VALUE;
  }
  p->store = o->store;
  p->shown = shown_url(o->store);
  if (!p->shown) {
    return ENT_ERR_NO_MEMORY;
  }
  if (o->proxy && !o->proxy[0]) {
    return bad_option(p,
                      "--proxy needs a proxy URL, such as "
                      "http://proxy.example:3128");
  }
  if (o->mode != ENT_PUSH_REPLACE && o->mode != ENT_PUSH_APPEND) {
    return bad_option(p, "unknown push mode");
  }
  if (o->graph_iri && !ent_is_absolute_iri(o->graph_iri)) {
    return bad_option(
      p,
      "graph name '%s' is not an absolute IRI (such as https://example.org/g)",
      o->graph_iri);
  }
  if (!o->user != !o->password) {
    return bad_option(p, "a user needs a password and a password a user");
  }
  if (o->connect_timeout < 0 || o->timeout < 0) {
    return bad_option(p, "timeouts must not be negative");
  }
  p->chunk = o->chunk ? o->chunk : ENT_PUSH_DEFAULT_CHUNK;
  p->timeout = o->timeout ? o->timeout : DEFAULT_TIMEOUT;
  p->connect_timeout =
    o->connect_timeout ? o->connect_timeout : DEFAULT_CONNECT_TIMEOUT;
  if (p->connect_timeout > p->timeout) {
    p->connect_timeout = p->timeout;
  }
  return ENT_SUCCESS;
}

static const char *
reason_phrase(long status)
{
  switch (status) {
    case 301:
      return " Moved Permanently";
    case 302:
      return " Found";
    case 307:
      return " Temporary Redirect";
    case 308:
      return " Permanent Redirect";
    case 400:
      return " Bad Request";
    case 401:
      return " Unauthorized";
    case 403:
      return " Forbidden";
    case 404:
      return " Not Found";
    case 405:
      return " Method Not Allowed";
    case 413:
      return " Payload Too Large";
    case 415:
      return " Unsupported Media Type";
    case 500:
      return " Internal Server Error";
    case 501:
      return " Not Implemented";
    case 502:
      return " Bad Gateway";
    case 503:
      return " Service Unavailable";
    case 504:
      return " Gateway Timeout";
    default:
      return "";
  }
}

/// What a user can do about `status`, as a clause after a semicolon.
static const char *
status_hint(const Push *p, const EntHttp *http)
{
  const long s = http->status;
  if (s >= 300 && s < 400) {
    return "give the URL it redirects to (redirects are not followed)";
  }
  switch (s) {
    case 401:
      if (p->options->user && !p->https && !p->options->allow_insecure_auth &&
          ((unsigned long)http->auth_offered & CURLAUTH_BASIC) &&
          !((unsigned long)http->auth_offered &
            (CURLAUTH_DIGEST | CURLAUTH_DIGEST_IE))) {
        return "the store offers only Basic authentication, which would "
               "send the password readable over plain http; use its "
               "https:// URL, or --allow-insecure-auth if the network is "
               "trusted (the password was not sent)";
      }
      return p->options->user ? "the store refused this user and password"
                              : "the store wants a user and password";
    case 403:
      return "the store does not let this user write graphs (Virtuoso: "
             "GRANT SPARQL_UPDATE TO \"SPARQL\", or use "
             "/sparql-graph-crud-auth with a user)";
    case 404:
    case 405:
    case 501:
      return "is this the store's Graph Store endpoint (Virtuoso: "
             "/sparql-graph-crud)?";
    case 413:
      return "the request is too large for the store: send fewer triples "
             "per request";
    default:
      return s >= 500 ? "the store failed; see its answer and its log"
                      : "see the store's answer";
  }
}

/// Log why request `index` (from 1) of the push failed.
static void
report_failure(Push *p,
               const EntHttp *http,
               const char *method,
               const char *graph_iri,
               size_t index)
{
  EntWorld *w = p->world;
  char request[1200];
  snprintf(request,
           sizeof(request),
           "%s of graph <%s> (request %zu of %zu)",
           method,
           graph_iri,
           index,
           p->report->requests);
  switch (http->outcome) {
    case ENT_HTTP_OK:
      break;
    case ENT_HTTP_NO_CONNECT:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "could not connect to %s: is the store running? (%s)",
              p->shown,
              http->error);
      break;
    case ENT_HTTP_NO_CONNECT_IN_TIME:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "could not connect to %s within %ld s: is the store running "
              "and reachable?",
              p->shown,
              p->connect_timeout);
      break;
    case ENT_HTTP_NO_HOST:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "could not find the host of %s: check the URL (%s)",
              p->shown,
              http->error);
      break;
    case ENT_HTTP_TIMEOUT:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "%s did not answer the %s within %ld s: the store may be busy "
              "or stuck; allow more time or send fewer triples per request",
              p->shown,
              request,
              p->timeout);
      break;
    case ENT_HTTP_BROKEN:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "%s broke off the connection during the %s (%s): did the "
              "store stop? see its log",
              p->shown,
              request,
              http->error);
      break;
    case ENT_HTTP_TLS:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "secure connection to %s failed: %s%s",
              p->shown,
              http->error,
              strstr(http->error, "version number") ||
                  strstr(http->error, "unexpected TLS packet") ||
                  strstr(http->error, "handshake")
                ? " (is this a plain http port? then give http://)"
                : "");
      break;
    case ENT_HTTP_TLS_STALLED:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "connected to %s, but no TLS handshake within %ld s: is this "
              "a plain http port? (try http:// instead of https://)",
              p->shown,
              p->connect_timeout);
      break;
    case ENT_HTTP_PROXY:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "the proxy %s (--proxy) failed on the way to %s: %s",
              p->options->proxy ? p->options->proxy : "",
              p->shown,
              http->error);
      break;
    case ENT_HTTP_OTHER:
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "the %s to %s failed: %s",
              request,
              p->shown,
              http->error);
      break;
    case ENT_HTTP_STATUS: {
      char answer[ANSWER_SHOWN];
      ent_http_answer_line(http, answer, sizeof(answer));
      // A store may echo the request's headers; the password, a token in
      // the URL or an Authorization value must not reach the terminal.
      ent_http_mask_secrets(answer, p->options->password);
      const char *redirect = ent_http_redirect(http);
      char *location = redirect ? shown_url(redirect) : NULL;
      ent_log(w,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "%s answered %ld%s to the %s; %s%s%s%s%s%s",
              p->shown,
              http->status,
              reason_phrase(http->status),
              request,
              status_hint(p, http),
              location ? " (to " : "",
              location ? location : "",
              location ? ")" : "",
              answer[0] ? ". The store said: " : "",
              answer);
      free(location);
      break;
    }
  }
}

/// Whether a failed request may have changed the graph.
static bool
may_have_written(const EntHttp *http, size_t done)
{
  if (done > 0) {
    return true;
  }
  switch (http->outcome) {
    case ENT_HTTP_NO_CONNECT:
    case ENT_HTTP_NO_CONNECT_IN_TIME:
    case ENT_HTTP_NO_HOST:
    case ENT_HTTP_TLS:
      return false;
    case ENT_HTTP_STATUS:
      // Refused before reading the data.  Anything else (a 500 from
      // Virtuoso on bad data) may leave part of the request loaded.
      return !(http->status == 401 || http->status == 403 ||
               http->status == 404 || http->status == 405 ||
               http->status == 501 ||
               (http->status >= 300 && http->status < 400));
    default:
      return true;
  }
}

/// Most times one request is sent again when the store asks to wait.
#define MAX_RETRIES 5
/// Longest wait entente accepts from a Retry-After header, in seconds; a
/// store asking for more is reported instead of waited for.
#define MAX_RETRY_WAIT 120L

/// Send again after a 503 or 429 whose Retry-After is within bounds:
/// waits, and says so.
static bool
wait_to_retry(Push *p, const EntHttp *http, size_t *retries)
{
  if ((http->status != 503 && http->status != 429) || !http->retry_after ||
      http->retry_after > MAX_RETRY_WAIT || *retries == MAX_RETRIES) {
    return false;
  }
  ++*retries;
  ent_log(p->world,
          ENT_LOG_NOTE,
          ENT_SUCCESS,
          NULL,
          "%s answered %ld and asked to wait %ld s; waiting (try %zu of %d)",
          p->shown,
          http->status,
          http->retry_after,
          *retries,
          MAX_RETRIES);
  struct timespec left = { (time_t)http->retry_after, 0 };
  while (nanosleep(&left, &left) && errno == EINTR) {
  }
  return true;
}

/// Send graph `g`'s N-Triples in `sorted` (`r->triples` lines) in chunks.
static EntStatus
send_chunks(Push *p, const EntByGraph *sorted, size_t g, const char *graph_iri)
{
  EntPushReport *r = p->report;
  EntHttp http;
  const EntHttpSetup setup = {
    p->options->user,  p->options->password,
    p->https,          p->options->allow_insecure_auth != 0,
    p->options->proxy, p->connect_timeout,
    p->timeout
  };
  EntStatus st = ent_http_open(&http, &setup);
  if (st) {
    ent_log(p->world,
            ENT_LOG_ERROR,
            st,
            NULL,
            "cannot set up HTTP (libcurl): %s",
            ent_strerror(st));
  }
  EntBuf body = { NULL, 0, 0 };
  EntGraphReader statements;
  ent_by_graph_reader(sorted, g, &statements);
  size_t sent = 0;
  const bool replace = p->options->mode == ENT_PUSH_REPLACE;
  for (size_t i = 0; !st && i < r->requests; ++i) {
    // Replace: the first request replaces the graph, the rest add to it.
    // An empty graph is replaced by deleting it.
    const char *method = !replace || i > 0 ? "POST"
                         : r->triples == 0 ? "DELETE"
                                           : "PUT";
    ent_buf_reset(&body);
    size_t lines = 0;
    size_t n = 0;
    const char *line = NULL;
    while (lines < p->chunk && sent + lines < r->triples &&
           (line = ent_by_graph_line(&statements, &n))) {
      st = ent_buf_append(&body, line, n);
      if (st) {
        break;
      }
      ++lines;
    }
    if (st) {
      break;
    }
    sent += lines;
    size_t retries = 0;
    do {
      st = ent_http_send(
        &http, method, p->url, r->triples ? body.buf : NULL, body.len);
    } while (!st && http.outcome == ENT_HTTP_STATUS &&
             wait_to_retry(p, &http, &retries));
    if (st) {
      break;
    }
    r->http_status = http.status;
    const bool gone = !strcmp(method, "DELETE") && http.status == 404;
    if (http.outcome == ENT_HTTP_OK || gone) {
      ++r->requests_done;
      continue;
    }
    report_failure(p, &http, method, graph_iri, i + 1);
    if ((http.status == 503 || http.status == 429) && http.retry_after) {
      ent_log(p->world,
              ENT_LOG_NOTE,
              ENT_ERR_IO,
              NULL,
              "the store asked to wait %ld s%s; push again later",
              http.retry_after,
              retries == MAX_RETRIES ? " once more" : "");
    }
    r->may_be_partial = may_have_written(&http, r->requests_done);
    st = ENT_ERR_IO;
  }
  if (!st && sent != r->triples) {
    ent_log(p->world,
            ENT_LOG_ERROR,
            ENT_ERR_INTERNAL,
            NULL,
            "sent %zu lines of N-Triples for %zu statements of graph <%s>",
            sent,
            r->triples,
            graph_iri);
    r->may_be_partial = 1;
    st = ENT_ERR_INTERNAL;
  }
  if (r->may_be_partial) {
    ent_log(p->world,
            ENT_LOG_NOTE,
            st,
            NULL,
            "graph <%s> may now be incomplete (%zu of %zu requests went "
            "through); push again",
            graph_iri,
            r->requests_done,
            r->requests);
  }
  ent_buf_free(&body);
  ent_http_close(&http);
  return st;
}

/// Check the options and the source, and plan: the graph's IRI and URL.
static EntStatus
prepare(Push *p, EntGraph *graph, const char *source_id)
{
  EntStatus st = check_options(p);
  if (st) {
    return st;
  }
  EntClass cls = ENT_CLASS_COUNT_;
  if (!source_id || !ent_graph_has(graph, source_id, &cls) ||
      (cls != ENT_CLASS_SOURCE && cls != ENT_CLASS_CORPUS)) {
    ent_log(p->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNKNOWN_ID,
            NULL,
            "'%s' is not a source of this graph",
            source_id ? source_id : "");
    return ENT_ERR_UNKNOWN_ID;
  }
  const EntPushOptions *o = p->options;
  const char *graph_iri =
    o->graph_iri ? o->graph_iri : ent_graph_iri(graph, source_id);
  p->report->graph_iri = graph_iri;
  return make_url(p, graph_iri);
}

/// Plan the requests for `count` statements.
static void
plan(Push *p, size_t count)
{
  p->report->triples = count;
  const size_t chunks = count / p->chunk + (count % p->chunk ? 1U : 0U);
  p->report->requests =
    chunks == 0 && p->options->mode == ENT_PUSH_REPLACE ? 1 : chunks;
}

static void
push_free(Push *p)
{
  curl_free(p->url);
  p->url = NULL;
  free(p->shown);
  p->shown = NULL;
}

EntStatus
ent_store_push(EntGraph *graph,
               const char *source_id,
               const EntPushOptions *options,
               EntPushReport *report)
{
  EntPushReport ignored;
  Push p = { .world = graph->world,
             .options = options,
             .report = report ? report : &ignored };
  memset(p.report, 0, sizeof(*p.report));
  EntStatus st = prepare(&p, graph, source_id);
  // The graph is exported whole before anything is sent, so an export
  // error (an undeclared term...) stops the push before the store changes.
  const char *iris[1] = { st ? NULL : ent_graph_iri(graph, source_id) };
  if (!st && !iris[0]) {
    // NULL would ask the sort for the default graph: never push that
    // under the source's name (prepare() found the source: unreachable).
    ent_log(graph->world,
            ENT_LOG_ERROR,
            ENT_ERR_INTERNAL,
            NULL,
            "source '%s' has no graph IRI",
            source_id);
    st = ENT_ERR_INTERNAL;
  }
  size_t count = 0;
  EntByGraph *sorted = NULL;
  if (!st) {
    st = ent_by_graph_sort(
      graph, 1, iris, &count, options->dry_run ? NULL : &sorted);
  }
  if (!st) {
    plan(&p, count);
    if (!options->dry_run) {
      st = send_chunks(&p, sorted, 0, p.report->graph_iri);
    }
  }
  ent_by_graph_free(sorted);
  push_free(&p);
  return st;
}

EntStatus
ent_store_push_all(EntGraph *graph,
                   const EntPushOptions *options,
                   EntPushEachFunc each,
                   void *handle)
{
  const size_t n = ent_graph_source_count(graph);
  if (options->graph_iri && n != 1) {
    ent_log(graph->world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_VALUE,
            NULL,
            "a graph name was given, but there are %zu graphs to push",
            n);
    return ENT_ERR_BAD_VALUE;
  }
  const char **iris = calloc(n ? n : 1, sizeof(const char *));
  size_t *lines = calloc(n ? n : 1, sizeof(size_t));
  EntStatus st = iris && lines ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  // Every graph's URL first, so that a bad option stops the push before
  // the graph is walked.
  for (size_t i = 0; !st && i < n; ++i) {
    EntPushReport report;
    Push p = { .world = graph->world, .options = options, .report = &report };
    memset(&report, 0, sizeof(report));
    st = prepare(&p, graph, ent_graph_source_id(graph, i));
    iris[i] = ent_graph_iri(graph, ent_graph_source_id(graph, i));
    push_free(&p);
  }
  // One walk of the graph for every graph's statements; written out only
  // for a real push.  An export error stops it before the store changes.
  EntByGraph *sorted = NULL;
  if (!st) {
    st = ent_by_graph_sort(
      graph, n, iris, lines, options->dry_run ? NULL : &sorted);
  }
  for (size_t i = 0; !st && i < n; ++i) {
    EntPushReport report;
    Push p = { .world = graph->world, .options = options, .report = &report };
    memset(&report, 0, sizeof(report));
    st = prepare(&p, graph, ent_graph_source_id(graph, i));
    if (!st) {
      plan(&p, lines[i]);
    }
    if (!st && !options->dry_run) {
      st = send_chunks(&p, sorted, i, report.graph_iri);
    }
    push_free(&p);
    if (each) {
      each(handle, i, &report, st);
    }
  }
  ent_by_graph_free(sorted);
  free(iris);
  free(lines);
  return st;
}
