// SPDX-License-Identifier: MIT
// HTTP for the store stage: one libcurl handle per push, locked down to
// http and https without redirects, that sends a body and keeps the status
// and a capped copy of the answer.  Not part of the public API.
#ifndef ENT_STORE_HTTP_H
#define ENT_STORE_HTTP_H

#include "../util/util.h"

#include <curl/curl.h>

#include <stdbool.h>
#include <stddef.h>

/// Bytes of a store's answer kept for error messages.
#define ENT_HTTP_ANSWER_MAX 65536

/// How a request ended.
typedef enum {
  ENT_HTTP_OK,                 ///< A 2xx status
  ENT_HTTP_STATUS,             ///< Any other status (see `status`)
  ENT_HTTP_NO_CONNECT,         ///< No connection: refused or unreachable
  ENT_HTTP_NO_CONNECT_IN_TIME, ///< No connection within the connect timeout
  ENT_HTTP_NO_HOST,            ///< The host name does not resolve
  ENT_HTTP_TIMEOUT,            ///< Connected, but no full answer in time
  ENT_HTTP_BROKEN,             ///< The connection broke off mid-request
  ENT_HTTP_TLS,                ///< TLS failed (certificate, handshake)
  ENT_HTTP_TLS_STALLED,        ///< Connected, but the TLS handshake never ended
  ENT_HTTP_PROXY,              ///< The proxy asked for could not be used
  ENT_HTTP_OTHER,              ///< Anything else libcurl reports (see `error`)
} EntHttpOutcome;

typedef struct {
  CURL *curl;
  struct curl_slist *headers;
  bool global_init; ///< curl_global_init() succeeded: clean up once
  bool https;       ///< The URLs are https (set by ent_http_open())
  bool proxy;       ///< Requests go through a proxy
  long timeout;     ///< Seconds, for messages
  long connect_timeout;
  // Of the last request:
  EntHttpOutcome outcome;
  long status;                 ///< HTTP status, 0 if none arrived
  char error[CURL_ERROR_SIZE]; ///< libcurl's message, may be empty
  EntBuf answer;               ///< Start of the body (NUL-terminated)
  size_t answer_total;         ///< Body bytes received in all
  long retry_after;            ///< Seconds a 503/429 asked to wait, or 0
  long auth_offered;           ///< CURLAUTH_* bits the store offered
} EntHttp;

/// How ent_http_open() authenticates and connects.
typedef struct {
  const char *user;     ///< NULL for none
  const char *password; ///< With `user`
  bool https;           ///< The store URL is https://
  bool insecure_auth;   ///< Allow Basic over plain http
  const char *proxy;    ///< Proxy URL, or NULL: none (environment ignored)
  long connect_timeout;
  long timeout;
} EntHttpSetup;

/**
 * Set up `http` for requests that send N-Triples.  The user and password
 * of `setup` are handed to libcurl, entente keeps no copy: over https any
 * scheme the store offers, over plain http Digest only unless
 * `insecure_auth` (Basic would send the password readable by anyone on
 * the way).  No proxy unless `setup->proxy`: http_proxy and the like in the
 * environment are ignored.  Close with ent_http_close() even on failure.
 */
EntStatus ent_http_open(EntHttp *http, const EntHttpSetup *setup);
void ent_http_close(EntHttp *http);

/**
 * Send `method` ("PUT", "POST", "DELETE") to `url` with `body` (`len`
 * bytes; NULL for none).  Fills in the outcome fields of `http`; returns
 * ENT_SUCCESS whenever libcurl ran (look at `http->outcome`), an error only
 * when the request could not be set up.
 */
EntStatus ent_http_send(EntHttp *http,
                        const char *method,
                        const char *url,
                        const char *body,
                        size_t len);

/**
 * The answer of the last request as one line for a message: tags of an
 * HTML answer dropped, white space collapsed, control characters and bad
 * UTF-8 replaced, cut after about `max` bytes with "...".  Empty if there
 * was no body.
 */
void ent_http_answer_line(const EntHttp *http, char *out, size_t max);

/**
 * Overwrite in `line` (NUL-terminated) what could be a credential: the
 * value after "Basic", "Bearer", "Digest", "Negotiate" or
 * "Authorization:", and every occurrence of `secret` (nullable), each
 * replaced by "***".
 */
void ent_http_mask_secrets(char *line, const char *secret);

/// The redirect target of the last request (borrowed), or NULL.
const char *ent_http_redirect(const EntHttp *http);

#endif // ENT_STORE_HTTP_H
