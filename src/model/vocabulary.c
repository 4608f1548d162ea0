// SPDX-License-Identifier: MIT
// How model classes and properties map to RDF terms.  The ontology says
// what the ent: terms mean and how they relate; this table only says
// which term each C enum value stands for.

#include "model.h"

#include <string.h>

static const ClassInfo classes[ENT_CLASS_COUNT_] = {
  [ENT_CLASS_SOURCE] = { "Source", "source" },
  [ENT_CLASS_OUTLET] = { "Outlet", "outlet" },
  [ENT_CLASS_COUNTRY] = { "Country", "country" },
  [ENT_CLASS_PLACE] = { "Place", "place" },
  [ENT_CLASS_INSTITUTION] = { "Institution", "institution" },
  [ENT_CLASS_OFFICIAL] = { "Official", "official" },
  [ENT_CLASS_POST] = { "Post", "post" },
  [ENT_CLASS_TOPIC] = { "Topic", "topic" },
  [ENT_CLASS_NEGOTIATION] = { "Negotiation", "negotiation" },
  [ENT_CLASS_DELEGATION] = { "Delegation", "delegation" },
  [ENT_CLASS_QUOTATION] = { "Quotation", "statement" },
  [ENT_CLASS_PARAPHRASE] = { "Paraphrase", "statement" },
  [ENT_CLASS_AGREEMENT] = { "Agreement", "agreement" },
  [ENT_CLASS_INCIDENT] = { "Incident", "incident" },
  [ENT_CLASS_ANONYMOUS_SOURCE] = { "AnonymousSource", "anonymous-source" },
  [ENT_CLASS_RESPONSE] = { "Response", "response" },
  [ENT_CLASS_CORPUS] = { "Corpus", "corpus" },
};

static const char *const class_iris[ENT_CLASS_COUNT_] = {
  [ENT_CLASS_SOURCE] = ENT_NS "Source",
  [ENT_CLASS_OUTLET] = ENT_NS "Outlet",
  [ENT_CLASS_COUNTRY] = ENT_NS "Country",
  [ENT_CLASS_PLACE] = ENT_NS "Place",
  [ENT_CLASS_INSTITUTION] = ENT_NS "Institution",
  [ENT_CLASS_OFFICIAL] = ENT_NS "Official",
  [ENT_CLASS_POST] = ENT_NS "Post",
  [ENT_CLASS_TOPIC] = ENT_NS "Topic",
  [ENT_CLASS_NEGOTIATION] = ENT_NS "Negotiation",
  [ENT_CLASS_DELEGATION] = ENT_NS "Delegation",
  [ENT_CLASS_QUOTATION] = ENT_NS "Quotation",
  [ENT_CLASS_PARAPHRASE] = ENT_NS "Paraphrase",
  [ENT_CLASS_AGREEMENT] = ENT_NS "Agreement",
  [ENT_CLASS_INCIDENT] = ENT_NS "Incident",
  [ENT_CLASS_ANONYMOUS_SOURCE] = ENT_NS "AnonymousSource",
  [ENT_CLASS_RESPONSE] = ENT_NS "Response",
  [ENT_CLASS_CORPUS] = ENT_NS "Corpus",
};

// The arguments are string literals pasted onto ENT_NS, so they cannot be
// parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define LIT(n, iri1, iri2, dt)                                              \
  {                                                                         \
    .name = n, .iris = { iri1, iri2 }, .kind = PROP_LITERAL, .datatype = dt \
  }
#define REL(local)                                                       \
  {                                                                      \
    .name = local, .iris = { ENT_NS local, NULL }, .kind = PROP_RELATION \
  }
#define CONCEPT(local, prefix)                            \
  {                                                       \
    .name = local, .iris = { ENT_NS local, NULL },        \
    .concept_prefix = ENT_NS prefix, .kind = PROP_CONCEPT \
  }
// NOLINTEND(bugprone-macro-parentheses)

static const PropInfo properties[ENT_PROP_COUNT_] = {
  [ENT_PROP_ALIAS] = LIT("alias", SKOS_NS "altLabel", NULL, DT_STRING),
  [ENT_PROP_DESCRIPTION] =
    LIT("description", SCHEMA_NS "description", NULL, DT_STRING),
  [ENT_PROP_URL] = LIT("url", SCHEMA_NS "url", NULL, DT_IRI),
  [ENT_PROP_SAME_AS] = LIT("sameAs", OWL_SAME_AS, SCHEMA_NS "sameAs", DT_IRI),
  [ENT_PROP_TITLE] =
    LIT("title", DCTERMS_NS "title", SCHEMA_NS "headline", DT_STRING),
  [ENT_PROP_PUBLISHED] =
    LIT("published", DCTERMS_NS "issued", SCHEMA_NS "datePublished", DT_DATE),
  [ENT_PROP_START_DATE] =
    LIT("startDate", SCHEMA_NS "startDate", NULL, DT_DATE),
  [ENT_PROP_END_DATE] = LIT("endDate", SCHEMA_NS "endDate", NULL, DT_DATE),
  [ENT_PROP_DATE_PHRASE] =
    LIT("datePhrase", ENT_NS "datePhrase", NULL, DT_STRING),
  [ENT_PROP_TEXT] = LIT("text", SCHEMA_NS "text", NULL, DT_STRING),
  [ENT_PROP_DATE_CREATED] =
    LIT("dateCreated", SCHEMA_NS "dateCreated", NULL, DT_DATE),
  [ENT_PROP_DURATION] =
    LIT("duration", SCHEMA_NS "duration", NULL, DT_DURATION),
  [ENT_PROP_TARGET_DATE] =
    LIT("targetDate", ENT_NS "targetDate", NULL, DT_DATE),
  [ENT_PROP_DEATHS] = LIT("deaths", ENT_NS "deaths", NULL, DT_COUNT),
  [ENT_PROP_DEATHS_AT_LEAST] =
    LIT("deathsAtLeast", ENT_NS "deathsAtLeast", NULL, DT_COUNT),
  [ENT_PROP_NOT_BEFORE] = LIT("notBefore", ENT_NS "notBefore", NULL, DT_DATE),
  [ENT_PROP_NOT_AFTER] = LIT("notAfter", ENT_NS "notAfter", NULL, DT_DATE),
  [ENT_PROP_NATIONALITY] = REL("nationality"),
  [ENT_PROP_HOLDS_POST] = REL("holdsPost"),
  [ENT_PROP_POST_IN] = REL("postIn"),
  [ENT_PROP_HEAD_OF] = REL("headOf"),
  [ENT_PROP_MEMBER_OF] = REL("memberOf"),
  [ENT_PROP_SUB_ORGANIZATION_OF] = REL("subOrganizationOf"),
  [ENT_PROP_COUNTRY] = REL("country"),
  [ENT_PROP_CONTAINED_IN_PLACE] = REL("containedInPlace"),
  [ENT_PROP_LOCATION] = REL("location"),
  [ENT_PROP_PART_OF] = REL("partOf"),
  [ENT_PROP_DELEGATION] = REL("delegation"),
  [ENT_PROP_PARTICIPANT] = REL("participant"),
  [ENT_PROP_REPRESENTS] = REL("represents"),
  [ENT_PROP_TOPIC] = REL("topic"),
  [ENT_PROP_SPEAKER] = REL("speaker"),
  [ENT_PROP_MEDIUM] = REL("medium"),
  [ENT_PROP_ADDRESSEE] = REL("addressee"),
  [ENT_PROP_CONCERNS] = REL("concerns"),
  [ENT_PROP_PROPOSED_BY] = REL("proposedBy"),
  [ENT_PROP_AGREED_BY] = REL("agreedBy"),
  [ENT_PROP_BACKED_BY] = REL("backedBy"),
  [ENT_PROP_PARTY] = REL("party"),
  [ENT_PROP_RESPONSIBLE] = REL("responsible"),
  [ENT_PROP_REPORTED_BY] = REL("reportedBy"),
  [ENT_PROP_PUBLISHER] = REL("publisher"),
  [ENT_PROP_CITES_OUTLET] = REL("citesOutlet"),
  [ENT_PROP_FORMAT] = CONCEPT("format", "format-"),
  [ENT_PROP_NEGOTIATION_STATUS] = CONCEPT("negotiationStatus", "negotiation-"),
  [ENT_PROP_AGREEMENT_STATUS] = CONCEPT("agreementStatus", "agreement-"),
  [ENT_PROP_INCIDENT_TYPE] = CONCEPT("incidentType", "incident-"),
  [ENT_PROP_INCIDENT_STATUS] = CONCEPT("incidentStatus", "incident-status-"),
  [ENT_PROP_NAME] = LIT("name", RDFS_LABEL, SCHEMA_NS "name", DT_STRING),
  [ENT_PROP_FRAGMENT] = LIT("fragment", ENT_NS "fragment", NULL, DT_BOOLEAN),
  [ENT_PROP_CONDITION] = LIT("condition", ENT_NS "condition", NULL, DT_STRING),
  [ENT_PROP_BYLINE] = LIT("byline", ENT_NS "byline", NULL, DT_STRING),
  [ENT_PROP_LICENSE] =
    LIT("license", DCTERMS_NS "license", SCHEMA_NS "license", DT_IRI),
  [ENT_PROP_HOST] = REL("host"),
  [ENT_PROP_MEDIATOR] = REL("mediator"),
  [ENT_PROP_OBSERVER] = REL("observer"),
  [ENT_PROP_ABSENT_PARTY] = REL("absentParty"),
  [ENT_PROP_REFUSING_PARTY] = REL("refusingParty"),
  [ENT_PROP_VENUE] = REL("venue"),
  [ENT_PROP_OCCASION] = REL("occasion"),
  [ENT_PROP_RELAYED_BY] = REL("relayedBy"),
  [ENT_PROP_AFFILIATION] = REL("affiliation"),
  [ENT_PROP_INSTRUMENT] = REL("instrument"),
  [ENT_PROP_RESPONSE] = REL("response"),
  [ENT_PROP_RESPONDENT] = REL("respondent"),
  [ENT_PROP_RESPONSE_TO] = REL("responseTo"),
  [ENT_PROP_WIRE_SERVICE] = REL("wireService"),
  [ENT_PROP_ROLE] = CONCEPT("role", "role-"),
  [ENT_PROP_SETTING] = CONCEPT("setting", "setting-"),
  [ENT_PROP_PRESS_ACCESS] = CONCEPT("pressAccess", "press-"),
  [ENT_PROP_RESPONSE_KIND] = CONCEPT("responseKind", "response-"),
};

const PropInfo *
ent_prop_info(const EntProperty prop)
{
  return (unsigned)prop < ENT_PROP_COUNT_ ? &properties[prop] : NULL;
}

const ClassInfo *
ent_class_info(const EntClass cls)
{
  return (unsigned)cls < ENT_CLASS_COUNT_ ? &classes[cls] : NULL;
}

const char *
ent_class_iri(const EntClass cls)
{
  return (unsigned)cls < ENT_CLASS_COUNT_ ? class_iris[cls] : NULL;
}

const char *
ent_datatype_iri(const Datatype dt)
{
  switch (dt) {
    case DT_DATE:
      return XSD_NS "date";
    case DT_DURATION:
      return XSD_NS "duration";
    case DT_COUNT:
      return XSD_NS "nonNegativeInteger";
    case DT_BOOLEAN:
      return XSD_NS "boolean";
    case DT_STRING:
    case DT_IRI:
      break;
  }
  return NULL;
}

static const Prefix prefixes[] = {
  // rdf: is declared by raptor's serializers themselves; foaf: is only
  // met in other people's graphs given to entente dot.
  { "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", false },
  { "ent", ENT_NS, true },
  { "rdfs", "http://www.w3.org/2000/01/rdf-schema#", true },
  { "owl", "http://www.w3.org/2002/07/owl#", true },
  { "xsd", XSD_NS, true },
  { "schema", SCHEMA_NS, true },
  { "org", ORG_NS, true },
  { "prov", PROV_NS, true },
  { "skos", SKOS_NS, true },
  { "dcterms", DCTERMS_NS, true },
  { "foaf", "http://xmlns.com/foaf/0.1/", false },
};

/// Whether `s` begins with a day, YYYY-MM-DD, alone or followed by a
/// time or a time zone (an xsd:dateTime from somebody else's graph).
static bool
starts_with_day(const char *s)
{
  for (int i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) {
      return false;
    }
  }
  return !s[10] || strchr("T+-Z", s[10]);
}

void
ent_day_span_add(EntDaySpan *span, const char *predicate, const char *day)
{
  const bool exact = !ent_is_day_bound(predicate);
  // A value that names no day (a year, words) narrows nothing.
  if (!day || !ent_is_day_claim(predicate) || !starts_with_day(day)) {
    return;
  }
  // Days as YYYY-MM-DD order as their text does; a time after the day
  // is within it.
  if ((exact || !strcmp(predicate, ENT_NS "notBefore")) &&
      (!span->from || strncmp(day, span->from, 10) > 0)) {
    span->from = day;
  }
  if ((exact || !strcmp(predicate, ENT_NS "notAfter")) &&
      (!span->to || strncmp(day, span->to, 10) < 0)) {
    span->to = day;
  }
}

bool
ent_day_span_empty(const EntDaySpan *span)
{
  return span->from && span->to && strncmp(span->from, span->to, 10) > 0;
}

bool
ent_is_day_bound(const char *predicate)
{
  return !strcmp(predicate, ENT_NS "notBefore") ||
         !strcmp(predicate, ENT_NS "notAfter");
}

bool
ent_is_day_claim(const char *predicate)
{
  return ent_is_day_bound(predicate) ||
         !strcmp(predicate, SCHEMA_NS "startDate") ||
         !strcmp(predicate, SCHEMA_NS "dateCreated");
}

bool
ent_one_valued(const char *predicate)
{
  static const char *const one[] = {
    ENT_NS "negotiationStatus",
    ENT_NS "agreementStatus",
    ENT_NS "incidentStatus",
    ENT_NS "incidentType",
    ENT_NS "setting",
    ENT_NS "pressAccess",
    ENT_NS "deaths",
    ENT_NS "deathsAtLeast",
    ENT_NS "targetDate",
    ENT_NS "notBefore",
    ENT_NS "notAfter",
    ENT_NS "location",
    ENT_NS "venue",
    SCHEMA_NS "startDate",
    SCHEMA_NS "endDate",
    SCHEMA_NS "dateCreated",
    SCHEMA_NS "duration",
    SCHEMA_NS "datePublished",
    DCTERMS_NS "issued",
  };
  for (size_t i = 0; i < sizeof(one) / sizeof(*one); ++i) {
    if (!strcmp(predicate, one[i])) {
      return true;
    }
  }
  return false;
}

const Prefix *
ent_prefixes(size_t *count)
{
  *count = sizeof(prefixes) / sizeof(prefixes[0]);
  return prefixes;
}
