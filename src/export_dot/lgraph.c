// SPDX-License-Identifier: MIT
// Building the labelled graph from statements, and choosing views of it.

#include "lgraph.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define RDFS_NS     "http://www.w3.org/2000/01/rdf-schema#"
#define RDF_NS      "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define OWL_NS      "http://www.w3.org/2002/07/owl#"
#define FOAF_NS     "http://xmlns.com/foaf/0.1/"
#define WIKIBASE_NS "http://wikiba.se/ontology#"
#define TIME_NS     "http://www.w3.org/2006/time#"
#define GN_NS       "http://www.geonames.org/ontology#"
/// Wikidata's items (wd:Q5), and its predicates of statements (p:P39 to
/// the statement, ps:P39 from it to its value) and of direct claims
/// (wdt:P39).
#define WD_ENTITY         "http://www.wikidata.org/entity/"
#define WD_PROP           "http://www.wikidata.org/prop/"
#define WD_PROP_STATEMENT WD_PROP "statement/"
#define WD_PROP_DIRECT    WD_PROP "direct/"
#define DEFAULT_MAX_NODES 150
#define MAX_FACETS_LEN    200

static const KindStyle kind_styles[KIND_COUNT_] = {
  [KIND_OFFICIAL] = { "ellipse", "filled", "#cfe2f3", "Official" },
  [KIND_INSTITUTION] = { "box", "rounded,filled", "#d9ead3", "Institution" },
  [KIND_OUTLET] = { "cylinder", "filled", "#eeeeee", "Outlet" },
  [KIND_DELEGATION] = { "component", "filled", "#fce5cd", "Delegation" },
  [KIND_COUNTRY] = { "tab", "filled", "#fff2cc", "Country" },
  [KIND_PLACE] = { "house", "filled", "#f3f3f3", "Place" },
  [KIND_NEGOTIATION] = { "hexagon", "filled", "#f9cb9c", "Negotiation" },
  [KIND_INCIDENT] = { "octagon", "filled", "#f4cccc", "Incident" },
  [KIND_AGREEMENT] = { "note", "filled", "#ead1dc", "Agreement" },
  [KIND_STATEMENT] = { "box", "rounded,dashed,filled", "#ffffff", "Statement" },
  [KIND_TOPIC] = { "ellipse", "dashed,filled", "#e6e0f8", "Topic" },
  [KIND_SOURCE] = { "note", "filled", "#efefef", "Source" },
  [KIND_POST] = { "box", "filled", "#ffffff", "Post" },
  [KIND_ANONYMOUS] = { "ellipse",
                       "dashed,filled",
                       "#eeeeee",
                       "Anonymous source" },
  [KIND_RESPONSE] = { "point", "invis", "#ffffff", "Response" },
  [KIND_OTHER] = { "ellipse", "filled", "#ffffff", "Resource" },
  [KIND_HIDDEN] = { "point", "invis", "#ffffff", "Hidden" },
  [KIND_CLASS] = { "box", "filled", "#e3ecfa", "Class" },
  [KIND_PROPERTY] = { "cds", "filled", "#eef5e6", "Property" },
};

const KindStyle *
lgraph_kind_style(Kind kind)
{
  return &kind_styles[kind < KIND_COUNT_ ? kind : KIND_OTHER];
}

/// The families relations are drawn in; the last is the default.
static const EdgeStyle edge_styles[] = {
  { "membership, leadership and posts", "#3c78d8", "solid" },
  { "taking part in talks", "#e69138", "solid" },
  { "agreements: proposing, agreeing, backing", "#38761d", "solid" },
  { "responsibility for an event", "#cc0000", "bold" },
  { "what was said, by whom, to whom", "#674ea7", "dashed" },
  { "what something is about", "#8e7cc3", "dotted" },
  { "where", "#a67c52", "dotted" },
  { "part of", "#b45f06", "bold" },
  { "reporting and sources", "#999999", "dashed" },
  { "other relations", "#777777", "solid" },
};

static const struct {
  const char *local; ///< ent: local name
  size_t family;
} edge_families[] = {
  { "headOf", 0 },        { "memberOf", 0 },    { "holdsPost", 0 },
  { "postIn", 0 },        { "affiliation", 0 }, { "participant", 1 },
  { "delegation", 1 },    { "represents", 1 },  { "host", 1 },
  { "mediator", 1 },      { "observer", 1 },    { "absentParty", 1 },
  { "refusingParty", 1 }, { "proposedBy", 2 },  { "agreedBy", 2 },
  { "backedBy", 2 },      { "party", 2 },       { "response", 2 },
  { "respondent", 2 },    { "instrument", 2 },  { "responsible", 3 },
  { "speaker", 4 },       { "medium", 4 },      { "addressee", 4 },
  { "occasion", 4 },      { "concerns", 5 },    { "topic", 5 },
  { "location", 6 },      { "venue", 6 },       { "containedInPlace", 6 },
  { "country", 6 },       { "partOf", 7 },      { "subOrganizationOf", 7 },
  { "reportedBy", 8 },    { "relayedBy", 8 },   { "publisher", 8 },
  { "wireService", 8 },   { "citesOutlet", 8 },
};

size_t
lgraph_edge_style(const char *predicate)
{
  const size_t other = sizeof(edge_styles) / sizeof(*edge_styles) - 1;
  if (!strcmp(predicate, ORG_NS "holds")) {
    return 0; // a folded post
  }
  if (!strcmp(predicate, DCTERMS_NS "isReferencedBy") ||
      !strcmp(predicate, SCHEMA_NS "subjectOf") ||
      !strcmp(predicate, SCHEMA_NS "about")) {
    return 8;
  }
  if (strncmp(predicate, ENT_NS, sizeof(ENT_NS) - 1) != 0) {
    return other;
  }
  const char *local = predicate + sizeof(ENT_NS) - 1;
  for (size_t i = 0; i < sizeof(edge_families) / sizeof(*edge_families); ++i) {
    if (!strcmp(local, edge_families[i].local)) {
      return edge_families[i].family;
    }
  }
  return other;
}

const EdgeStyle *
lgraph_edge_styles(size_t *count)
{
  *count = sizeof(edge_styles) / sizeof(*edge_styles);
  return edge_styles;
}

/// Classes that decide how a node is drawn, most specific first.
static const struct {
  const char *iri;
  Kind kind;
  unsigned rank;
} class_kinds[] = {
  { ENT_NS "Official", KIND_OFFICIAL, 3 },
  { ENT_NS "Institution", KIND_INSTITUTION, 3 },
  { ENT_NS "Outlet", KIND_OUTLET, 3 },
  { ENT_NS "Delegation", KIND_DELEGATION, 3 },
  { ENT_NS "Country", KIND_COUNTRY, 3 },
  { ENT_NS "Place", KIND_PLACE, 3 },
  { ENT_NS "Negotiation", KIND_NEGOTIATION, 3 },
  { ENT_NS "Incident", KIND_INCIDENT, 3 },
  { ENT_NS "Agreement", KIND_AGREEMENT, 3 },
  { ENT_NS "Quotation", KIND_STATEMENT, 3 },
  { ENT_NS "Paraphrase", KIND_STATEMENT, 3 },
  { ENT_NS "Statement", KIND_STATEMENT, 3 },
  { ENT_NS "Topic", KIND_TOPIC, 3 },
  { ENT_NS "Source", KIND_SOURCE, 3 },
  { ENT_NS "Post", KIND_POST, 3 },
  { ENT_NS "Corpus", KIND_HIDDEN, 4 },
  { ENT_NS "AnonymousSource", KIND_ANONYMOUS, 3 },
  { ENT_NS "Response", KIND_RESPONSE, 3 },
  { PROV_NS "Attribution", KIND_HIDDEN, 4 },
  { PROV_NS "Role", KIND_HIDDEN, 4 },
  // Wikibase's statement and reference nodes repeat its direct claims
  // (wdt:P31) with ranks, qualifiers and sources: not drawn.
  { WIKIBASE_NS "Statement", KIND_HIDDEN, 4 },
  { WIKIBASE_NS "Reference", KIND_HIDDEN, 4 },
  { OWL_NS "Axiom", KIND_HIDDEN, 4 },
  { SCHEMA_NS "Country", KIND_COUNTRY, 2 },
  // Wikidata's classes of the same (wdt:P31, "instance of", is a type).
  { WD_ENTITY "Q6256", KIND_COUNTRY, 2 },       // country
  { WD_ENTITY "Q3624078", KIND_COUNTRY, 2 },    // sovereign state
  { WD_ENTITY "Q11032", KIND_OUTLET, 2 },       // newspaper
  { WD_ENTITY "Q5", KIND_OFFICIAL, 1 },         // human
  { WD_ENTITY "Q43229", KIND_INSTITUTION, 1 },  // organization
  { WD_ENTITY "Q484652", KIND_INSTITUTION, 1 }, // international organization
  { WD_ENTITY "Q327333", KIND_INSTITUTION, 1 }, // government agency
  { WD_ENTITY "Q515", KIND_PLACE, 1 },          // city
  { WD_ENTITY "Q5119", KIND_PLACE, 1 },         // capital city
  { SCHEMA_NS "NewsArticle", KIND_SOURCE, 2 },
  { SCHEMA_NS "Quotation", KIND_STATEMENT, 2 },
  { SCHEMA_NS "NewsMediaOrganization", KIND_OUTLET, 2 },
  { SCHEMA_NS "Person", KIND_OFFICIAL, 1 },
  { FOAF_NS "Person", KIND_OFFICIAL, 1 },
  { PROV_NS "Person", KIND_OFFICIAL, 1 },
  { ORG_NS "Organization", KIND_INSTITUTION, 1 },
  { ORG_NS "FormalOrganization", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Organization", KIND_INSTITUTION, 1 },
  { FOAF_NS "Organization", KIND_INSTITUTION, 1 },
  { ORG_NS "Post", KIND_POST, 1 },
  { SCHEMA_NS "GovernmentOrganization", KIND_INSTITUTION, 1 },
  { ORG_NS "OrganizationalUnit", KIND_INSTITUTION, 1 },
  { PROV_NS "Organization", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Place", KIND_PLACE, 1 },
  { SCHEMA_NS "AdministrativeArea", KIND_PLACE, 1 },
  { SCHEMA_NS "City", KIND_PLACE, 1 },
  { GN_NS "Feature", KIND_PLACE, 1 },
  { SCHEMA_NS "Event", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "CreativeWork", KIND_SOURCE, 1 },
  { SCHEMA_NS "Article", KIND_SOURCE, 1 },
  { SKOS_NS "Concept", KIND_TOPIC, 1 },
  // schema.org's common kinds of the classes above, which graphs give
  // rather than the class itself (a graph rarely states schema.org's
  // class tree, so the subclass walk cannot find them).
  { SCHEMA_NS "Corporation", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "NGO", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "EducationalOrganization", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "CollegeOrUniversity", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "ResearchOrganization", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "PoliticalParty", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "LocalBusiness", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "MedicalOrganization", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "SportsOrganization", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "SportsTeam", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "PerformingGroup", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "MusicGroup", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Consortium", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "WorkersUnion", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "State", KIND_PLACE, 1 },
  { SCHEMA_NS "Continent", KIND_PLACE, 1 },
  { SCHEMA_NS "LandmarksOrHistoricalBuildings", KIND_PLACE, 1 },
  { SCHEMA_NS "CivicStructure", KIND_PLACE, 1 },
  { SCHEMA_NS "TouristAttraction", KIND_PLACE, 1 },
  { SCHEMA_NS "Landform", KIND_PLACE, 1 },
  { SCHEMA_NS "BodyOfWater", KIND_PLACE, 1 },
  { SCHEMA_NS "Airport", KIND_PLACE, 1 },
  { SCHEMA_NS "BusinessEvent", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "EducationEvent", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "ExhibitionEvent", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "Festival", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "MusicEvent", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "PublicationEvent", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "SocialEvent", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "SportsEvent", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "TheaterEvent", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "EventSeries", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "Book", KIND_SOURCE, 1 },
  { SCHEMA_NS "ScholarlyArticle", KIND_SOURCE, 1 },
  { SCHEMA_NS "Report", KIND_SOURCE, 1 },
  { SCHEMA_NS "BlogPosting", KIND_SOURCE, 1 },
  // What websites' markup says most (schema.org's LocalBusiness, civic
  // structures and creative works; FOAF's groups and documents): they
  // were drawn as plain resources.
  { SCHEMA_NS "FoodEstablishment", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Restaurant", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "CafeOrCoffeeShop", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Store", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "LodgingBusiness", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Hotel", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Library", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Hospital", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Airline", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "GovernmentOffice", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "ProfessionalService", KIND_INSTITUTION, 1 },
  { FOAF_NS "Group", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Museum", KIND_PLACE, 1 },
  { SCHEMA_NS "Park", KIND_PLACE, 1 },
  { SCHEMA_NS "Landmark", KIND_PLACE, 1 },
  { SCHEMA_NS "Residence", KIND_PLACE, 1 },
  { SCHEMA_NS "PlaceOfWorship", KIND_PLACE, 1 },
  { SCHEMA_NS "StadiumOrArena", KIND_PLACE, 1 },
  { SCHEMA_NS "Patient", KIND_OFFICIAL, 1 },
  { SCHEMA_NS "WebSite", KIND_SOURCE, 1 },
  { SCHEMA_NS "Movie", KIND_SOURCE, 1 },
  { SCHEMA_NS "MediaObject", KIND_SOURCE, 1 },
  { SCHEMA_NS "Periodical", KIND_SOURCE, 1 },
  { SCHEMA_NS "SocialMediaPosting", KIND_SOURCE, 1 },
  { SCHEMA_NS "Review", KIND_SOURCE, 1 },
  { FOAF_NS "Document", KIND_SOURCE, 1 },
  { SCHEMA_NS "WebPage", KIND_SOURCE, 1 },
  { SCHEMA_NS "Dataset", KIND_SOURCE, 1 },
  { SCHEMA_NS "Legislation", KIND_SOURCE, 1 },
  // A vocabulary drawn (somebody's ontology, or entente's own).
  { OWL_NS "Class", KIND_CLASS, 1 },
  { RDFS_NS "Class", KIND_CLASS, 1 },
  { RDF_NS "Property", KIND_PROPERTY, 1 },
  { OWL_NS "ObjectProperty", KIND_PROPERTY, 1 },
  { OWL_NS "DatatypeProperty", KIND_PROPERTY, 1 },
  { OWL_NS "AnnotationProperty", KIND_PROPERTY, 1 },
};

/// Predicates not drawn as edges: provenance plumbing and links out of
/// the graph, which would tie every node to one hub (`everywhere`: an
/// ontology's rdfs:isDefinedBy ties each term to it).  In somebody else's
/// graph the others are what it says (a PROV-O chain, owl:sameAs links):
/// drawn there.
static const struct {
  const char *iri;
  bool everywhere;
} undrawn_predicates[] = {
  { RDF_TYPE, true },
  { PROV_NS "wasDerivedFrom", false },
  { PROV_NS "wasQuotedFrom", false },
  { PROV_NS "qualifiedAttribution", false },
  { PROV_NS "agent", false },
  { PROV_NS "hadRole", false },
  { OWL_SAME_AS, false },
  { SCHEMA_NS "url", true },
  { RDFS_NS "isDefinedBy", true },
};

/// Inverse properties of common vocabularies.  Where a graph states both
/// directions between two nodes, as SKOS files often do, one edge says it:
/// the first property's (drop_inverse_edges()).
static const struct {
  const char *drawn;
  const char *inverse;
} inverse_predicates[] = {
  { SKOS_NS "broader", SKOS_NS "narrower" },
  { SKOS_NS "broaderTransitive", SKOS_NS "narrowerTransitive" },
  { SKOS_NS "broadMatch", SKOS_NS "narrowMatch" },
  { SKOS_NS "topConceptOf", SKOS_NS "hasTopConcept" },
  { DCTERMS_NS "isPartOf", DCTERMS_NS "hasPart" },
  { DCTERMS_NS "isVersionOf", DCTERMS_NS "hasVersion" },
  { DCTERMS_NS "isFormatOf", DCTERMS_NS "hasFormat" },
  { DCTERMS_NS "isReplacedBy", DCTERMS_NS "replaces" },
  { SCHEMA_NS "isPartOf", SCHEMA_NS "hasPart" },
  { SCHEMA_NS "containedInPlace", SCHEMA_NS "containsPlace" },
  { SCHEMA_NS "parentOrganization", SCHEMA_NS "subOrganization" },
  { SCHEMA_NS "memberOf", SCHEMA_NS "member" },
  { SCHEMA_NS "superEvent", SCHEMA_NS "subEvent" },
  { ORG_NS "memberOf", ORG_NS "hasMember" },
  { ORG_NS "subOrganizationOf", ORG_NS "hasSubOrganization" },
  { ORG_NS "unitOf", ORG_NS "hasUnit" },
  { ORG_NS "siteOf", ORG_NS "hasSite" },
  { ORG_NS "postIn", ORG_NS "hasPost" },
  { ORG_NS "holds", ORG_NS "heldBy" },
  { FOAF_NS "maker", FOAF_NS "made" },
  { FOAF_NS "isPrimaryTopicOf", FOAF_NS "primaryTopic" },
  { PROV_NS "wasGeneratedBy", PROV_NS "generated" },
};

/// Symmetric properties of common vocabularies: "A skos:related B" and
/// "B skos:related A" are one edge (drop_symmetric_twins()); so are OWL's
/// symmetric links, which vocabularies state both ways (FOAF's four
/// owl:inverseOf pairs).
static const char *const symmetric_predicates[] = {
  SKOS_NS "related",           SKOS_NS "exactMatch", SKOS_NS "closeMatch",
  SKOS_NS "relatedMatch",      SCHEMA_NS "sibling",  SCHEMA_NS "spouse",
  SCHEMA_NS "colleague",       OWL_NS "inverseOf",   OWL_NS "equivalentClass",
  OWL_NS "equivalentProperty", OWL_NS "sameAs",
};

/// Sub-properties of common vocabularies, which entente's ontology does
/// not hold: beside the first, an edge of the second between the same
/// nodes says nothing more (drop_in_pair()).
static const struct {
  const char *sub;
  const char *super;
} known_sub_properties[] = {
  { SKOS_NS "topConceptOf", SKOS_NS "inScheme" },
  { SKOS_NS "broader", SKOS_NS "broaderTransitive" },
  { SKOS_NS "narrower", SKOS_NS "narrowerTransitive" },
  { SKOS_NS "broadMatch", SKOS_NS "broader" },
  { SKOS_NS "narrowMatch", SKOS_NS "narrower" },
  { SKOS_NS "exactMatch", SKOS_NS "closeMatch" },
  { ORG_NS "headOf", ORG_NS "memberOf" },
  { ORG_NS "unitOf", ORG_NS "subOrganizationOf" },
  { ORG_NS "hasPrimarySite", ORG_NS "hasSite" },
  { ORG_NS "hasRegisteredSite", ORG_NS "hasPrimarySite" },
  { ORG_NS "hasRegisteredSite", ORG_NS "hasSite" },
  { PROV_NS "wasQuotedFrom", PROV_NS "wasDerivedFrom" },
  { PROV_NS "wasRevisionOf", PROV_NS "wasDerivedFrom" },
  { PROV_NS "hadPrimarySource", PROV_NS "wasDerivedFrom" },
};

/// Literal predicates that name a node, with their priority.
static const struct {
  const char *iri;
  unsigned rank;
} label_predicates[] = {
  { SKOS_NS "prefLabel", 3 },
  { RDFS_LABEL, 2 },
  { SCHEMA_NS "name", 1 },
  { FOAF_NS "name", 1 },
  { DCTERMS_NS "title", 1 },
  { SCHEMA_NS "headline", 1 },
  // Other vocabularies' names, for somebody else's graph.
  { "http://purl.org/dc/elements/1.1/title", 1 },
  { "http://usefulinc.com/ns/doap#name", 1 },
  { "http://www.w3.org/2006/vcard/ns#fn", 1 },
  { "http://lv2plug.in/ns/lv2core#name", 1 },
  // GeoNames' own names for its features.
  { GN_NS "name", 1 },
  { GN_NS "officialName", 1 },
  // An alias: the label only where no name is in the --lang language or
  // in none (a Russian spelling for --lang ru), see take_literal().
  { SKOS_NS "altLabel", 0 },
  { GN_NS "alternateName", 0 },
};

/// What a label adds after values sources disagree on (statuses, days).
#define SOURCES_DIFFER " (sources differ)"

/// Literal predicates that date a node, with their priority.
static const struct {
  const char *iri;
  unsigned rank;
} date_predicates[] = {
  { SCHEMA_NS "startDate", 4 },
  { SCHEMA_NS "dateCreated", 3 },
  { ENT_NS "notBefore", 2 },
  { SCHEMA_NS "datePublished", 1 },
};

/// What a predicate means to the diagram (lgraph_add_triple()): found once
/// per predicate rather than compared with every list on every statement.
typedef enum {
  PRED_OTHER,
  PRED_TYPE,        ///< rdf:type
  PRED_UNDRAWN,     ///< undrawn_predicates
  PRED_NOT_AFTER,   ///< ent:notAfter
  PRED_DATE_PHRASE, ///< ent:datePhrase
  PRED_TOOLTIP,     ///< schema:text, schema:description, rdfs:comment
  PRED_COUNTRY,     ///< ent:country, ent:nationality
  PRED_PARENT,      ///< subOrganizationOf
  PRED_CODE,        ///< gn:featureClass, gn:featureCode: a value, not a node
} PredRole;

/// What an edge's predicate means to the passes over every edge.
enum {
  EDGE_HEAD = 1 << 0,         ///< headOf
  EDGE_MEMBER = 1 << 1,       ///< memberOf
  EDGE_HAS_SUPERS = 1 << 2,   ///< Has super-properties in the ontology
  EDGE_SPEAKER = 1 << 3,      ///< ent:speaker, prov:wasAttributedTo
  EDGE_LOCATION = 1 << 4,     ///< ent:location, schema:location
  EDGE_PLACEMENT = 1 << 5,    ///< ent:country, subOrganizationOf
  EDGE_NATIONALITY = 1 << 6,  ///< ent:nationality, schema:nationality
  EDGE_SUBJECT_OF = 1 << 7,   ///< dcterms:isReferencedBy, schema:subjectOf
  EDGE_LIST_ITEM = 1 << 8,    ///< A member of an RDF list (fold_lists())
  EDGE_PAIRWISE = 1 << 9,     ///< A symmetric axiom (fold_pairwise())
  EDGE_RESTRICTION = 1 << 10, ///< An OWL restriction (fold_restrictions())
  EDGE_PLUMBING = 1 << 11,    ///< undrawn_predicates, in somebody else's graph
  EDGE_INVERSE = 1 << 12,     ///< The second of inverse_predicates
  EDGE_HAS_INVERSE = 1 << 13, ///< The first of inverse_predicates
  EDGE_SYMMETRIC = 1 << 14,   ///< symmetric_predicates
  EDGE_MEMBERSHIP = 1 << 15,  ///< An org:Membership (fold_memberships())
};
/// Flags a list member's edge does not take from its owner's: they mean
/// something only between predicates (drop_in_pair()), and its key there
/// is its label.
#define LIST_FLAGS_DROPPED (EDGE_HEAD | EDGE_MEMBER | EDGE_HAS_SUPERS)

struct LPredicate {
  const char *iri;   ///< Interned
  uint16_t flags;    ///< EDGE_ flags of its edges
  const char *label; ///< Its edge label (edge_label()), once asked for
  int label_index;   ///< In label_predicates, or -1
  int date_index;    ///< In date_predicates, or -1
  PredRole role;
};

double
lgraph_now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
lgraph_phase(LGraph *lg,
             EntPhase phase,
             const char *doing,
             size_t done,
             size_t total)
{
  lg->phase = phase;
  lg->doing = doing;
  const EntProgress p = { phase, done, total, 0, 0 };
  ent_progress(lg->world, &p);
}

EntStatus
lgraph_too_late(LGraph *lg, const char *doing)
{
  if (!lg->late) {
    lg->late = true;
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_INTERNAL,
            NULL,
            "the diagram took more than its %g seconds and was stopped while "
            "%s; %slower --max-nodes",
            lg->time_limit,
            doing,
            lgraph_narrower(lg));
  }
  return ENT_ERR_INTERNAL;
}

EntStatus
lgraph_tick(LGraph *lg)
{
  if (lg->late) {
    return ENT_ERR_INTERNAL;
  }
  // The clock on the first call (a limit of 0 stops at once: tests), then
  // every 8192nd.
  if ((lg->ticks++ & 8191) != 0) {
    return ENT_SUCCESS;
  }
  if (lgraph_now() >= lg->deadline) {
    return lgraph_too_late(lg, lg->doing);
  }
  const EntProgress p = { lg->phase, lg->n_nodes, 0, 0, 0 };
  ent_progress(lg->world, &p);
  return ENT_SUCCESS;
}

/// `n` with thousands separators ("200,000") in `out`.
static void
format_count(size_t n, char out[32])
{
  char digits[32];
  const int len = snprintf(digits, sizeof(digits), "%zu", n);
  size_t k = 0;
  for (int i = 0; i < len; ++i) {
    if (i && (len - i) % 3 == 0) {
      out[k++] = ',';
    }
    out[k++] = digits[i];
  }
  out[k] = '\0';
}

EntStatus
lgraph_cap_note(const LGraph *lg, EntBuf *out)
{
  char shown[32];
  char all[32];
  char left[32];
  char cap[32];
  format_count(lg->shown_nodes, shown);
  format_count(lg->shown_nodes + lg->hidden_more, all);
  format_count(lg->hidden_more, left);
  snprintf(cap, sizeof(cap), "%zu", lg->max_nodes);
  return ent_buf_appendf(out,
                         "showing %s of the view's %s nodes; %s left out "
                         "(--max-nodes %s)",
                         shown,
                         all,
                         left,
                         cap);
}

/// Remember the view `options` ask for, for lgraph_narrower().
static void
remember_view(LGraph *lg, const EntDiagramOptions *options)
{
  lg->asked_view = options && options->view ? options->view : "all";
  lg->asked_depth = options && options->depth ? options->depth : 1;
}

/// The ID part of a view that names a node ("ego:Putin"), or NULL.
static const char *
view_id(const char *view)
{
  static const char *const named[] = { "ego:", "negotiation:", "compare:" };
  for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); ++i) {
    const size_t n = strlen(named[i]);
    if (!strncmp(view, named[i], n)) {
      return view + n;
    }
  }
  return NULL;
}

/// Most nodes remembered as named like the view's ID: more are said as
/// "names N nodes" all the same.
#define ENT_NAMED_AS 64

/// Whether `word` (one word of three bytes or more, compared as
/// ent_loose_text() makes names) is a whole word of `name` (made so too):
/// "мединский" of "владимир мединский".
static bool
has_word(const char *name, const char *word)
{
  const size_t len = strlen(word);
  if (len < 3 || strchr(word, ' ')) {
    return false;
  }
  for (const char *at = strstr(name, word); at; at = strstr(at + 1, word)) {
    if ((at == name || at[-1] == ' ') && (at[len] == '\0' || at[len] == ' ')) {
      return true;
    }
  }
  return false;
}

/// Add `node` to a list of at most ENT_NAMED_AS nodes, unless it is the
/// last one there (a node's name and its label come one after the other).
static void
remember_node(uint32_t **list, size_t *n, size_t *cap, uint32_t node)
{
  if (*n < ENT_NAMED_AS && (!*n || (*list)[*n - 1] != node) &&
      !ent_grow(list, cap, *n, sizeof(uint32_t), 4)) {
    (*list)[(*n)++] = node;
  }
}

/// Remember node `n` if name `name` (any of its names, in any language)
/// is the one the view asked at lgraph_init() gives, as names compare:
/// the view "ego:Zelenskyy" finds the node drawn as Volodymyr Zelenskyy
/// by its alias; or, apart, if the ID is a word of it (a surname).  Only
/// with such a view, and a name of about its length.
static void
note_named_as(LGraph *lg, const LNode *n, const char *name)
{
  const size_t want = strlen(lg->view_key);
  const size_t len = strlen(name);
  if (len + 8 < want / 2 || len > 4 * want + 8) {
    return;
  }
  const uint32_t node = (uint32_t)(n - lg->nodes);
  char *key = ent_loose_text(name, 0);
  if (key && !strcmp(key, lg->view_key)) {
    remember_node(&lg->named_as, &lg->n_named_as, &lg->cap_named_as, node);
  } else if (key && has_word(key, lg->view_key)) {
    remember_node(
      &lg->named_word, &lg->n_named_word, &lg->cap_named_word, node);
  }
  free(key);
}

void
lgraph_init(LGraph *lg,
            EntWorld *world,
            const EntOntology *ontology,
            const EntDiagramOptions *options)
{
  const char *lang = options ? options->lang : NULL;
  memset(lg, 0, sizeof(*lg));
  lg->world = world;
  remember_view(lg, options);
  const char *named = view_id(lg->asked_view);
  lg->view_key = named ? ent_loose_text(named, 0) : NULL; // NULL: exact only
  lg->ontology = ontology;
  lg->time_limit = options && options->time_limit ? (double)options->time_limit
                                                  : ENT_DIAGRAM_TIME_LIMIT;
  lg->deadline = lgraph_now() + lg->time_limit;
  lg->phase = ENT_PHASE_DIAGRAM;
  lg->doing = "reading the statements";
  lg->last_subject = ENT_NO_ENTITY;
  lg->ego_root = ENT_NO_ENTITY;
  ent_pool_init(&lg->strings);
  ent_map_init(&lg->prefixes);
  ent_map_init(&lg->declared);
  ent_map_init(&lg->votes);
  ent_map_init(&lg->predicates);
  ent_map_init(&lg->classes);
  ent_map_init(&lg->spellings);
  ent_map_init(&lg->declared_inverses);
  ent_map_init(&lg->property_names);
  ent_map_init(&lg->functional);
  ent_pool_init(&lg->graphs);
  lg->lang = ent_pool_intern(&lg->strings, lang ? lang : "en");
  lg->lang_asked = lang != NULL;
  size_t n_prefixes = 0;
  const Prefix *prefixes = ent_prefixes(&n_prefixes);
  for (size_t i = 0; i < n_prefixes; ++i) {
    lgraph_add_prefix(lg, prefixes[i].prefix, prefixes[i].ns, false);
  }
  // Namespaces met in other people's graphs, which N-Triples and N-Quads
  // (a DBpedia or Wikidata dump) never name: drawn as dbr:AC/DC and
  // dc:creator, not as "DC" and "creator".  The file's own prefixes still
  // come first.
  static const struct {
    const char *prefix;
    const char *ns;
  } drawn[] = {
    { "schema", "https://schema.org/" },
    { "dc", "http://purl.org/dc/elements/1.1/" },
    { "dcat", "http://www.w3.org/ns/dcat#" },
    { "sh", "http://www.w3.org/ns/shacl#" },
    { "void", "http://rdfs.org/ns/void#" },
    { "vcard", "http://www.w3.org/2006/vcard/ns#" },
    { "time", "http://www.w3.org/2006/time#" },
    { "geo", "http://www.opengis.net/ont/geosparql#" },
    { "dbo", "http://dbpedia.org/ontology/" },
    { "dbp", "http://dbpedia.org/property/" },
    { "dbr", "http://dbpedia.org/resource/" },
    { "wd", "http://www.wikidata.org/entity/" },
    { "wdt", "http://www.wikidata.org/prop/direct/" },
  };
  for (size_t i = 0; i < sizeof(drawn) / sizeof(drawn[0]); ++i) {
    lgraph_add_prefix(lg, drawn[i].prefix, drawn[i].ns, false);
  }
}

void
lgraph_reserve_for(LGraph *lg, const EntGraph *graph)
{
  // The model's statements make about 1.4 nodes an entity and 1.3 edges a
  // fact or entity (the corpus; generated data at 1M and 10M): twice that
  // is reserved.  Grown by doubling, each array was copied again and
  // again into memory touched for the first time (a 10M DOT: 5 % of its
  // time, 160 MB of its peak); room never used is address space, not
  // memory, since nothing writes to it.  ent_grow() gives an empty array
  // its first capacity; should that fail, the array stays empty and grows
  // as it goes.
  lg->model_strings = true;
  const size_t entities = graph->n_entities;
  (void)ent_grow(
    &lg->nodes, &lg->cap_nodes, lg->n_nodes, sizeof(LNode), 2 * entities + 64);
  (void)ent_grow(&lg->edges,
                 &lg->cap_edges,
                 lg->n_edges,
                 sizeof(LEdge),
                 2 * (graph->n_facts + entities) + 64);
}

/// The lines of one node its label has no room for (LGraph.more).
struct LMore {
  EntBuf lines;   ///< "a · b", grown in place; then every line, the label's
                  ///< first (say_facets_left())
  EntBuf whole;   ///< The label's lines uncut, once one of them was cut
                  ///< (append_facet_line()), or empty
  uint32_t count; ///< Lines in `lines`
};

void
lgraph_clear(LGraph *lg)
{
  free(lg->nodes);
  free(lg->edges);
  free(lg->claims);
  free(lg->other_dates);
  free(lg->bounds);
  free(lg->concepts);
  free(lg->literals);
  free(lg->graph_sets);
  free(lg->graph_list);
  ent_map_clear(&lg->votes);
  free(lg->vote);
  ent_map_clear(&lg->predicates);
  free(lg->predicate);
  ent_map_clear(&lg->classes);
  ent_map_clear(&lg->spellings);
  ent_map_clear(&lg->declared_inverses);
  ent_map_clear(&lg->property_names);
  ent_map_clear(&lg->functional);
  ent_map_clear(&lg->more_facets);
  ent_map_clear(&lg->pages);
  for (size_t i = 0; i < lg->n_more; ++i) {
    ent_buf_free(&lg->more[i].lines);
    ent_buf_free(&lg->more[i].whole);
  }
  free(lg->more);
  ent_buf_free(&lg->scratch);
  free(lg->adjacency);
  free(lg->first);
  free(lg->index);
  free(lg->by_entity);
  free((void *)lg->pairwise);
  free(lg->pairs);
  free(lg->view_key);
  free(lg->named_as);
  free(lg->named_word);
  ent_pool_clear(&lg->graphs);
  ent_map_clear(&lg->prefixes);
  ent_map_clear(&lg->declared);
  ent_pool_clear(&lg->strings);
  memset(lg, 0, sizeof(*lg));
}

EntStatus
lgraph_add_prefix(LGraph *lg, const char *prefix, const char *ns, bool declared)
{
  const char *p = ent_pool_intern(&lg->strings, prefix);
  const char *n = ent_pool_intern(&lg->strings, ns);
  if (!p || !n) {
    return ENT_ERR_NO_MEMORY;
  }
  const char *known = ent_map_get(&lg->prefixes, n);
  if (known == p || (known && (!declared || ent_map_get(&lg->declared, n)))) {
    return ENT_SUCCESS;
  }
  if (declared) {
    const EntStatus st = ent_map_put(&lg->declared, n, (void *)(uintptr_t)1);
    if (st) {
      return st;
    }
  }
  // Edge labels made before this prefix was known are made again.
  for (size_t i = 0; i < lg->n_predicates; ++i) {
    lg->predicate[i].label = NULL;
  }
  return ent_map_put(&lg->prefixes, n, (void *)(uintptr_t)p);
}

// ---- The node index --------------------------------------------------------
// Every statement looks up its subject and object: a table of its own with
// the hashes stored, so that a probe reads an IRI only when the hash
// matches (a million nodes do not fit in the cache).

/// The slot of `iri` (hash `hash`): its node's, or the free one to put it.
static size_t
index_slot(const LGraph *lg, const char *iri, uint32_t hash)
{
  const size_t mask = lg->index_size - 1;
  size_t i = hash & mask;
  while (lg->index[i].node &&
         (lg->index[i].hash != hash ||
          strcmp(lg->nodes[lg->index[i].node - 1].iri, iri) != 0)) {
    i = (i + 1) & mask;
  }
  return i;
}

static uint32_t
find_node(const LGraph *lg, const char *iri)
{
  if (!lg->index_size) {
    return ENT_NO_ENTITY;
  }
  const uint32_t hash = (uint32_t)ent_hash(iri, strlen(iri));
  const LSlot *slot = &lg->index[index_slot(lg, iri, hash)];
  return slot->node ? slot->node - 1 : ENT_NO_ENTITY;
}

/// Twice the slots: the load stays under one half.
static EntStatus
grow_index(LGraph *lg)
{
  const size_t size = lg->index_size ? 2 * lg->index_size : 1024;
  LSlot *index = calloc(size, sizeof(LSlot));
  if (!index) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->index_size; ++i) {
    if (lg->index[i].node) {
      size_t j = lg->index[i].hash & (size - 1);
      while (index[j].node) {
        j = (j + 1) & (size - 1);
      }
      index[j] = lg->index[i];
    }
  }
  free(lg->index);
  lg->index = index;
  lg->index_size = size;
  return ENT_SUCCESS;
}

/// The node of `iri`, made if new with a copy of `iri`, or with `iri`
/// itself when `stable` (it outlives the graph).
static EntStatus
node_for(LGraph *lg, const char *iri, bool stable, uint32_t *out)
{
  EntStatus st = ENT_SUCCESS;
  if ((lg->n_nodes + 1) * 2 > lg->index_size) {
    TRY(st, grow_index(lg));
  }
  const size_t len = strlen(iri);
  const uint32_t hash = (uint32_t)ent_hash(iri, len);
  const size_t slot = index_slot(lg, iri, hash);
  if (lg->index[slot].node) {
    *out = lg->index[slot].node - 1;
    return ENT_SUCCESS;
  }
  if (lg->n_nodes >= ENT_NO_ENTITY - 1) {
    return ENT_ERR_TOO_LARGE;
  }
  TRY(st,
      ent_grow(&lg->nodes, &lg->cap_nodes, lg->n_nodes, sizeof(LNode), 128));
  LNode *n = &lg->nodes[lg->n_nodes];
  memset(n, 0, sizeof(*n));
  n->iri = stable ? iri : ent_pool_copy(&lg->strings, iri, len);
  if (!n->iri) {
    return ENT_ERR_NO_MEMORY;
  }
  n->kind = KIND_OTHER;
  n->country = ENT_NO_ENTITY;
  n->parent = ENT_NO_ENTITY;
  *out = (uint32_t)lg->n_nodes;
  ++lg->n_nodes;
  lg->index[slot] = (LSlot){ hash, *out + 1 };
  return ENT_SUCCESS;
}

/// `iri`'s term in the ontology when it is a controlled value
/// (ent:format-technical): a fact about its subject, not a node.
static const OntTerm *
controlled_value(const LGraph *lg, const char *iri)
{
  const OntTerm *t = ont_term(lg->ontology, iri);
  return t && (t->kinds & ONT_INDIVIDUAL) && !(t->kinds & ONT_CLASS) ? t : NULL;
}

/// Whether node `n` is a blank node (raptor names them "_:...").
static bool
is_blank(const LNode *n)
{
  return !strncmp(n->iri, "_:", 2);
}

/// The node `*n` is, when it names a model entity already looked up
/// (Node.entity) that is not a controlled value: an array read instead of
/// hashing the IRI.
static bool
known_node(const LGraph *lg, const Node *n, uint32_t *out)
{
  if (n->entity && n->entity <= lg->n_by_entity &&
      lg->by_entity[n->entity - 1]) {
    *out = lg->by_entity[n->entity - 1] - 1;
    return true;
  }
  return false;
}

/// node_for() of `*n`'s IRI, remembered by its entity hint if it has one
/// and is not a controlled value (`checked`: the caller found it is not).
static EntStatus
node_of(LGraph *lg, const Node *n, bool checked, uint32_t *out)
{
  EntStatus st = ENT_SUCCESS;
  // An entity's IRI is the model's own string (see Node.entity), which
  // outlives the diagram when the model is its input.
  TRY(st, node_for(lg, n->value, n->entity && lg->model_strings, out));
  if (!n->entity || (!checked && controlled_value(lg, n->value))) {
    return ENT_SUCCESS;
  }
  if (n->entity > lg->n_by_entity) {
    size_t size = lg->n_by_entity ? 2 * lg->n_by_entity : 1024;
    size = size < n->entity ? n->entity : size;
    uint32_t *grown = realloc(lg->by_entity, size * sizeof(uint32_t));
    if (!grown) {
      return ENT_ERR_NO_MEMORY;
    }
    memset(
      grown + lg->n_by_entity, 0, (size - lg->n_by_entity) * sizeof(uint32_t));
    lg->by_entity = grown;
    lg->n_by_entity = size;
  }
  lg->by_entity[n->entity - 1] = *out + 1;
  return ENT_SUCCESS;
}

static bool
is_one_of(const char *predicate, const char *a, const char *b)
{
  return !strcmp(predicate, a) || !strcmp(predicate, b);
}

/// The EDGE_ flags of `predicate`.
static uint16_t
edge_flags(const LGraph *lg, const char *predicate)
{
  const OntTerm *t = ont_term(lg->ontology, predicate);
  const struct {
    const char *a;
    const char *b;
    uint16_t flag;
  } known[] = {
    { ENT_NS "headOf", ORG_NS "headOf", EDGE_HEAD },
    { ENT_NS "memberOf", ORG_NS "memberOf", EDGE_MEMBER },
    { ENT_NS "speaker", PROV_NS "wasAttributedTo", EDGE_SPEAKER },
    { ENT_NS "location", SCHEMA_NS "location", EDGE_LOCATION },
    { ENT_NS "country", ENT_NS "subOrganizationOf", EDGE_PLACEMENT },
    { ORG_NS "subOrganizationOf", ORG_NS "unitOf", EDGE_PLACEMENT },
    { ENT_NS "nationality", SCHEMA_NS "nationality", EDGE_NATIONALITY },
    { DCTERMS_NS "isReferencedBy", SCHEMA_NS "subjectOf", EDGE_SUBJECT_OF },
    { OWL_NS "disjointWith", OWL_NS "propertyDisjointWith", EDGE_PAIRWISE },
    { OWL_NS "differentFrom", OWL_NS "differentFrom", EDGE_PAIRWISE },
  };
  uint16_t flags = t && t->n_supers > 0 ? EDGE_HAS_SUPERS : 0;
  for (size_t i = 0;
       i < sizeof(known_sub_properties) / sizeof(*known_sub_properties);
       ++i) {
    if (!strcmp(predicate, known_sub_properties[i].sub)) {
      flags |= EDGE_HAS_SUPERS;
    }
  }
  for (size_t i = 0;
       i < sizeof(symmetric_predicates) / sizeof(*symmetric_predicates);
       ++i) {
    if (!strcmp(predicate, symmetric_predicates[i])) {
      flags |= EDGE_SYMMETRIC;
    }
  }
  for (size_t i = 0; i < sizeof(known) / sizeof(*known); ++i) {
    if (is_one_of(predicate, known[i].a, known[i].b)) {
      flags |= known[i].flag;
    }
  }
  for (size_t i = 0;
       i < sizeof(inverse_predicates) / sizeof(*inverse_predicates);
       ++i) {
    flags |= !strcmp(predicate, inverse_predicates[i].drawn) ? EDGE_HAS_INVERSE
             : !strcmp(predicate, inverse_predicates[i].inverse) ? EDGE_INVERSE
                                                                 : 0;
  }
  return flags;
}

/// An edge; `predicate` is interned and `flags` are its edge_flags().
static EntStatus
add_edge(LGraph *lg,
         uint32_t from,
         uint32_t to,
         const char *predicate,
         uint16_t flags,
         const char *label,
         const char *graph)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_grow(&lg->edges, &lg->cap_edges, lg->n_edges, sizeof(LEdge), 256));
  lg->edges[lg->n_edges++] =
    (LEdge){ from, to, predicate, label, graph, graph ? 1U : 0U, 0, flags };
  return ENT_SUCCESS;
}

/// add_edge() for an edge the diagram makes itself (the folds, the
/// compare view), of predicate `iri`, stated in `n_graphs` graphs.
static EntStatus
add_made_edge(LGraph *lg,
              uint32_t from,
              uint32_t to,
              const char *iri,
              const char *label,
              const char *graph,
              uint32_t n_graphs)
{
  const char *pred = ent_pool_intern(&lg->strings, iri);
  EntStatus st = ENT_SUCCESS;
  if (!pred) {
    return ENT_ERR_NO_MEMORY;
  }
  TRY(st, add_edge(lg, from, to, pred, edge_flags(lg, pred), label, graph));
  lg->edges[lg->n_edges - 1].n_graphs = n_graphs;
  return ENT_SUCCESS;
}

/// Keep what graph `graph` says of node `subject` (compare view);
/// `graph` and `predicate` are interned.
static EntStatus
keep_claim(LGraph *lg,
           uint32_t subject,
           uint32_t object,
           const char *graph,
           const char *predicate,
           const char *value)
{
  if (!lg->keep_claims || !graph) {
    return ENT_SUCCESS;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(
    st,
    ent_grow(&lg->claims, &lg->cap_claims, lg->n_claims, sizeof(LClaim), 256));
  LClaim *c = &lg->claims[lg->n_claims];
  c->subject = subject;
  c->object = object;
  c->graph = graph;
  c->predicate = predicate;
  c->value = value ? ent_pool_intern(&lg->strings, value) : NULL;
  if (value && !c->value) {
    return ENT_ERR_NO_MEMORY;
  }
  ++lg->n_claims;
  return ENT_SUCCESS;
}

/// "schema:about" for an IRI in a known namespace, else its local name.
const char *
lgraph_short_name(LGraph *lg, const char *iri)
{
  // As the graph spelled it, with its own prefix (s:name, not schema:name).
  iri = lgraph_spelling(lg, iri);
  const char *last = NULL;
  for (const char *p = iri; *p; ++p) {
    if (*p == '#' || *p == '/') {
      last = p;
    }
  }
  if (!last || !last[1]) {
    return iri;
  }
  // The longest namespace with a prefix: dbr:AC/DC, not DC.  The last
  // few cuts are tried (an IRI of a thousand segments is not looked up a
  // thousand times).
  const char *prefix = NULL;
  const char *cut = last;
  char ns[2048];
  const size_t iri_len = (size_t)(last - iri) + 1;
  if (iri_len + 1 < sizeof(ns)) {
    memcpy(ns, iri, iri_len + 1); // ns[ns_len] is read back below
    unsigned tries = 0;
    for (const char *p = last; p > iri && !prefix && tries < 16; --p) {
      if (*p == '#' || *p == '/') {
        ++tries;
        const size_t ns_len = (size_t)(p - iri) + 1;
        const char kept = ns[ns_len];
        ns[ns_len] = '\0';
        prefix = ent_map_get(&lg->prefixes, ns);
        ns[ns_len] = kept;
        cut = prefix ? p : cut;
      }
    }
  }
  EntBuf b = { NULL, 0, 0 };
  EntStatus st = prefix ? ent_buf_appendf(&b, "%s:", prefix) : ENT_SUCCESS;
  // Percent-escapes read as the characters they stand for
  // (Caf%C3%A9_Kranzler: Café_Kranzler).
  st = st ? st : ent_buf_append_unescaped(&b, cut + 1);
  if (!st && !prefix && !strcmp(b.buf, cut + 1)) {
    ent_buf_free(&b);
    return cut + 1; // nothing changed: the IRI's own tail
  }
  const char *kept = st ? NULL : ent_pool_copy(&lg->strings, b.buf, b.len);
  ent_buf_free(&b);
  return kept ? kept : cut + 1;
}

const char *
lgraph_class_name(LGraph *lg, const char *cls)
{
  const uint32_t node = find_node(lg, cls);
  return node != ENT_NO_ENTITY && lg->nodes[node].label
           ? lg->nodes[node].label
           : lgraph_short_name(lg, cls);
}

/// The last `segments` path segments of `iri` ("person/1" for two of
/// http://example.org/person/1), percent-escapes decoded, never reaching
/// back past its authority ("example.org/person/1" at most).  NULL: no
/// memory.
static const char *
iri_tail(LGraph *lg, const char *iri, unsigned segments)
{
  // Where the authority starts: after "scheme://", else the beginning.
  const char *slashes = strstr(iri, "://");
  const size_t floor = slashes ? (size_t)(slashes - iri) + 3 : 0;
  const size_t len = strlen(iri);
  size_t start = floor;
  unsigned seen = 0;
  for (size_t i = len; i-- > floor;) {
    if ((iri[i] == '/' || iri[i] == '#') && i + 1 < len) {
      start = i + 1;
      if (++seen == segments) {
        break;
      }
    }
  }
  start = seen < segments ? floor : start;
  EntBuf b = { NULL, 0, 0 };
  const char *kept = ent_buf_append_unescaped(&b, iri + start)
                       ? NULL
                       : ent_pool_copy(&lg->strings, b.buf, b.len);
  ent_buf_free(&b);
  return kept;
}

/// How many of nodes `named[0..n)` have each name, into `count` (name ->
/// how many).
static EntStatus
count_names(const LGraph *lg, const uint32_t *named, size_t n, EntMap *count)
{
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < n && !st; ++i) {
    const char *name = lg->nodes[named[i]].label;
    const uintptr_t c = (uintptr_t)ent_map_get(count, name);
    st = ent_map_put(count, name, (void *)(c + 1));
  }
  return st;
}

/// Nodes named by their IRI's tail alone that share a name ("1" for
/// …/person/1 and …/org/1) are named by longer tails ("person/1",
/// "org/1"), a segment more at a time up to the host, until no two of
/// them share one; two still alike (http: and https:, Caf%C3%A9 and Café)
/// are named by their IRIs.  `named[0..n)` are those nodes.  Two
/// resources must not read as one.
static EntStatus
tell_apart_iri_names(LGraph *lg, const uint32_t *named, size_t n)
{
  EntStatus st = ENT_SUCCESS;
  // A node the graph names is one more with its name: an IRI's tail
  // ("Paris", of …/wiki/Paris) must not read as it ("Paris", ex:paris's
  // rdfs:label) either.  Not in entente's own graphs, whose nodes are
  // named (a 10M corpus's million names, each looked up, were 2 % of its
  // diagram).
  bool *by_iri =
    n && !lg->model_strings ? calloc(lg->n_nodes + 1, sizeof(bool)) : NULL;
  if (n && !lg->model_strings && !by_iri) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; by_iri && i < n; ++i) {
    by_iri[named[i]] = true;
  }
  bool shared = n > 0;
  for (unsigned segments = 2; shared && !st; ++segments) {
    EntMap count;
    ent_map_init(&count);
    st = count_names(lg, named, n, &count);
    for (size_t v = 0; by_iri && v < lg->n_nodes && !st; ++v) {
      const char *label = lg->nodes[v].label;
      const uintptr_t c =
        !by_iri[v] && label ? (uintptr_t)ent_map_get(&count, label) : 0;
      if (c) {
        st = ent_map_put(&count, label, (void *)(c + 1));
      }
    }
    shared = false;
    for (size_t i = 0; i < n && !st; ++i) {
      LNode *node = &lg->nodes[named[i]];
      if ((uintptr_t)ent_map_get(&count, node->label) < 2) {
        continue;
      }
      // Past the host, or past ENT_MAX_NESTING segments: the IRI itself.
      const char *longer =
        segments <= ENT_MAX_NESTING ? iri_tail(lg, node->iri, segments) : "";
      if (!longer) {
        st = ENT_ERR_NO_MEMORY;
      } else if (*longer && strcmp(longer, node->label) != 0) {
        node->label = longer;
        shared = true;
      } else {
        node->label = node->iri;
      }
    }
    ent_map_clear(&count);
  }
  free(by_iri);
  return st;
}

static const char *
edge_label(LGraph *lg, const char *predicate)
{
  static const struct {
    const char *iri;
    const char *label;
  } standard[] = {
    { DCTERMS_NS "isReferencedBy", "mentioned in" },
    { SCHEMA_NS "subjectOf", "mentioned in" },
    { SCHEMA_NS "startDate", "date" },
    { SCHEMA_NS "endDate", "end" },
    { SCHEMA_NS "duration", "duration" },
    { SCHEMA_NS "description", "description" },
    { SCHEMA_NS "about", "reports on" },
  };
  for (size_t i = 0; i < sizeof(standard) / sizeof(*standard); ++i) {
    if (!strcmp(predicate, standard[i].iri)) {
      return standard[i].label;
    }
  }
  const OntTerm *term = ont_term(lg->ontology, predicate);
  return term && term->label ? term->label : lgraph_short_name(lg, predicate);
}

/// Whether `predicate` is one of undrawn_predicates; `*everywhere` tells
/// whether it is undrawn in somebody else's graph too.
static bool
is_undrawn(const char *predicate, bool *everywhere)
{
  for (size_t i = 0;
       i < sizeof(undrawn_predicates) / sizeof(*undrawn_predicates);
       ++i) {
    if (!strcmp(predicate, undrawn_predicates[i].iri)) {
      *everywhere = undrawn_predicates[i].everywhere;
      return true;
    }
  }
  return false;
}

static unsigned
lang_score(const LGraph *lg, const char *lang)
{
  // --lang's own tag first ("en-GB" for --lang en-GB, as RFC 4647's
  // lookup takes it), then one it falls back to or that narrows it ("en"
  // prefers "en" and also takes "en-GB" over other languages).  After
  // --lang's and none, the default language, English: a reader who asked
  // for Korean is better served by the English name than by whichever
  // translation came first.
  return !lang || !*lang               ? 3
         : !strcasecmp(lang, lg->lang) ? 5
         : ent_lang_is(lang, lg->lang) ? 4
         : ent_lang_is(lang, "en")     ? 2
                                       : 1;
}

/// The spelling of `iri` (interned) that the tables here and the ontology
/// know, interned: schema.org takes its terms under https://schema.org/ as
/// the same terms as under http://schema.org/, which entente writes and
/// this file lists, so a graph written with the first is drawn as one
/// written with the second (names, dates, shapes, edge styles).  What the
/// graph spelled is kept for the GraphML (lgraph_spelling()).  NULL: no
/// memory.
static const char *
known_spelling(LGraph *lg, const char *iri)
{
  static const char https[] = "https://schema.org/";
  if (strncmp(iri, https, sizeof(https) - 1) != 0) {
    return iri;
  }
  EntBuf b = { NULL, 0, 0 };
  const char *known =
    ent_buf_appendf(&b, "%s%s", SCHEMA_NS, iri + sizeof(https) - 1)
      ? NULL
      : ent_pool_intern(&lg->strings, b.buf);
  ent_buf_free(&b);
  if (known && !ent_map_get(&lg->spellings, known) &&
      ent_map_put(&lg->spellings, known, (void *)(uintptr_t)iri)) {
    return NULL;
  }
  return known;
}

/// What `iri` means to the diagram: worked out on its first statement.
static LPredicate *
predicate_of(LGraph *lg, const char *iri)
{
  bool everywhere = false;
  const uintptr_t known = (uintptr_t)ent_map_get(&lg->predicates, iri);
  if (known) {
    return &lg->predicate[known - 1];
  }
  if (ent_grow(&lg->predicate,
               &lg->cap_predicates,
               lg->n_predicates,
               sizeof(LPredicate),
               32)) {
    return NULL;
  }
  LPredicate *p = &lg->predicate[lg->n_predicates];
  const char *spelled = ent_pool_intern(&lg->strings, iri);
  *p = (LPredicate){
    spelled ? known_spelling(lg, spelled) : NULL, 0, NULL, -1, -1, PRED_OTHER
  };
  if (!p->iri || ent_map_put(&lg->predicates,
                             spelled,
                             (void *)(uintptr_t)(lg->n_predicates + 1))) {
    return NULL;
  }
  ++lg->n_predicates;
  // Found by the known spelling too: the tables' look-ups (used_iri(),
  // drawn_for_inverse()) ask for it.
  if (p->iri != spelled && !ent_map_get(&lg->predicates, p->iri) &&
      ent_map_put(
        &lg->predicates, p->iri, (void *)(uintptr_t)lg->n_predicates)) {
    return NULL;
  }
  iri = p->iri;
  p->flags = edge_flags(lg, iri);
  for (size_t i = 0; i < sizeof(label_predicates) / sizeof(*label_predicates);
       ++i) {
    if (!strcmp(iri, label_predicates[i].iri)) {
      p->label_index = (int)i;
      return p;
    }
  }
  for (size_t i = 0; i < sizeof(date_predicates) / sizeof(*date_predicates);
       ++i) {
    if (!strcmp(iri, date_predicates[i].iri)) {
      p->date_index = (int)i;
      return p;
    }
  }
  if (!strcmp(iri, RDF_TYPE) || !strcmp(iri, WD_PROP_DIRECT "P31")) {
    // Wikidata's "instance of" is its rdf:type: a line on the node (or
    // its shape), not an edge to "human" from every person.
    p->role = PRED_TYPE;
  } else if (is_undrawn(iri, &everywhere)) {
    p->role = PRED_UNDRAWN;
    p->flags |= everywhere ? 0 : EDGE_PLUMBING;
  } else if (!strcmp(iri, ENT_NS "notAfter")) {
    p->role = PRED_NOT_AFTER;
  } else if (!strcmp(iri, ENT_NS "datePhrase")) {
    p->role = PRED_DATE_PHRASE;
  } else if (!strcmp(iri, SCHEMA_NS "text") ||
             !strcmp(iri, SCHEMA_NS "description") ||
             !strcmp(iri, RDFS_NS "comment")) {
    p->role = PRED_TOOLTIP;
  } else if (!strcmp(iri, ENT_NS "country") ||
             !strcmp(iri, ENT_NS "nationality")) {
    p->role = PRED_COUNTRY;
  } else if (!strcmp(iri, ENT_NS "subOrganizationOf") ||
             !strcmp(iri, ORG_NS "subOrganizationOf") ||
             !strcmp(iri, ORG_NS "unitOf")) { // ORG's sub-property of it
    p->role = PRED_PARENT;
  } else if (!strcmp(iri, GN_NS "featureClass") ||
             !strcmp(iri, GN_NS "featureCode")) {
    p->role = PRED_CODE;
  }
  return p;
}

const char *
lgraph_spelling(const LGraph *lg, const char *iri)
{
  const char *spelled = ent_map_get(&lg->spellings, iri);
  return spelled ? spelled : iri;
}

/// The edge label of predicate `p`, made once (until a new prefix).
static const char *
predicate_label(LGraph *lg, LPredicate *p)
{
  if (!p->label) {
    p->label = edge_label(lg, p->iri);
  }
  return p->label;
}

/// `text` for as long as the graph: the model's own string when it lasts
/// (ent_emit()'s lasting nodes: a 10M corpus's descriptions and quotes
/// were copied whole, 80 MB), else a copy in the pool; NULL when out of
/// memory.
static const char *
keep_text(LGraph *lg, const char *text, bool lasting)
{
  return lasting && lg->model_strings
           ? text
           : ent_pool_copy(&lg->strings, text, strlen(text));
}

/// How many labels of a node are kept in its list; past them, in a map (a
/// post many sources name differently would make the list quadratic).
enum { VOTE_LIST = 16 };

/// A new vote entry for `label` (kept in the pool): `*at` is its index + 1.
static EntStatus
new_vote(LGraph *lg, const char *label, size_t *at)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_grow(&lg->vote, &lg->cap_votes, lg->n_votes, sizeof(LVote), 256));
  lg->vote[lg->n_votes] = (LVote){ label, 0, 0, 0, NULL };
  *at = ++lg->n_votes;
  return ENT_SUCCESS;
}

/// The vote entry (index + 1) of label `text` of node `n`, made if new
/// (`lasting`: see keep_text()).
/// Most nodes have one label: a node's first labels are a list from the
/// node, read where the node already is; a map keyed by node and label
/// (random reads in a table as large as the graph) holds only the rest.
static EntStatus
find_vote(LGraph *lg, LNode *n, const char *text, bool lasting, size_t *at)
{
  uint32_t last = 0; // the list's last entry (index + 1)
  size_t listed = 0;
  for (uint32_t v = n->votes; v; last = v, v = lg->vote[v - 1].next) {
    if (!strcmp(lg->vote[v - 1].label, text)) {
      *at = v;
      return ENT_SUCCESS;
    }
    ++listed;
  }
  EntStatus st = ENT_SUCCESS;
  if (listed < VOTE_LIST) {
    const char *kept = keep_text(lg, text, lasting);
    if (!kept) {
      return ENT_ERR_NO_MEMORY;
    }
    TRY(st, new_vote(lg, kept, at));
    if (*at > UINT32_MAX) {
      return ENT_ERR_TOO_LARGE;
    }
    if (last) {
      lg->vote[last - 1].next = (uint32_t)*at;
    } else {
      n->votes = (uint32_t)*at;
    }
    return ENT_SUCCESS;
  }
  EntBuf *key = &lg->scratch;
  ent_buf_reset(key);
  TRY(st, ent_buf_appendf(key, "%zu\x01%s", (size_t)(n - lg->nodes), text));
  *at = (size_t)(uintptr_t)ent_map_get(&lg->votes, key->buf);
  if (*at) {
    return ENT_SUCCESS;
  }
  const char *kept = ent_pool_copy(&lg->strings, key->buf, key->len);
  if (!kept) {
    return ENT_ERR_NO_MEMORY;
  }
  TRY(st, new_vote(lg, strchr(kept, '\x01') + 1, at));
  return ent_map_put(&lg->votes, kept, (void *)(uintptr_t)*at);
}

/// Whether `graph` gave node `n` a label other than `text` at its rank.
static bool
named_otherwise(const LGraph *lg,
                const LNode *n,
                const char *graph,
                const char *text)
{
  for (uint32_t k = n->votes; k; k = lg->vote[k - 1].next) {
    const LVote *cast = &lg->vote[k - 1];
    if (cast->graph == graph && cast->rank == n->label_rank && cast->votes &&
        strcmp(cast->label, text) != 0) {
      return true;
    }
  }
  return false;
}

/// One more graph, `graph` (interned, or NULL: the default graph), gives
/// node `node` the label `text` (at its best rank): the label most graphs
/// give is drawn.
static EntStatus
vote_label(LGraph *lg,
           LNode *n,
           const char *text,
           bool lasting,
           const char *graph)
{
  size_t at = 0;
  EntStatus st = ENT_SUCCESS;
  TRY(st, find_vote(lg, n, text, lasting, &at));
  LVote *v = &lg->vote[at - 1];
  if (v->rank != n->label_rank) {
    // Cast at a lower rank (the same title untagged, then in the
    // preferred language): the count starts again with the node's.
    v->rank = n->label_rank;
    v->votes = 0;
  }
  if (!v->votes) {
    v->graph = graph;
  }
  const uint32_t votes = ++v->votes;
  n->n_labels += votes == 1;
  if (votes > n->label_votes) {
    n->label = v->label;
    n->label_votes = votes;
  }
  return ENT_SUCCESS;
}

/// Longest value said on a node of somebody else's graph, in characters.
#define LITERAL_FACET_CHARS 60
/// Longest value kept for a node's tooltip and GraphML details, whole
/// where it was cut on the node (a definition, a description).
#define LITERAL_KEPT_CHARS 1000

/// Append `text`, cut after `max_chars` characters with "…" (after the
/// last word before the cut, not after a space).
static EntStatus
append_cut(EntBuf *b, const char *text, size_t max_chars)
{
  size_t len = 0;
  size_t chars = 0;
  while (text[len] &&
         (chars < max_chars || ((unsigned char)text[len] & 0xC0) == 0x80)) {
    chars += ((unsigned char)text[len] & 0xC0) != 0x80;
    ++len;
  }
  size_t kept = len;
  while (text[len] && kept > 0 && isspace((unsigned char)text[kept - 1])) {
    --kept;
  }
  EntStatus st = ent_buf_append(b, text, kept);
  return !st && text[len] ? ent_buf_append(b, "…", strlen("…")) : st;
}

/// Remember that node `s` has literal `value` (or, `predicate` rdf:type,
/// class `value`), to say it on the node if the graph is not entente's
/// (add_literal_facets()).  Only for an RDF file: the model's graphs are
/// entente's.
static EntStatus
keep_literal(LGraph *lg, uint32_t s, const char *predicate, const char *value)
{
  if (lg->model_strings) {
    return ENT_SUCCESS;
  }
  // A class is kept whole: the node says its prefixed name, and its own
  // superclasses may give it a shape (inherit_kinds()).  A value is cut
  // on the node (add_literal_facets()), not here: the tooltip has it.
  EntBuf cut = { NULL, 0, 0 };
  EntStatus st = !strcmp(predicate, RDF_TYPE)
                   ? ent_buf_append(&cut, value, strlen(value))
                   : append_cut(&cut, value, LITERAL_KEPT_CHARS);
  const char *kept = st ? NULL : ent_pool_intern(&lg->strings, cut.buf);
  ent_buf_free(&cut);
  if (!kept) {
    return ENT_ERR_NO_MEMORY;
  }
  TRY(st,
      ent_grow(
        &lg->literals, &lg->cap_literals, lg->n_literals, sizeof(LClaim), 64));
  lg->literals[lg->n_literals++] =
    (LClaim){ s, ENT_NO_ENTITY, NULL, predicate, kept, NULL };
  return ENT_SUCCESS;
}

/// The day `value` names, into `day`: an xsd:date, or the date part of an
/// xsd:dateTime or of a date with a time zone ("2024-07-12T19:00:00Z", as
/// schema.org data gives start dates, is 2024-07-12 where it happened).
static bool
day_of(const char *value, char day[11])
{
  if (strnlen(value, 10) < 10) {
    return false;
  }
  memcpy(day, value, 10);
  day[10] = '\0';
  const char rest = value[10];
  return ent_parse_date(day, NULL, NULL, NULL) &&
         (!rest || rest == 'T' || rest == 'Z' || rest == '+' || rest == '-');
}

/// Keep `date`, which a source gives node `node` at `rank` besides the
/// date it has at that rank.
static EntStatus
other_date(LGraph *lg, uint32_t node, unsigned rank, const char *date)
{
  EntStatus st = ENT_SUCCESS;
  const char *kept = ent_pool_intern(&lg->strings, date);
  if (!kept) {
    return ENT_ERR_NO_MEMORY;
  }
  TRY(st,
      ent_grow(&lg->other_dates,
               &lg->cap_other_dates,
               lg->n_other_dates,
               sizeof(LClaim),
               16));
  lg->other_dates[lg->n_other_dates++] =
    (LClaim){ node, (uint32_t)rank, NULL, NULL, kept, NULL };
  return ENT_SUCCESS;
}

/// Keep a bound of the window graph `graph` gives node `node` (`predicate`:
/// ent:notBefore or ent:notAfter), for window_differs().
static EntStatus
window_bound(LGraph *lg,
             uint32_t node,
             const char *predicate,
             const char *graph,
             const char *day)
{
  EntStatus st = ENT_SUCCESS;
  const char *kept = ent_pool_intern(&lg->strings, day);
  if (!kept) {
    return ENT_ERR_NO_MEMORY;
  }
  TRY(st,
      ent_grow(&lg->bounds, &lg->cap_bounds, lg->n_bounds, sizeof(LClaim), 16));
  lg->bounds[lg->n_bounds++] =
    (LClaim){ node, ENT_NO_ENTITY, graph, predicate, kept, NULL };
  return ENT_SUCCESS;
}

static EntStatus
take_literal(LGraph *lg,
             LNode *n,
             const LPredicate *p,
             const Node *o,
             const char *graph)
{
  if (p->label_index >= 0 && !ent_has_text(o->value)) {
    return ENT_SUCCESS; // an empty name names nothing: the IRI will
  }
  if (p->label_index >= 0 && lg->view_key) {
    note_named_as(lg, n, o->value);
  }
  if (p->label_index >= 0) {
    // A name ranks by its language (5 the --lang tag itself, 4 one it
    // falls back to or narrows, 3 none, 2 English, 1 another) then by its
    // predicate (1-3): 5 to 23.  An alias (rank 0)
    // in the --lang language, or in none, ranks 12: above a name in
    // English or another language, below any name in those two; one in
    // English 8, another 4.
    const unsigned score = lang_score(lg, o->lang);
    lg->names_tagged += score != 3;
    lg->names_in_lang += score >= 4;
    const unsigned rank = label_predicates[p->label_index].rank
                            ? score * 4 + label_predicates[p->label_index].rank
                          : score >= 3 ? 12
                                       : score * 4;
    if (rank > n->label_rank) {
      // With a graph, the vote below names the node.
      n->label = graph ? NULL : keep_text(lg, o->value, o->lasting);
      n->label_rank = rank;
      n->label_votes = 0;
      n->n_labels = 0;
      n->votes = 0; // the labels of a lower rank are left behind
    } else if (rank == n->label_rank && !graph && n->votes) {
      // The default graph is one more source once named graphs vote: its
      // first name is its vote, as it is when it comes first (below).
      for (uint32_t v = n->votes; v; v = lg->vote[v - 1].next) {
        const LVote *vote = &lg->vote[v - 1];
        if (!vote->graph && vote->votes && vote->rank == rank) {
          return ENT_SUCCESS;
        }
      }
      return vote_label(lg, n, o->value, o->lasting, NULL);
    }
    if (rank == n->label_rank && graph && score == 1 &&
        named_otherwise(lg, n, graph, o->value)) {
      // One graph that names the node in several languages, none of them
      // preferred, gives translations, not rival names: its first counts.
      return ENT_SUCCESS;
    }
    if (rank == n->label_rank && graph) {
      // Sources that name one thing differently (a post's titles): the
      // name most of them give is drawn.  A name the default graph gave
      // first is one source.
      if (!n->votes && n->label) {
        const EntStatus st = vote_label(lg, n, n->label, true, NULL);
        if (st) {
          return st;
        }
      }
      return vote_label(lg, n, o->value, o->lasting, graph);
    }
    return n->label ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  if (p->date_index >= 0) {
    const unsigned rank = date_predicates[p->date_index].rank;
    char day[11];
    if (!day_of(o->value, day)) {
      // A year, a month or words: no day to draw it at, but said.
      return keep_literal(lg, (uint32_t)(n - lg->nodes), p->iri, o->value);
    }
    if (!strcmp(p->iri, ENT_NS "notBefore")) {
      // Kept whatever outranks it: a day another source gives outside
      // this window is a difference to show (window_differs()).
      EntStatus st = ENT_SUCCESS;
      TRY(st, window_bound(lg, (uint32_t)(n - lg->nodes), p->iri, graph, day));
    }
    if (rank < n->date_rank) {
      return ENT_SUCCESS;
    }
    if (rank == n->date_rank) {
      // Another source's day: all are drawn (add_date_and_place_facets()).
      return strcmp(day, n->date)
               ? other_date(lg, (uint32_t)(n - lg->nodes), rank, day)
               : ENT_SUCCESS;
    }
    n->date = ent_pool_intern(&lg->strings, day);
    n->date_rank = rank;
    n->window = !strcmp(p->iri, ENT_NS "notBefore");
    return n->date ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  switch (p->role) {
    case PRED_NOT_AFTER:
      if (ent_parse_date(o->value, NULL, NULL, NULL)) {
        EntStatus st = ENT_SUCCESS;
        TRY(
          st,
          window_bound(lg, (uint32_t)(n - lg->nodes), p->iri, graph, o->value));
      }
      if (ent_parse_date(o->value, NULL, NULL, NULL) &&
          (!n->not_after || strcmp(o->value, n->not_after) > 0)) {
        n->not_after = ent_pool_intern(&lg->strings, o->value);
        return n->not_after ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
      }
      break;
    case PRED_DATE_PHRASE:
      if (!n->date_phrase) {
        n->date_phrase = keep_text(lg, o->value, o->lasting);
        return n->date_phrase ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
      }
      break;
    case PRED_TOOLTIP: {
      // The first text in the best language (--lang, then none, then
      // English, then another), as for names.
      const unsigned score = lang_score(lg, o->lang);
      if (!n->tooltip || score - 1 > n->tooltip_score) {
        n->tooltip = keep_text(lg, o->value, o->lasting);
        n->tooltip_score = (score - 1) & 7U;
        return n->tooltip ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
      }
      if (score >= 3 && score - 1 == n->tooltip_score &&
          strcmp(o->value, n->tooltip) != 0) {
        // Another comment in --lang's language or in none (not a
        // translation of the first, as others in other languages are): a
        // line of its own, as other values are.
        return keep_literal(lg, (uint32_t)(n - lg->nodes), p->iri, o->value);
      }
      break;
    }
    case PRED_OTHER: {
      EntStatus st = ENT_SUCCESS;
      TRY(st, keep_literal(lg, (uint32_t)(n - lg->nodes), p->iri, o->value));
      if (!lg->model_strings && o->lang && *o->lang) {
        // Lines in other languages than --lang's give way to it
        // (add_literal_facets()).
        const char *lang = ent_pool_intern(&lg->strings, o->lang);
        lg->literals[lg->n_literals - 1].lang = lang;
        return lang ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
      }
      return ENT_SUCCESS;
    }
    default:
      break;
  }
  return ENT_SUCCESS;
}

/// Which entry of class_kinds class `iri` (interned) is: `*index`, or -1.
static EntStatus
class_kind(LGraph *lg, const char *iri, int *index)
{
  *index = -1;
  const char *match = known_spelling(lg, iri);
  if (!match) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < sizeof(class_kinds) / sizeof(*class_kinds); ++i) {
    if (!strcmp(match, class_kinds[i].iri)) {
      *index = (int)i;
      break;
    }
  }
  return ENT_SUCCESS;
}

/// Draw `n` as class `cls` if that is more specific than what it is.
static EntStatus
take_type(LGraph *lg, LNode *n, const char *cls)
{
  // Which entry of class_kinds `cls` is (+ 2), or 1: none; found once.
  uintptr_t known = (uintptr_t)ent_map_get(&lg->classes, cls);
  if (!known) {
    const char *kept = ent_pool_intern(&lg->strings, cls);
    int i = -1;
    if (!kept || class_kind(lg, kept, &i)) {
      return ENT_ERR_NO_MEMORY;
    }
    known = (uintptr_t)(unsigned)(i + 2); // i is -1 or an entry
    if (ent_map_put(&lg->classes, kept, (void *)known)) {
      return ENT_ERR_NO_MEMORY;
    }
  }
  if (known == 1) {
    // Everything is an owl:Thing and an rdfs:Resource (DBpedia says so of
    // each resource), and a wikibase:Item in Wikidata: nothing worth a
    // line on the node.
    if (!strcmp(cls, OWL_NS "Thing") || !strcmp(cls, RDFS_NS "Resource") ||
        !strcmp(cls, WIKIBASE_NS "Item")) {
      return ENT_SUCCESS;
    }
    // A class the drawing has no shape for: said on the node.
    const char *kept = ent_pool_intern(&lg->strings, cls);
    if (!kept) {
      return ENT_ERR_NO_MEMORY;
    }
    return keep_literal(lg, (uint32_t)(n - lg->nodes), RDF_TYPE, kept);
  }
  if (known >= 2) {
    const size_t i = known - 2;
    // An entity of entente's (an official, a negotiation...), not the
    // plumbing entente's ontology also names (prov:Role individuals):
    // the ontology itself is somebody's vocabulary to draw.
    lg->entente_classes |= class_kinds[i].rank == 3;
    if (class_kinds[i].rank > n->kind_rank) {
      n->kind = class_kinds[i].kind;
      n->kind_rank = class_kinds[i].rank;
      n->class_iri = class_kinds[i].iri;
    }
  }
  return ENT_SUCCESS;
}

/// Most bytes of the lines kept for one node's tooltip beyond its label's
/// (the tooltip has its own limit), and for every node's together: the
/// lines are kept before the cap chooses the nodes drawn, and a million
/// nodes of many lines each would keep gigabytes.  Past either, a line is
/// counted, said as "+N more".
#define MAX_MORE_FACETS_LEN   4000
#define MAX_MORE_FACETS_TOTAL ((size_t)32 << 20)

/// The tooltip lines of node `n` (LGraph.more), made if it has none:
/// NULL if memory ran out.
static struct LMore *
more_of(LGraph *lg, const LNode *n)
{
  const uintptr_t at = (uintptr_t)ent_map_get(&lg->more_facets, n->iri);
  if (at) {
    return &lg->more[at - 1];
  }
  if (ent_grow(&lg->more, &lg->cap_more, lg->n_more, sizeof(*lg->more), 16)) {
    return NULL;
  }
  struct LMore *more = &lg->more[lg->n_more++];
  *more = (struct LMore){ { NULL, 0, 0 }, { NULL, 0, 0 }, 0 };
  return ent_map_put(&lg->more_facets, n->iri, (void *)(uintptr_t)lg->n_more)
           ? NULL
           : more;
}

/// The bytes line `text` adds to tooltip lines of `len` bytes (" · " is 4
/// before it, if there are any), or 0 where the limits of what tooltips
/// hold leave it out.
static size_t
more_fits(const LGraph *lg, size_t len, const char *text)
{
  const size_t add = strlen(text) + (len ? 4 : 0);
  return len + add <= MAX_MORE_FACETS_LEN &&
             lg->more_bytes + add <= MAX_MORE_FACETS_TOTAL
           ? add
           : 0;
}

/// Append line `text` to `lines`, within the limits of what tooltips hold
/// (else nothing: the caller counts it).  Whether it was.
static EntStatus
append_more(LGraph *lg, EntBuf *lines, const char *text, bool *kept)
{
  const size_t add = more_fits(lg, lines->len, text);
  *kept = add > 0;
  if (!*kept) {
    return ENT_SUCCESS;
  }
  EntStatus st = ENT_SUCCESS;
  if (lines->len) {
    TRY(st, ent_buf_append(lines, " \xC2\xB7 ", 4));
  }
  TRY(st, ent_buf_append(lines, text, strlen(text)));
  lg->more_bytes += add;
  return ENT_SUCCESS;
}

/// Keep `text`, a line node `n`'s label has no room for, for its tooltip.
/// Appended in place: each line is copied once.
static EntStatus
keep_more_facet(LGraph *lg, const LNode *n, const char *text)
{
  const uintptr_t at = (uintptr_t)ent_map_get(&lg->more_facets, n->iri);
  if (!more_fits(lg, at ? lg->more[at - 1].lines.len : 0, text)) {
    return ENT_SUCCESS; // counted in facets_left, said as "+N more"
  }
  struct LMore *more = more_of(lg, n);
  if (!more) {
    return ENT_ERR_NO_MEMORY;
  }
  bool kept = false;
  const EntStatus st = append_more(lg, &more->lines, text, &kept);
  more->count += kept;
  return st;
}

const char *
lgraph_page(const LGraph *lg, size_t node)
{
  return ent_map_get(&lg->pages, lg->nodes[node].iri);
}

const char *
lgraph_all_facets(const LGraph *lg, size_t node)
{
  const uintptr_t at =
    (uintptr_t)ent_map_get(&lg->more_facets, lg->nodes[node].iri);
  return at ? lg->more[at - 1].lines.buf : NULL;
}

/// What joins a facet to the one before it: " · ", but a space before
/// who said it ("2025-05-16 — Vladimir Medinsky", not "2025-05-16 · —").
static const char *
facet_joint(const char *next)
{
  return strncmp(next, "\xE2\x80\x94 ", 4) == 0 ? " " : " \xC2\xB7 ";
}

/// Add line `text` to node `n`'s label, where it has room, else to its
/// tooltip; `whole` (or NULL: `text`) is the line uncut, which the
/// tooltip and GraphML's details say (say_facets_left()).
static EntStatus
append_facet_line(LGraph *lg, LNode *n, const char *text, const char *whole)
{
  if (!text || !*text) {
    return ENT_SUCCESS;
  }
  EntBuf b = { NULL, 0, 0 };
  EntStatus st = ENT_SUCCESS;
  if (n->facets && strlen(n->facets) + strlen(text) > MAX_FACETS_LEN) {
    // Enough said on one node; how much more is said at the end
    // (say_facets_left()), and what, in its tooltip.
    if (n->facets_left < UINT16_MAX) {
      ++n->facets_left;
    }
    return keep_more_facet(lg, n, whole ? whole : text);
  }
  const uintptr_t at = (uintptr_t)ent_map_get(&lg->more_facets, n->iri);
  struct LMore *more = at ? &lg->more[at - 1] : NULL;
  if ((whole && strcmp(whole, text) != 0) || (more && more->whole.len)) {
    // A line cut on the node: its lines are kept uncut beside it, those
    // before it (uncut) included.
    bool kept = false;
    more = more ? more : more_of(lg, n);
    st = more ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    if (!st && !more->whole.len && n->facets) {
      st = append_more(lg, &more->whole, n->facets, &kept);
    }
    if (!st) {
      st = append_more(lg, &more->whole, whole ? whole : text, &kept);
    }
    TRY(st, st);
  }
  if (n->facets) {
    st = ent_buf_appendf(&b, "%s%s%s", n->facets, facet_joint(text), text);
  } else {
    st = ent_buf_append(&b, text, strlen(text));
  }
  if (!st) {
    n->facets = ent_pool_copy(&lg->strings, b.buf, b.len);
    st = n->facets ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  ent_buf_free(&b);
  return st;
}

static EntStatus
append_facet(LGraph *lg, LNode *n, const char *text)
{
  return append_facet_line(lg, n, text, NULL);
}

/// Subject `s` is related to node `o` by `pred` in `graph` (interned).
static EntStatus
add_object(LGraph *lg,
           uint32_t s,
           uint32_t o,
           LPredicate *pred,
           const char *graph)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, keep_claim(lg, s, o, graph, pred->iri, NULL));
  if (pred->role == PRED_COUNTRY) {
    lg->nodes[s].country = o;
  } else if (pred->role == PRED_PARENT) {
    lg->nodes[s].parent = o;
  }
  return add_edge(
    lg, s, o, pred->iri, pred->flags, predicate_label(lg, pred), graph);
}

EntStatus
lgraph_add_triple(void *handle, const Triple *t)
{
  LGraph *lg = handle;
  if (t->subject.type != NODE_IRI) {
    return ENT_SUCCESS;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st, lgraph_tick(lg));
  // A subject's statements come together: its node is looked up once.
  uint32_t s = lg->last_subject;
  if (!known_node(lg, &t->subject, &s) &&
      (s == ENT_NO_ENTITY || strcmp(lg->nodes[s].iri, t->subject.value) != 0)) {
    TRY(st, node_of(lg, &t->subject, false, &s));
  }
  lg->last_subject = s;
  lg->nodes[s].is_subject = true;
  LPredicate *pred = predicate_of(lg, t->predicate.value);
  if (!pred) {
    return ENT_ERR_NO_MEMORY;
  }
  const char *p = pred->iri;
  // ... and mostly from one graph.
  const char *graph = NULL;
  if (t->graph && lg->last_graph && !strcmp(lg->last_graph, t->graph)) {
    graph = lg->last_graph;
  } else if (t->graph) {
    graph = ent_pool_intern(&lg->graphs, t->graph);
    if (!graph) {
      return ENT_ERR_NO_MEMORY;
    }
    lg->last_graph = graph;
  }
  if (t->object.type == NODE_LITERAL) {
    TRY(st, keep_claim(lg, s, ENT_NO_ENTITY, graph, p, t->object.value));
    return take_literal(lg, &lg->nodes[s], pred, &t->object, graph);
  }
  if (pred->role == PRED_TYPE) {
    if (!strcmp(t->object.value, OWL_NS "FunctionalProperty") &&
        lg->nodes[s].iri) {
      TRY(st, ent_map_put(&lg->functional, lg->nodes[s].iri, &lg->functional));
    }
    // What each graph says the node is: a compare view's card line (in
    // somebody else's graph; entente's types are identity, card_worthy()).
    TRY(st, keep_claim(lg, s, ENT_NO_ENTITY, graph, p, t->object.value));
    return take_type(lg, &lg->nodes[s], t->object.value);
  }
  if (pred->role == PRED_UNDRAWN && !strcmp(p, SCHEMA_NS "url")) {
    // A page is no node of the graph's, but where the node is read: its
    // link (an article's, an offer's tickets), and in somebody else's
    // graph a line on it too (it was nowhere).
    const char *page_iri = t->object.value;
    if ((!strncmp(page_iri, "https://", 8) ||
         !strncmp(page_iri, "http://", 7)) &&
        !ent_map_get(&lg->pages, lg->nodes[s].iri)) {
      const char *page = ent_pool_intern(&lg->strings, t->object.value);
      if (!page) {
        return ENT_ERR_NO_MEMORY;
      }
      TRY(st,
          ent_map_put(&lg->pages, lg->nodes[s].iri, (void *)(uintptr_t)page));
    }
    TRY(st, keep_claim(lg, s, ENT_NO_ENTITY, graph, p, t->object.value));
    return keep_literal(lg, s, p, t->object.value);
  }
  if (pred->role == PRED_UNDRAWN) {
    if (lg->entente_classes || !(pred->flags & EDGE_PLUMBING)) {
      return ENT_SUCCESS;
    }
    lg->kept_plumbing = true;
  }
  lg->kept_inverse |= (pred->flags & EDGE_INVERSE) != 0;
  if (pred->role == PRED_CODE) {
    // GeoNames gives every feature its class and code as IRIs (gn:P, a
    // populated place; gn:P.PPLC, a capital): drawn as nodes, a handful of
    // them pulled every place of a gazetteer into a hub.  A line on the
    // node, as a literal is.
    const char *code = lgraph_short_name(lg, t->object.value);
    TRY(st, keep_claim(lg, s, ENT_NO_ENTITY, graph, p, code));
    return keep_literal(lg, s, p, code);
  }
  uint32_t o = 0;
  if (known_node(lg, &t->object, &o)) {
    return add_object(lg, s, o, pred, graph);
  }
  // A controlled value (ent:format-technical) is a fact about the node,
  // not a node of its own.
  const OntTerm *value = controlled_value(lg, t->object.value);
  if (value) {
    const char *text =
      value->label ? value->label : lgraph_short_name(lg, t->object.value);
    TRY(st, keep_claim(lg, s, ENT_NO_ENTITY, graph, p, text));
    // Shown on the node's label once every source's values are in (see
    // add_concept_facets()).
    TRY(st,
        ent_grow(&lg->concepts,
                 &lg->cap_concepts,
                 lg->n_concepts,
                 sizeof(LConcept),
                 64));
    const char *kept = ent_pool_intern(&lg->strings, text);
    if (!kept) {
      return ENT_ERR_NO_MEMORY;
    }
    lg->concepts[lg->n_concepts++] =
      (LConcept){ s, 0, graph, p, kept, value->iri };
    return ENT_SUCCESS;
  }
  TRY(st, node_of(lg, &t->object, true, &o));
  return add_object(lg, s, o, pred, graph);
}

// ---- Finishing: fold and de-duplicate -----------------------------------

typedef struct {
  uint32_t from;
  uint32_t to;
  uintptr_t predicate; ///< Interned: equal pointers, equal IRIs
  uint32_t index;
  uint16_t flags; ///< The edge's (LEdge.flags)
} PairKey;

/// By the two ends, then by predicate (in an order of no meaning: only
/// the runs of one predicate matter), then in the order edges were added.
static int
by_pair(const void *a, const void *b)
{
  const PairKey *x = a;
  const PairKey *y = b;
  if (x->from != y->from) {
    return x->from < y->from ? -1 : 1;
  }
  if (x->to != y->to) {
    return x->to < y->to ? -1 : 1;
  }
  if (x->predicate != y->predicate) {
    return x->predicate < y->predicate ? -1 : 1;
  }
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
by_address(const void *a, const void *b)
{
  const uintptr_t x = *(const uintptr_t *)a;
  const uintptr_t y = *(const uintptr_t *)b;
  return x < y ? -1 : x > y;
}

/// The distinct values of `graphs[0..n)` (graphs, interned: one pointer,
/// one graph), sorted, moved to its front; returns how many.  The same
/// statement twice in one graph (N-Quads files concatenated) is one
/// source, not two.
static uint32_t
distinct_graphs(uintptr_t *graphs, size_t n)
{
  if (n < 2) {
    return (uint32_t)n; // and `graphs` may be NULL, which qsort() may not
  }
  qsort(graphs, n, sizeof(*graphs), by_address);
  uint32_t distinct = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i == 0 || graphs[i] != graphs[i - 1]) {
      graphs[distinct++] = graphs[i];
    }
  }
  return distinct;
}

/// A growing list of graphs.
typedef struct {
  uintptr_t *items;
  size_t n;
  size_t cap;
} Graphs;

/// Room for `need` graphs in `*items`, which has room for `*cap`.
static EntStatus
reserve_graphs(uintptr_t **items, size_t *cap, size_t need)
{
  EntStatus st = ENT_SUCCESS;
  while (need > *cap) {
    TRY(st, ent_grow(items, cap, *cap, sizeof(uintptr_t), 16));
  }
  return *items ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
}

/// Room for `more` graphs in `g`.
static EntStatus
graphs_reserve(Graphs *g, size_t more)
{
  return reserve_graphs(&g->items, &g->cap, g->n + more);
}

/// Scratch for count_graphs(): the graphs of a run, and what the last run
/// counted was made of, with its count.  The members of one list in
/// several copies make a run each, of the same copies: counted once, not
/// once a member (members × copies × graphs).
typedef struct {
  Graphs graphs;
  Graphs parts;      ///< This run's: its edges' sets and own graphs
  Graphs last_parts; ///< The last counted run's
  Graphs hidden;     ///< The graphs that are hidden nodes (the corpus's)
  bool hidden_known; ///< `hidden` is filled
  uint32_t last_count;
} GraphCount;

static void
graph_count_free(GraphCount *gc)
{
  free(gc->graphs.items);
  free(gc->parts.items);
  free(gc->last_parts.items);
  free(gc->hidden.items);
}

/// The graphs whose node is hidden (entente's corpus graph, which says
/// what an entity is, not what a source reports), found once: a graph is
/// looked up in the node index once, not once a relation.
static EntStatus
hidden_graphs(const LGraph *lg, GraphCount *gc)
{
  gc->hidden_known = true;
  const EntMap *names = &lg->graphs.interned;
  for (size_t i = 0; i < names->size; ++i) {
    if (!names->tags[i]) {
      continue;
    }
    const char *graph = names->slots[i].key;
    const uint32_t node = find_node(lg, graph);
    if (node != ENT_NO_ENTITY && lg->nodes[node].kind == KIND_HIDDEN) {
      EntStatus st = ENT_SUCCESS;
      TRY(st, graphs_reserve(&gc->hidden, 1));
      gc->hidden.items[gc->hidden.n++] = (uintptr_t)graph;
    }
  }
  return ENT_SUCCESS;
}

/// The set of graphs made edge `edge` stands for, or NULL (an edge of the
/// input, or one made for a single graph).
static const LGraphSet *
graph_set_of(const LGraph *lg, uint32_t edge)
{
  size_t lo = 0;
  size_t hi = lg->n_graph_sets;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (lg->graph_sets[mid].edge < edge) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < lg->n_graph_sets && lg->graph_sets[lo].edge == edge
           ? &lg->graph_sets[lo]
           : NULL;
}

/// Add the graphs edge `edge` stands for (its set's, or its own) to `out`.
static EntStatus
add_graphs_of(const LGraph *lg, uint32_t edge, Graphs *out)
{
  const LGraphSet *set = graph_set_of(lg, edge);
  const uintptr_t own = (uintptr_t)lg->edges[edge].graph;
  const size_t more = set ? set->count : own ? 1 : 0;
  if (!more) {
    return ENT_SUCCESS; // the default graph: no source to count
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st, graphs_reserve(out, more));
  if (set) {
    memcpy(out->items + out->n,
           lg->graph_list + set->first,
           set->count * sizeof(uintptr_t));
  } else {
    out->items[out->n] = own;
  }
  out->n += more;
  return ENT_SUCCESS;
}

/// Made edge `edge` (the last one added) stands for the distinct graphs
/// `graphs[0..n)`: its count of sources, and, past one, its set.  `*first`
/// is where the list of a previous edge of the same graphs begins in
/// LGraph.graph_list (UINT32_MAX: not kept yet), so that a list's
/// members share one copy.
static EntStatus
give_graphs(LGraph *lg,
            uint32_t edge,
            const uintptr_t *graphs,
            uint32_t n,
            uint32_t *first)
{
  lg->edges[edge].n_graphs = n;
  if (n == 1) {
    // Its one graph, which the edge it was made from may not have been in
    // (the first to name a list can be the default graph).
    lg->edges[edge].graph = (const char *)graphs[0];
  }
  if (n < 2) {
    return ENT_SUCCESS;
  }
  EntStatus st = ENT_SUCCESS;
  if (*first == UINT32_MAX) {
    if (lg->n_graph_list + n > UINT32_MAX) {
      return ENT_ERR_NO_MEMORY;
    }
    TRY(st,
        reserve_graphs(
          &lg->graph_list, &lg->cap_graph_list, lg->n_graph_list + n));
    memcpy(lg->graph_list + lg->n_graph_list, graphs, n * sizeof(uintptr_t));
    *first = (uint32_t)lg->n_graph_list;
    lg->n_graph_list += n;
  }
  TRY(st,
      ent_grow(&lg->graph_sets,
               &lg->cap_graph_sets,
               lg->n_graph_sets,
               sizeof(LGraphSet),
               16));
  lg->graph_sets[lg->n_graph_sets++] = (LGraphSet){ edge, *first, n };
  return ENT_SUCCESS;
}

/// How many distinct named graphs state the edges `keys[start..end)`
/// (one relation), counting the graphs each made edge stands for.
static EntStatus
count_graphs(const LGraph *lg,
             const PairKey *keys,
             size_t start,
             size_t end,
             GraphCount *gc,
             uint32_t *count)
{
  // What the run is made of: a set by the address of its list, an edge's
  // own graph by its own (addresses of different objects: never equal).
  Graphs *parts = &gc->parts;
  parts->n = 0;
  EntStatus st = ENT_SUCCESS;
  TRY(st, graphs_reserve(parts, end - start));
  for (size_t i = start; i < end; ++i) {
    const LGraphSet *set = graph_set_of(lg, keys[i].index);
    const uintptr_t own = (uintptr_t)lg->edges[keys[i].index].graph;
    if (set || own) {
      parts->items[parts->n++] =
        set ? (uintptr_t)(lg->graph_list + set->first) : own;
    }
  }
  parts->n = distinct_graphs(parts->items, parts->n);
  if (gc->last_parts.items && parts->n == gc->last_parts.n &&
      (!parts->n || !memcmp(parts->items,
                            gc->last_parts.items,
                            parts->n * sizeof(uintptr_t)))) {
    *count = gc->last_count;
    return ENT_SUCCESS;
  }
  gc->graphs.n = 0;
  for (size_t i = start; i < end; ++i) {
    TRY(st, add_graphs_of(lg, keys[i].index, &gc->graphs));
  }
  *count = distinct_graphs(gc->graphs.items, gc->graphs.n);
  // The corpus graph (entente's registry, a hidden node) says what an
  // entity is, not what a source reports: no source of its own.  A graph
  // that is no node (somebody else's N-Quads) is a source all the same.
  if (!gc->hidden_known) {
    TRY(st, hidden_graphs(lg, gc));
  }
  for (uint32_t k = 0, n = *count; k < n; ++k) {
    for (size_t h = 0; h < gc->hidden.n; ++h) {
      *count -= gc->graphs.items[k] == gc->hidden.items[h];
    }
  }
  const Graphs last = gc->last_parts;
  gc->last_parts = *parts;
  *parts = last;
  gc->last_count = *count;
  return ENT_SUCCESS;
}

/// Whether an edge of flags `flags` may make another between the same
/// nodes redundant (says_more()): a head, or a property with
/// super-properties, stated with its own predicate (a list's or a
/// restriction's members are keyed by their labels).
static bool
may_say_more(uint16_t flags)
{
  return (flags & (EDGE_HEAD | EDGE_HAS_SUPERS)) &&
         !(flags & (EDGE_LIST_ITEM | EDGE_RESTRICTION));
}

/// Whether `q` is a sub-property of `p` in known_sub_properties.
static bool
known_sub_property(const char *q, const char *p)
{
  for (size_t i = 0;
       i < sizeof(known_sub_properties) / sizeof(*known_sub_properties);
       ++i) {
    if (!strcmp(q, known_sub_properties[i].sub) &&
        !strcmp(p, known_sub_properties[i].super)) {
      return true;
    }
  }
  return false;
}

/// Whether an edge of predicate `q` (EDGE_ flags `q_flags`) between two
/// nodes makes an edge of predicate `p` (flags `p_flags`) between them
/// redundant: a head is a member, and a property says more than its
/// super-properties.  Interned predicates: equal pointers, equal IRIs.
static bool
says_more(const LGraph *lg,
          const char *q,
          uint16_t q_flags,
          const char *p,
          uint16_t p_flags)
{
  return q != p && may_say_more(q_flags) &&
         (((q_flags & EDGE_HEAD) && (p_flags & EDGE_MEMBER)) ||
          ((q_flags & EDGE_HAS_SUPERS) &&
           (ont_is_subclass(lg->ontology, q, p) || known_sub_property(q, p))));
}

/// The edges between two nodes, `keys[start..end)`, in runs of one
/// predicate; decide which are dropped (see drop_redundant_edges()).
/// `subs` has room for one an edge; `graphs` is scratch.  An edge is read
/// only when it is dropped or has a twin: the keys say the rest.
static EntStatus
drop_in_pair(LGraph *lg,
             const PairKey *keys,
             size_t start,
             size_t end,
             size_t *subs,
             GraphCount *graphs)
{
  if (end - start < 2) {
    return ENT_SUCCESS; // one edge alone is never redundant
  }
  // Decided on the original set, so that dropping one edge never keeps
  // another alive: a head is a member too ("head of" says both), and an
  // edge whose predicate has a more specific one beside it says less.
  // Only a head or a predicate with super-properties can say more: the
  // pairs compared are bounded by the ontology, not by the input.
  size_t n_subs = 0;
  uint32_t count = 0;
  for (size_t i = start; i < end; ++i) {
    if ((i == start || keys[i].predicate != keys[i - 1].predicate) &&
        may_say_more(keys[i].flags)) {
      subs[n_subs++] = i;
    }
  }
  for (size_t run = start; run < end;) {
    size_t run_end = run + 1;
    while (run_end < end && keys[run_end].predicate == keys[run].predicate) {
      ++run_end;
    }
    bool drop = false;
    for (size_t k = 0; k < n_subs && !drop; ++k) {
      drop = says_more(lg,
                       (const char *)keys[subs[k]].predicate,
                       keys[subs[k]].flags,
                       (const char *)keys[run].predicate,
                       keys[run].flags);
    }
    // Of one predicate, the first edge is kept; the same relation stated
    // in several graphs is drawn once, with the number of graphs (sources)
    // that state it.
    LEdge *first = &lg->edges[keys[run].index];
    if (drop) {
      first->dropped = true;
    }
    for (size_t i = run + 1; i < run_end; ++i) {
      lg->edges[keys[i].index].dropped = true;
    }
    if (!first->dropped && run_end - run > 1) {
      EntStatus st = count_graphs(lg, keys, run, run_end, graphs, &count);
      if (st) {
        return st;
      }
      first->n_graphs = count;
    }
    run = run_end;
  }
  return ENT_SUCCESS;
}

/// Drop an edge whose predicate is a super-property of another edge's
/// between the same nodes (org:holds beside ent:holdsPost), and exact
/// duplicates, keeping the most specific.  The edges are put in order of
/// their first end by a counting sort (4 bytes an edge); only the edges
/// of one node are sorted by key, then each pair of nodes and each
/// predicate between them is looked at once.  (One sort of every edge's
/// 24-byte key, and glibc's copy of them for its merge sort, took 238 MB
/// of fresh memory at 10M statements.)
static EntStatus
drop_redundant_edges(LGraph *lg)
{
  if (lg->n_edges < 2) {
    return ENT_SUCCESS;
  }
  if (lg->n_edges > UINT32_MAX) {
    return ENT_ERR_NO_MEMORY;
  }
  uint32_t *first = calloc(lg->n_nodes + 2, sizeof(uint32_t));
  uint32_t *order = malloc(lg->n_edges * sizeof(uint32_t));
  if (!first || !order) {
    free(first);
    free(order);
    return ENT_ERR_NO_MEMORY;
  }
  ent_advise_large(order, lg->n_edges * sizeof(uint32_t));
  // Counted at first[v + 2], then placed from first[v + 1] on, which
  // leaves the edges from node v at order[first[v] .. first[v + 1]), in
  // the order they were added.
  for (size_t i = 0; i < lg->n_edges; ++i) {
    ++first[lg->edges[i].from + 2];
  }
  size_t most = 0;
  for (size_t v = 2; v < lg->n_nodes + 2; ++v) {
    most = first[v] > most ? first[v] : most;
    first[v] += first[v - 1];
  }
  for (size_t i = 0; i < lg->n_edges; ++i) {
    order[first[lg->edges[i].from + 1]++] = (uint32_t)i;
  }
  PairKey *keys = malloc((most + 1) * sizeof(PairKey));
  size_t *subs = malloc((most + 1) * sizeof(size_t));
  GraphCount graphs;
  memset(&graphs, 0, sizeof(graphs));
  EntStatus st = keys && subs ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  for (size_t v = 0; v < lg->n_nodes && !st; ++v) {
    const size_t begin = first[v];
    const size_t n = first[v + 1] - begin;
    if (n < 2) {
      continue; // one edge alone is never redundant
    }
    size_t n_live = 0;
    for (size_t k = 0; k < n; ++k) {
      const uint32_t i = order[begin + k];
      const LEdge *e = &lg->edges[i];
      if (e->dropped) {
        continue; // folded away (fold_lists())
      }
      // A list's members are told apart by their place ("ex:p 1/2"): their
      // labels are interned with their predicate's IRI (fold_list()); a
      // restriction's edges by what they say ("ex:p some", "ex:p only"),
      // labels with a space, which no IRI has.
      const char *key = (e->flags & (EDGE_LIST_ITEM | EDGE_RESTRICTION))
                          ? e->label
                          : e->predicate;
      keys[n_live++] = (PairKey){ e->from, e->to, (uintptr_t)key, i, e->flags };
    }
    qsort(keys, n_live, sizeof(PairKey), by_pair);
    for (size_t start = 0; start < n_live && !st;) {
      size_t end = start + 1;
      while (end < n_live && keys[end].to == keys[start].to) {
        ++end;
      }
      st = drop_in_pair(lg, keys, start, end, subs, &graphs);
      start = end;
      st = st ? st : lgraph_tick(lg);
    }
  }
  free(first);
  free(order);
  free(keys);
  free(subs);
  graph_count_free(&graphs);
  return st;
}

uint32_t
lgraph_container(const LGraph *lg, uint32_t v, bool in_view_only)
{
  const LNode *n = &lg->nodes[v];
  const uint32_t country =
    n->country != ENT_NO_ENTITY && lg->nodes[n->country].kind == KIND_COUNTRY
      ? n->country
      : ENT_NO_ENTITY;
  if (n->kind == KIND_OFFICIAL) {
    return country;
  }
  if (n->kind != KIND_INSTITUTION) {
    return ENT_NO_ENTITY;
  }
  const uint32_t parent = n->parent;
  return parent != ENT_NO_ENTITY && parent != v &&
             (!in_view_only || lg->nodes[parent].in_view) &&
             lg->nodes[parent].kind == KIND_INSTITUTION
           ? parent
           : country;
}

/// How deep each node's cluster stands: `level` 1 for one at the top (a
/// country, an institution in none), its container's + 1 below; `shown`,
/// the deepest container of the node that has a cluster of its own
/// (draw.c nests MAX_CLUSTER_DEPTH deep, the rest inside the deepest).
typedef struct {
  uint32_t *level;
  uint32_t *shown;
} Nesting;

#define LEVEL_WALKING UINT32_MAX

/// Nesting of every node (nest_free() it).  A cycle of parents (A
/// subOrganizationOf B, B subOrganizationOf A) is broken where it closes:
/// that node's parent is forgotten, so that clusters nest and the edge
/// that closed it is drawn instead of drawing frames inside frames.
static EntStatus
nest(LGraph *lg, Nesting *out)
{
  out->level = calloc(lg->n_nodes + 1, sizeof(uint32_t));
  out->shown = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  uint32_t *stack = NULL;
  size_t cap = 0;
  EntStatus st = out->level && out->shown ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  for (uint32_t v = 0; v < lg->n_nodes && !st; ++v) {
    size_t n = 0;
    uint32_t x = v;
    uint32_t base = 0; // the level above the walk's top
    while (!st && x != ENT_NO_ENTITY && !out->level[x]) {
      st = ent_grow(&stack, &cap, n, sizeof(uint32_t), 16);
      if (!st) {
        stack[n++] = x;
        out->level[x] = LEVEL_WALKING;
        x = lgraph_container(lg, x, false);
      }
      if (!st && x != ENT_NO_ENTITY && out->level[x] == LEVEL_WALKING) {
        // The last node walked leads back into the walk: its parent goes,
        // and it is walked again from its country.
        const uint32_t last = stack[--n];
        lg->nodes[last].parent = ENT_NO_ENTITY;
        out->level[last] = 0;
        x = last;
      }
    }
    if (x != ENT_NO_ENTITY) {
      base = out->level[x];
    }
    while (n) {
      const uint32_t y = stack[--n];
      const uint32_t c = lgraph_container(lg, y, false);
      out->level[y] = ++base;
      out->shown[y] = c == ENT_NO_ENTITY || out->level[c] <= MAX_CLUSTER_DEPTH
                        ? c
                        : out->shown[c];
    }
  }
  free(stack);
  return st;
}

static void
nest_free(Nesting *nesting)
{
  free(nesting->level);
  free(nesting->shown);
}

/// Whether the clusters node `v` is drawn in say that it belongs to `to`
/// (before a view is chosen: whether a parent is in view is not known;
/// out of view, a parent takes no frame, and fewer frames nest).
static bool
cluster_says(const LGraph *lg, const Nesting *nesting, uint32_t v, uint32_t to)
{
  if (nesting->level[to] > MAX_CLUSTER_DEPTH) {
    return false; // no frame of its own: drawn inside its deepest one
  }
  // The frames v is drawn in, innermost first: at most as deep as
  // draw.c nests them.
  for (v = nesting->shown[v]; v != ENT_NO_ENTITY;
       v = lgraph_container(lg, v, false)) {
    if (v == to) {
      return true;
    }
    if (nesting->level[v] <= nesting->level[to]) {
      return false;
    }
  }
  return false;
}

/// `x` against the ends and predicate of an edge, as by_pair() orders.
static int
pair_order(const PairKey *x, uint32_t from, uint32_t to, uintptr_t predicate)
{
  if (x->from != from) {
    return x->from < from ? -1 : 1;
  }
  if (x->to != to) {
    return x->to < to ? -1 : 1;
  }
  return x->predicate < predicate ? -1 : x->predicate > predicate;
}

/// What predicate `iri` means, if a statement used it; else NULL.
static LPredicate *
used_predicate(const LGraph *lg, const char *iri)
{
  const uintptr_t known = (uintptr_t)ent_map_get(&lg->predicates, iri);
  return known ? &lg->predicate[known - 1] : NULL;
}

/// The interned IRI of predicate `iri` if a statement used it, or NULL.
static const char *
used_iri(const LGraph *lg, const char *iri)
{
  const LPredicate *p = used_predicate(lg, iri);
  return p ? p->iri : NULL;
}

/// The IRI of the property drawn for `inverse`, the second of a pair of
/// inverse_predicates or of a declared pair: interned if the graph uses
/// it (equal pointers, equal IRIs), else the table's; NULL if `inverse`
/// is in no pair.
static const char *
drawn_for_inverse(const LGraph *lg, const char *inverse)
{
  const char *declared = ent_map_get(&lg->declared_inverses, inverse);
  if (declared) {
    return declared;
  }
  for (size_t i = 0;
       i < sizeof(inverse_predicates) / sizeof(*inverse_predicates);
       ++i) {
    if (!strcmp(inverse, inverse_predicates[i].inverse)) {
      const uintptr_t k =
        (uintptr_t)ent_map_get(&lg->predicates, inverse_predicates[i].drawn);
      return k ? lg->predicate[k - 1].iri : inverse_predicates[i].drawn;
    }
  }
  return NULL;
}

/// Pairs of inverse properties the graph declares itself (ex:employs
/// owl:inverseOf ex:worksFor), besides inverse_predicates: the subject's
/// edges are drawn, the object's dropped where they say the same.  A
/// property already in a pair keeps it (A owl:inverseOf B and B
/// owl:inverseOf A are one pair), and the table's pairs stand.  The edges
/// of both get their EDGE_ flags.
static EntStatus
declare_inverses(LGraph *lg)
{
  const char *inverse_of = used_iri(lg, OWL_NS "inverseOf");
  if (!inverse_of) {
    return ENT_SUCCESS;
  }
  EntMap roles; // Predicate IRI -> its EDGE_ flag
  ent_map_init(&roles);
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < lg->n_edges && !st; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->predicate != inverse_of || e->dropped) {
      continue;
    }
    const LPredicate *drawn = used_predicate(lg, lg->nodes[e->from].iri);
    const LPredicate *inverse = used_predicate(lg, lg->nodes[e->to].iri);
    if (!drawn || !inverse || drawn->iri == inverse->iri ||
        ((drawn->flags | inverse->flags) & (EDGE_INVERSE | EDGE_HAS_INVERSE)) ||
        ent_map_get(&roles, drawn->iri) || ent_map_get(&roles, inverse->iri)) {
      continue;
    }
    st = ent_map_put(&roles, drawn->iri, (void *)(uintptr_t)EDGE_HAS_INVERSE);
    st = st
           ? st
           : ent_map_put(&roles, inverse->iri, (void *)(uintptr_t)EDGE_INVERSE);
    st = st ? st
            : ent_map_put(&lg->declared_inverses,
                          inverse->iri,
                          (void *)(uintptr_t)drawn->iri);
  }
  for (size_t i = 0; roles.count && i < lg->n_edges && !st; ++i) {
    LEdge *e = &lg->edges[i];
    const uintptr_t role = (uintptr_t)ent_map_get(&roles, e->predicate);
    e->flags |= (uint16_t)role;
    lg->kept_inverse |= role == EDGE_INVERSE;
    st = lgraph_tick(lg);
  }
  ent_map_clear(&roles);
  return st;
}

/// An inverse stated between two nodes with no edge of the property
/// drawn for it there (drop_inverse_edges()): keys[start..end).
typedef struct {
  uint32_t from;
  uint32_t to;
  uintptr_t drawn; ///< The drawn property's IRI (drawn_for_inverse())
  size_t start;
  size_t end;
} LoneInverse;

static int
lone_order(const void *key, const void *item)
{
  const PairKey *k = key;
  const LoneInverse *l = item;
  if (k->from != l->from) {
    return k->from < l->from ? -1 : 1;
  }
  return k->to < l->to ? -1 : k->to > l->to;
}

/// Drop the inverses in `lone[0..n)` that a more specific edge between the
/// same nodes makes redundant (`A org:headOf B` beside `B org:hasMember A`,
/// with no `A org:memberOf B` to take the inverse with it): one pass over
/// the edges, each looked up among the pairs of nodes.
static EntStatus
drop_lone_inverses(LGraph *lg,
                   const PairKey *keys,
                   const LoneInverse *lone,
                   size_t n)
{
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < lg->n_edges && !st; ++i) {
    const LEdge *q = &lg->edges[i];
    if (q->dropped || !may_say_more(q->flags)) {
      continue;
    }
    const PairKey at = { q->from, q->to, 0, 0, 0 };
    const LoneInverse *hit = bsearch(&at, lone, n, sizeof(*lone), lone_order);
    // bsearch() finds one of the pair's properties: back to the first.
    while (hit && hit > lone && !lone_order(&at, hit - 1)) {
      --hit;
    }
    for (; hit && hit < lone + n && !lone_order(&at, hit); ++hit) {
      const char *p = (const char *)hit->drawn;
      if (says_more(lg, q->predicate, q->flags, p, edge_flags(lg, p))) {
        for (size_t k = hit->start; k < hit->end; ++k) {
          lg->edges[keys[k].index].dropped = true;
        }
      }
    }
    st = lgraph_tick(lg);
  }
  return st;
}

/// The first of `keys[0..n)` (sorted by by_pair()) from `from` to `to`.
static size_t
first_pair(const PairKey *keys, size_t n, uint32_t from, uint32_t to)
{
  size_t lo = 0;
  size_t hi = n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (keys[mid].from < from ||
        (keys[mid].from == from && keys[mid].to < to)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/// The end of the run of `keys[start..n)` (sorted by by_pair()) with the
/// ends and predicate of `keys[start]`.
static size_t
pair_run_end(const PairKey *keys, size_t start, size_t n)
{
  size_t end = start + 1;
  while (end < n && !pair_order(&keys[end],
                                keys[start].from,
                                keys[start].to,
                                keys[start].predicate)) {
    ++end;
  }
  return end;
}

/// "A skos:related B" beside "B skos:related A" (symmetric_predicates):
/// one edge, the first drawn, counting the graphs of every statement of
/// it either way (those drop_in_pair() left out as duplicates too).
static EntStatus
drop_symmetric_twins(LGraph *lg)
{
  size_t n = 0;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    n += (lg->edges[i].flags & EDGE_SYMMETRIC) != 0;
  }
  if (n < 2) {
    return ENT_SUCCESS;
  }
  PairKey *keys = malloc(n * sizeof(PairKey));
  if (!keys) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t k = 0;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->flags & EDGE_SYMMETRIC) {
      const uint32_t a = e->from < e->to ? e->from : e->to;
      const uint32_t b = e->from < e->to ? e->to : e->from;
      keys[k++] =
        (PairKey){ a, b, (uintptr_t)e->predicate, (uint32_t)i, e->flags };
    }
  }
  qsort(keys, k, sizeof(PairKey), by_pair);
  GraphCount graphs;
  memset(&graphs, 0, sizeof(graphs));
  EntStatus st = ENT_SUCCESS;
  for (size_t start = 0; start < k && !st;) {
    const size_t end = pair_run_end(keys, start, k);
    LEdge *drawn = NULL;
    bool both_ways = false;
    for (size_t i = start; i < end; ++i) {
      LEdge *e = &lg->edges[keys[i].index];
      both_ways |= e->from != lg->edges[keys[start].index].from;
      if (!e->dropped && !drawn) {
        drawn = e;
      } else if (!e->dropped) {
        e->dropped = true;
      }
    }
    if (drawn && both_ways) {
      uint32_t count = 0;
      st = count_graphs(lg, keys, start, end, &graphs, &count);
      drawn->n_graphs = st ? drawn->n_graphs : count;
    }
    start = end;
  }
  free(keys);
  graph_count_free(&graphs);
  return st;
}

/// In somebody else's thesaurus every concept says skos:inScheme, and 130
/// edges into the scheme hid its shape: a concept with a broader one in
/// the same scheme (stated by skos:inScheme or skos:topConceptOf) is in it
/// through that one, and its own edge to the scheme is not drawn.  Each
/// step up says the same of the next, up to a top concept, whose edge is.
static EntStatus
drop_in_scheme_below(LGraph *lg)
{
  const char *in_scheme = used_iri(lg, SKOS_NS "inScheme");
  if (lg->entente_classes || !in_scheme) {
    return ENT_SUCCESS;
  }
  const char *top_of = used_iri(lg, SKOS_NS "topConceptOf");
  const char *broader = used_iri(lg, SKOS_NS "broader");
  const char *narrower = used_iri(lg, SKOS_NS "narrower");
  // (narrower, broader) and (concept, scheme) pairs, each sorted by
  // by_pair() and looked up with first_pair().
  size_t n_up = 0;
  size_t n_in = 0;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const char *p = lg->edges[i].predicate;
    n_up += p == broader || p == narrower;
    n_in += p == in_scheme || p == top_of;
  }
  if (!n_up) {
    return ENT_SUCCESS;
  }
  PairKey *up = malloc(n_up * sizeof(PairKey));
  PairKey *in = malloc((n_in + 1) * sizeof(PairKey)); // none: not NULL
  if (!up || !in) {
    free(up);
    free(in);
    return ENT_ERR_NO_MEMORY;
  }
  n_up = 0;
  n_in = 0;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->from == e->to) {
      continue;
    }
    if (e->predicate == broader || e->predicate == narrower) {
      const bool down = e->predicate == narrower;
      up[n_up++] = (PairKey){
        down ? e->to : e->from, down ? e->from : e->to, 0, (uint32_t)i, 0
      };
    } else if (e->predicate == in_scheme || e->predicate == top_of) {
      in[n_in++] = (PairKey){ e->from, e->to, 0, (uint32_t)i, 0 };
    }
  }
  qsort(up, n_up, sizeof(PairKey), by_pair);
  qsort(in, n_in, sizeof(PairKey), by_pair);
  for (size_t i = 0; i < lg->n_edges; ++i) {
    LEdge *e = &lg->edges[i];
    if (e->predicate != in_scheme || e->dropped) {
      continue;
    }
    for (size_t j = first_pair(up, n_up, e->from, 0);
         j < n_up && up[j].from == e->from && !e->dropped;
         ++j) {
      const size_t m = first_pair(in, n_in, up[j].to, e->to);
      e->dropped = m < n_in && in[m].from == up[j].to && in[m].to == e->to;
    }
  }
  free(up);
  free(in);
  return ENT_SUCCESS;
}

/// Where a graph states both directions of a pair of inverse_predicates
/// between two nodes ("A skos:broader B" and "B skos:narrower A": one
/// fact), only the first one's edge is drawn; a taxonomy drawn with both
/// has two arrows between every concept and its parent.  The drawn edge
/// then counts as its sources every graph that states the fact either
/// way.  Where the drawn property's edge is left out as redundant, or
/// would be (drop_in_pair(): beside a head, or a sub-property), so is the
/// inverse.  Every edge of either property is keyed in the drawn
/// direction (the inverse's ends swapped) and sorted once: no edge reads
/// a node's edges.
static EntStatus
drop_inverse_edges(LGraph *lg)
{
  if (!lg->kept_inverse) {
    return ENT_SUCCESS;
  }
  // A dropped edge takes part too: beside a drawn edge it is one of its
  // duplicates (drop_in_pair() drops a predicate's edges between two
  // nodes all or all but the first), whose graph is a source.
  size_t n = 0;
  bool specific = false; // an edge that may make another redundant
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    if (!(e->flags & (EDGE_LIST_ITEM | EDGE_RESTRICTION))) {
      n += (e->flags & (EDGE_HAS_INVERSE | EDGE_INVERSE)) != 0;
      specific |= !e->dropped && may_say_more(e->flags);
    }
  }
  if (!n) {
    return ENT_SUCCESS;
  }
  PairKey *keys = malloc(n * sizeof(PairKey));
  if (!keys) {
    return ENT_ERR_NO_MEMORY;
  }
  GraphCount graphs;
  memset(&graphs, 0, sizeof(graphs));
  size_t k = 0;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->flags & (EDGE_LIST_ITEM | EDGE_RESTRICTION)) {
      continue; // keyed by their labels, not their predicates
    }
    if (e->flags & EDGE_HAS_INVERSE) {
      keys[k++] = (PairKey){
        e->from, e->to, (uintptr_t)e->predicate, (uint32_t)i, e->flags
      };
    } else if (e->flags & EDGE_INVERSE) {
      const char *drawn = drawn_for_inverse(lg, e->predicate);
      if (drawn) {
        keys[k++] =
          (PairKey){ e->to, e->from, (uintptr_t)drawn, (uint32_t)i, e->flags };
      }
    }
  }
  qsort(keys, k, sizeof(PairKey), by_pair);
  LoneInverse *lone = NULL;
  size_t n_lone = 0;
  size_t cap_lone = 0;
  EntStatus st = ENT_SUCCESS;
  for (size_t start = 0; start < k && !st;) {
    const size_t end = pair_run_end(keys, start, k);
    LEdge *drawn = NULL;
    bool stated = false; // the drawn property's edge, drawn or left out
    bool inverse = false;
    for (size_t i = start; i < end; ++i) {
      LEdge *e = &lg->edges[keys[i].index];
      if (keys[i].flags & EDGE_HAS_INVERSE) {
        stated = true;
        drawn = drawn ? drawn : (e->dropped ? NULL : e);
      } else {
        inverse = true;
      }
    }
    // Left out, the drawn property's edge was redundant (org:memberOf
    // beside org:headOf, drop_in_pair()): so is the same fact stated the
    // other way round.
    if (stated && inverse) {
      for (size_t i = start; i < end; ++i) {
        if (keys[i].flags & EDGE_INVERSE) {
          lg->edges[keys[i].index].dropped = true;
        }
      }
    }
    if (drawn && inverse) {
      uint32_t count = 0;
      st = count_graphs(lg, keys, start, end, &graphs, &count);
      drawn->n_graphs = st ? drawn->n_graphs : count;
    } else if (inverse && !stated && specific) {
      st = ent_grow(&lone, &cap_lone, n_lone, sizeof(*lone), 16);
      if (!st) {
        lone[n_lone++] = (LoneInverse){
          keys[start].from, keys[start].to, keys[start].predicate, start, end
        };
      }
    }
    start = end;
    st = st ? st : lgraph_tick(lg);
  }
  if (!st && n_lone) {
    st = drop_lone_inverses(lg, keys, lone, n_lone);
  }
  free(lone);
  free(keys);
  graph_count_free(&graphs);
  return st;
}

/// Each node's kind, in an array of its own (a byte a node stays cached
/// where the nodes do not): the caller frees it.
static uint8_t *
node_kinds(const LGraph *lg)
{
  uint8_t *kind = malloc(lg->n_nodes + 1);
  if (kind) {
    for (size_t i = 0; i < lg->n_nodes; ++i) {
      kind[i] = (uint8_t)lg->nodes[i].kind;
    }
  }
  return kind;
}

/// Every edge of each node, both ends: adjacency[first[i]..first[i + 1]);
/// with `kind` (node_kinds()), only of the nodes whose kind's bit
/// (1 << kind) is in `kinds`, the others having none.
static EntStatus
build_adjacency(LGraph *lg, const uint8_t *kind, uint32_t kinds)
{
  free(lg->adjacency);
  free(lg->first);
  lg->first = calloc(lg->n_nodes + 2, sizeof(size_t));
  lg->adjacency = malloc((2 * lg->n_edges + 1) * sizeof(uint32_t));
  if (!lg->first || !lg->adjacency) {
    return ENT_ERR_NO_MEMORY;
  }
  ent_advise_large(lg->first, (lg->n_nodes + 2) * sizeof(size_t));
  ent_advise_large(lg->adjacency, (2 * lg->n_edges + 1) * sizeof(uint32_t));
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const uint32_t from = lg->edges[i].from;
    const uint32_t to = lg->edges[i].to;
    if (!kind || (kinds >> kind[from] & 1U)) {
      ++lg->first[from + 2];
    }
    if (to != from && (!kind || (kinds >> kind[to] & 1U))) {
      ++lg->first[to + 2];
    }
  }
  for (size_t i = 2; i < lg->n_nodes + 2; ++i) {
    lg->first[i] += lg->first[i - 1];
  }
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const uint32_t from = lg->edges[i].from;
    const uint32_t to = lg->edges[i].to;
    if (!kind || (kinds >> kind[from] & 1U)) {
      lg->adjacency[lg->first[from + 1]++] = (uint32_t)i;
    }
    if (to != from && (!kind || (kinds >> kind[to] & 1U))) {
      lg->adjacency[lg->first[to + 1]++] = (uint32_t)i;
    }
  }
  lg->adjacency_of = kind ? 0 : lg->n_edges;
  return ENT_SUCCESS;
}

/// A post becomes the label of an edge from its holder to its institution
/// ("Adviser to the Director"), or a line under its holder's name.  Linear:
/// each post looks only at its own edges.
static EntStatus fold_each_post(LGraph *lg,
                                const PairKey *heads,
                                size_t n_heads);

static EntStatus
fold_posts(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  // The "head of" edges, by their ends: a post's holder may hold many
  // posts and have many edges, so they are found by a binary search, not
  // by reading the holder's edges once per post.
  size_t n_heads = 0;
  PairKey *heads = malloc((lg->n_edges + 1) * sizeof(PairKey));
  if (!heads) {
    return ENT_ERR_NO_MEMORY;
  }
  ent_advise_large(heads, (lg->n_edges + 1) * sizeof(PairKey));
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->flags & EDGE_HEAD) {
      heads[n_heads++] = (PairKey){ e->from, e->to, 0, (uint32_t)i, 0 };
    }
  }
  if (n_heads > 1) {
    qsort(heads, n_heads, sizeof(PairKey), by_pair);
  }
  st = fold_each_post(lg, heads, n_heads);
  free(heads);
  return st;
}

/// One end of a post (a holder or an institution), by its node.
typedef struct {
  const char *graph; ///< The edge's graph (LEdge.graph), for the fold
  uint32_t node;
  uint32_t n_graphs;
} PostEnd;

/// Posts with more holders or institutions than this stay nodes: the fold
/// draws an edge per holder and institution.
enum { MAX_POST_ENDS = 4 };

/// Add `node` to `ends` unless it is there; false when there is no room.
static bool
add_post_end(PostEnd *ends,
             size_t *n,
             uint32_t node,
             const char *graph,
             uint32_t n_graphs)
{
  for (size_t i = 0; i < *n; ++i) {
    if (ends[i].node == node) {
      return true;
    }
  }
  if (*n == MAX_POST_ENDS) {
    return false;
  }
  ends[(*n)++] = (PostEnd){ graph, node, n_graphs };
  return true;
}

static EntStatus
fold_each_post(LGraph *lg, const PairKey *heads, size_t n_heads)
{
  EntStatus st = ENT_SUCCESS;
  for (uint32_t p = 0; p < lg->n_nodes; ++p) {
    TRY(st, lgraph_tick(lg));
    if (lg->nodes[p].kind != KIND_POST) {
      continue;
    }
    const char *title = lg->nodes[p].label
                          ? lg->nodes[p].label
                          : lgraph_short_name(lg, lg->nodes[p].iri);
    if (lg->nodes[p].n_labels > 1) {
      // Sources title one post differently: the most common title, and
      // how many others there are.
      EntBuf b = { NULL, 0, 0 };
      if (ent_buf_appendf(&b,
                          "%s (+%u other title%s)",
                          title,
                          lg->nodes[p].n_labels - 1,
                          lg->nodes[p].n_labels > 2 ? "s" : "")) {
        ent_buf_free(&b);
        return ENT_ERR_NO_MEMORY;
      }
      title = ent_pool_copy(&lg->strings, b.buf, b.len);
      ent_buf_free(&b);
      if (!title) {
        return ENT_ERR_NO_MEMORY;
      }
    }
    // W3C ORG says a post's holder and institution either way round:
    // "holder org:holds post" or "post org:heldBy holder", "post
    // org:postIn unit" or "unit org:hasPost post".  A post folds into
    // "holder -title-> institution" edges only when that loses nothing:
    // a few holders and institutions, and no other edge (org:reportsTo,
    // a role that is a node of its own); otherwise it stays a node.
    PostEnd holders[MAX_POST_ENDS];
    PostEnd institutions[MAX_POST_ENDS];
    size_t n_holders = 0;
    size_t n_institutions = 0;
    bool folds = true;
    for (size_t k = lg->first[p]; k < lg->first[p + 1] && folds; ++k) {
      const LEdge *e = &lg->edges[lg->adjacency[k]];
      if (e->dropped) {
        continue;
      }
      const bool in = e->to == p && e->from != p;
      const bool out = e->from == p && e->to != p;
      if ((in && is_one_of(e->predicate, ENT_NS "holdsPost", ORG_NS "holds")) ||
          (out && !strcmp(e->predicate, ORG_NS "heldBy"))) {
        folds = add_post_end(
          holders, &n_holders, in ? e->from : e->to, e->graph, e->n_graphs);
      } else if ((out &&
                  is_one_of(e->predicate, ENT_NS "postIn", ORG_NS "postIn")) ||
                 (in && !strcmp(e->predicate, ORG_NS "hasPost"))) {
        folds = add_post_end(institutions,
                             &n_institutions,
                             out ? e->to : e->from,
                             e->graph,
                             e->n_graphs);
      } else {
        folds = false;
      }
    }
    if (!folds || !n_holders) {
      // Nobody holds it (a vacancy, or a graph that does not say), or it
      // says more than a label can: a node of its own, with its edges;
      // every post still of its kind after this fold is one (drawable()).
      continue;
    }
    for (size_t k = lg->first[p]; k < lg->first[p + 1]; ++k) {
      lg->edges[lg->adjacency[k]].dropped = true;
    }
    lg->nodes[p].kind = KIND_HIDDEN;
    for (size_t h = 0; h < n_holders; ++h) {
      const uint32_t holder = holders[h].node;
      if (!n_institutions) {
        TRY(st, append_facet(lg, &lg->nodes[holder], title));
        continue;
      }
      for (size_t i = 0; i < n_institutions; ++i) {
        const uint32_t institution = institutions[i].node;
        // The post's title says more than "head of" between the same two:
        // entente writes both for a post that heads its institution.  In
        // somebody else's graph, "head of" beside a post (a treasurer who
        // also chairs) is a fact of its own.
        for (size_t k = lg->entente_classes
                          ? first_pair(heads, n_heads, holder, institution)
                          : n_heads;
             k < n_heads && heads[k].from == holder &&
             heads[k].to == institution;
             ++k) {
          lg->edges[heads[k].index].dropped = true;
        }
        TRY(st,
            add_made_edge(lg,
                          holder,
                          institution,
                          ORG_NS "holds",
                          title,
                          holders[h].graph,
                          holders[h].n_graphs));
      }
    }
  }
  return ENT_SUCCESS;
}

/// A response becomes an edge from its agreement to the actor who
/// responded, labelled with what it did ("accepted").  Linear, as posts.
static EntStatus
fold_responses(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  // What each response did: its controlled value, looked up once.
  const char **kinds = calloc(lg->n_nodes + 1, sizeof(char *));
  if (!kinds) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_concepts; ++i) {
    kinds[lg->concepts[i].subject] = lg->concepts[i].value;
  }
  for (uint32_t r = 0; !st && r < lg->n_nodes; ++r) {
    st = lgraph_tick(lg);
    if (st || lg->nodes[r].kind != KIND_RESPONSE) {
      continue;
    }
    uint32_t agreement = ENT_NO_ENTITY;
    uint32_t actor = ENT_NO_ENTITY;
    const char *graph = NULL;
    uint32_t n_graphs = 0;
    for (size_t k = lg->first[r]; k < lg->first[r + 1]; ++k) {
      LEdge *e = &lg->edges[lg->adjacency[k]];
      if (e->to == r && !e->dropped &&
          !strcmp(e->predicate, ENT_NS "response")) {
        agreement = e->from;
        graph = e->graph;
        n_graphs = e->n_graphs;
      } else if (e->from == r && !e->dropped &&
                 !strcmp(e->predicate, ENT_NS "respondent")) {
        actor = e->to;
      }
      e->dropped = true;
    }
    lg->nodes[r].kind = KIND_HIDDEN;
    if (agreement == ENT_NO_ENTITY || actor == ENT_NO_ENTITY) {
      continue;
    }
    const char *what = kinds[r] ? kinds[r] : "responded";
    st = add_made_edge(
      lg, agreement, actor, ENT_NS "response", what, graph, n_graphs);
  }
  free(kinds);
  return st;
}

/// One more of a count that needs to tell only 0, 1 and more.
static void
count_to_two(uint8_t *n)
{
  *n = *n < 2 ? (uint8_t)(*n + 1) : 2;
}

/// What a node of somebody else's graph is to W3C ORG's n-ary membership
/// (org:member, org:organization, org:role, org:memberDuring), read in
/// fold_memberships().
typedef struct {
  uint32_t member;
  uint32_t organization;
  uint32_t role;
  uint32_t during;
  uint32_t begin;    ///< An interval's time:hasBeginning
  uint32_t end;      ///< An interval's time:hasEnd
  const char *day;   ///< An instant's time:inXSDDate (or DateTime...)
  const char *graph; ///< Of its org:organization edge
  uint32_t n_graphs;
  uint8_t n_member;
  uint8_t n_organization;
  uint8_t n_role;
  uint8_t n_during;
  bool more;    ///< A membership's other edge or literal: stays a node
  bool said;    ///< A literal other than its type and an instant's day
  bool others;  ///< An edge out other than an interval's two
  bool pointed; ///< An edge in from a node not folded away
  bool used;    ///< A role, interval or instant of a folded membership
  bool gone;    ///< Folded, or used by folds alone: not drawn
} MembershipPart;

/// The day of the instant interval `during` links to by `which` (its
/// begin or end), or NULL.
static const char *
interval_day(const MembershipPart *m, uint32_t during, bool beginning)
{
  if (during == ENT_NO_ENTITY) {
    return NULL;
  }
  const uint32_t instant = beginning ? m[during].begin : m[during].end;
  return instant == ENT_NO_ENTITY ? NULL : m[instant].day;
}

/// Whether node `v`, a role, an interval or an instant of folded
/// memberships, says nothing the folds do not: nothing points at it but
/// what is gone, it has no edge of its own (an interval: but its two), and
/// no literal, name or comment the fold does not say.
static bool
only_folded(const LGraph *lg, const MembershipPart *m, uint32_t v)
{
  return m[v].used && !m[v].pointed && !m[v].others && !m[v].said &&
         !lg->nodes[v].tooltip;
}

/// W3C ORG's n-ary membership (a node with one org:member, one
/// org:organization, and at most one org:role and org:memberDuring, typed
/// org:Membership or not) becomes an edge from the member to the
/// organization, labelled with the role and the time ("spokesperson
/// (since 2015-08-10)"), as a post becomes one from its holder; a plain
/// org:memberOf between the two gives way to it.  A membership with more
/// to say (another edge, a literal, a name) stays a node, as a post does;
/// so do a role, an interval or an instant that something else points at
/// or that says more (a role's skos:broader, a term many memberships
/// share), with all its edges.  Linear: passes over the edges and the
/// literals.
static EntStatus
fold_memberships(LGraph *lg)
{
  const char *member_p = used_iri(lg, ORG_NS "member");
  const char *organization_p = used_iri(lg, ORG_NS "organization");
  if (lg->entente_classes || lg->model_strings || !member_p ||
      !organization_p) {
    return ENT_SUCCESS;
  }
  const char *role_p = used_iri(lg, ORG_NS "role");
  const char *during_p = used_iri(lg, ORG_NS "memberDuring");
  const char *begin_p = used_iri(lg, TIME_NS "hasBeginning");
  const char *end_p = used_iri(lg, TIME_NS "hasEnd");
  const char *has_membership_p = used_iri(lg, ORG_NS "hasMembership");
  const char *member_of_p = used_iri(lg, ORG_NS "memberOf");
  const size_t n = lg->n_nodes;
  MembershipPart *m = calloc(n + 1, sizeof(MembershipPart));
  EntMap folded; // "member organization" of each fold
  ent_map_init(&folded);
  EntPool keys;
  ent_pool_init(&keys);
  EntBuf text = { NULL, 0, 0 };
  EntStatus st = m ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  for (size_t v = 0; v <= n && !st; ++v) {
    m[v].begin = m[v].end = ENT_NO_ENTITY;
  }
  const size_t n_edges = lg->n_edges; // the folds add edges past these
  for (size_t i = 0; i < n_edges && !st; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->dropped) {
      continue;
    }
    MembershipPart *from = &m[e->from];
    if (e->predicate == member_p) {
      from->member = e->to;
      count_to_two(&from->n_member);
    } else if (e->predicate == organization_p) {
      from->organization = e->to;
      from->graph = e->graph;
      from->n_graphs = e->n_graphs;
      count_to_two(&from->n_organization);
    } else if (role_p && e->predicate == role_p) {
      from->role = e->to;
      count_to_two(&from->n_role);
    } else if (during_p && e->predicate == during_p) {
      from->during = e->to;
      count_to_two(&from->n_during);
    } else if (begin_p && e->predicate == begin_p) {
      from->begin = e->to;
      from->more = true;
    } else if (end_p && e->predicate == end_p) {
      from->end = e->to;
      from->more = true;
    } else {
      from->more = from->others = true;
    }
    // Pointed at from elsewhere than its member: more to say.
    m[e->to].more |= !(has_membership_p && e->predicate == has_membership_p);
    st = lgraph_tick(lg);
  }
  for (size_t i = 0; i < lg->n_literals && !st; ++i) {
    const LClaim *c = &lg->literals[i];
    MembershipPart *at = &m[c->subject];
    const bool day =
      is_one_of(c->predicate, TIME_NS "inXSDDate", TIME_NS "inXSDDateTime") ||
      !strcmp(c->predicate, TIME_NS "inXSDDateTimeStamp");
    if (day && !at->day) {
      at->day = c->value;
    }
    const bool type = !strcmp(c->predicate, RDF_TYPE);
    at->said |= !day && !type;
    at->more |= !type || strcmp(c->value, ORG_NS "Membership") != 0;
  }
  for (uint32_t v = 0; v < n && !st; ++v) {
    MembershipPart *p = &m[v];
    // A name or a description of its own is more to say, too.
    if (p->n_member != 1 || p->n_organization != 1 || p->n_role > 1 ||
        p->n_during > 1 || p->more || p->member == v || p->organization == v ||
        lg->nodes[v].label || lg->nodes[v].tooltip) {
      continue;
    }
    ent_buf_reset(&text);
    // The role by its name; one the graph does not name, by its IRI.
    const LNode *role = p->n_role ? &lg->nodes[p->role] : NULL;
    const char *role_name = !role            ? "member"
                            : role->label    ? role->label
                            : is_blank(role) ? "member"
                                             : lgraph_short_name(lg, role->iri);
    const uint32_t during = p->n_during ? p->during : ENT_NO_ENTITY;
    const char *from = interval_day(m, during, true);
    const char *to = interval_day(m, during, false);
    st = ent_buf_appendf(&text, "%s", role_name);
    if (!st && (from || to)) {
      st = ent_buf_appendf(&text,
                           " (%s%.10s%s%.10s)",
                           from && to ? ""
                           : from     ? "since "
                                      : "until ",
                           from ? from : "",
                           from && to ? " – " : "",
                           to ? to : "");
    }
    const char *label = st ? NULL : ent_pool_intern(&lg->strings, text.buf);
    st = st ? st : label ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    if (!st) {
      st = add_made_edge(lg,
                         p->member,
                         p->organization,
                         ORG_NS "memberOf",
                         label,
                         p->graph,
                         p->n_graphs);
    }
    if (!st) {
      lg->edges[lg->n_edges - 1].flags |= EDGE_MEMBERSHIP;
    }
    char key[32];
    snprintf(key, sizeof(key), "%u %u", p->member, p->organization);
    const char *kept = st ? NULL : ent_pool_intern(&keys, key);
    st = st     ? st
         : kept ? ent_map_put(&folded, kept, (void *)(uintptr_t)1)
                : ENT_ERR_NO_MEMORY;
    p->gone = true;
    lg->nodes[v].kind = KIND_HIDDEN;
    if (p->n_role) {
      m[p->role].used = true;
    }
    if (during != ENT_NO_ENTITY) {
      m[during].used = true;
    }
  }
  // What else points at the folds' roles and intervals keeps them; then,
  // at the instants of the intervals that go.
  for (int round = 0; round < 2 && !st; ++round) {
    for (uint32_t v = 0; v < n; ++v) {
      m[v].pointed = false;
    }
    for (size_t i = 0; i < n_edges; ++i) {
      const LEdge *e = &lg->edges[i];
      if (!e->dropped && !m[e->from].gone) {
        m[e->to].pointed = true;
      }
    }
    for (uint32_t v = 0; v < n; ++v) {
      if (round == 0 && only_folded(lg, m, v)) {
        m[v].gone = true;
        if (m[v].begin != ENT_NO_ENTITY) {
          m[m[v].begin].used = true;
        }
        if (m[v].end != ENT_NO_ENTITY) {
          m[m[v].end].used = true;
        }
      } else if (round == 1 && !m[v].gone && only_folded(lg, m, v) &&
                 m[v].begin == ENT_NO_ENTITY && m[v].end == ENT_NO_ENTITY) {
        m[v].gone = true; // an instant of an interval gone
      }
    }
  }
  for (size_t i = 0; i < n_edges && !st; ++i) {
    LEdge *e = &lg->edges[i];
    bool plain = false;
    if (member_of_p && e->predicate == member_of_p) {
      char key[32];
      snprintf(key, sizeof(key), "%u %u", e->from, e->to);
      plain = ent_map_get(&folded, key) != NULL;
    }
    e->dropped |= plain || m[e->from].gone || m[e->to].gone;
  }
  for (uint32_t v = 0; v < n && !st; ++v) {
    if (m[v].gone) {
      lg->nodes[v].kind = KIND_HIDDEN;
    }
  }
  ent_buf_free(&text);
  ent_pool_clear(&keys);
  ent_map_clear(&folded);
  free(m);
  return st;
}

static int
by_concept(const void *a, const void *b)
{
  const LConcept *x = a;
  const LConcept *y = b;
  if (x->subject != y->subject) {
    return x->subject < y->subject ? -1 : 1;
  }
  const int p = strcmp(x->predicate, y->predicate);
  if (p) {
    return p;
  }
  return x->order < y->order ? -1 : x->order > y->order;
}

/// Controlled values on the node's label ("technical talks · closed-door"),
/// each once; where sources give one property several values, all of them
/// and that they differ ("planned / ongoing / concluded (sources differ)").
/// Whether `facets` (items joined by " · ") holds `item` already.
static bool
has_facet(const char *facets, const char *item)
{
  static const char dot[] = " \xC2\xB7 ";
  const size_t n = strlen(item);
  for (const char *p = facets; p && (p = strstr(p, item)) != NULL; ++p) {
    const bool starts =
      p == facets || (p - facets >= (ptrdiff_t)strlen(dot) &&
                      !strncmp(p - strlen(dot), dot, strlen(dot)));
    const bool ends = !p[n] || !strncmp(p + n, dot, strlen(dot));
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

/// The predicates that give a person's given name (1) or family name (2):
/// FOAF's current terms, the older ones profiles still carry (FOAF-a-matic
/// writes foaf:givenname and foaf:family_name), and schema.org's.
static const struct {
  const char *iri;
  int part;
} name_parts[] = {
  { FOAF_NS "givenName", 1 },    { FOAF_NS "firstName", 1 },
  { FOAF_NS "givenname", 1 },    { SCHEMA_NS "givenName", 1 },
  { FOAF_NS "familyName", 2 },   { FOAF_NS "lastName", 2 },
  { FOAF_NS "surname", 2 },      { FOAF_NS "family_name", 2 },
  { SCHEMA_NS "familyName", 2 },
};
enum { N_NAME_PARTS = sizeof(name_parts) / sizeof(name_parts[0]) };

/// Which part of a person's name `predicate` (interned) gives: 1 the
/// given name, 2 the family name, 0 neither.  `parts` holds name_parts'
/// IRIs as the graph interned them (NULL: not used).
static int
name_part(const char *predicate, const char *const parts[N_NAME_PARTS])
{
  for (size_t i = 0; i < N_NAME_PARTS; ++i) {
    if (parts[i] && predicate == parts[i]) {
      return name_parts[i].part;
    }
  }
  return 0;
}

/// Somebody else's graph: a node with no name but a given and a family
/// name (foaf:givenName "Steve", foaf:familyName "Witkoff") is named by
/// them, "Steve Witkoff", in that order, the first of each; `*named`
/// receives, per node, whether it was (the caller frees it).
static EntStatus
name_from_parts(LGraph *lg, const char *const parts[N_NAME_PARTS], bool **named)
{
  *named = NULL;
  bool any = false;
  for (size_t i = 0; i < N_NAME_PARTS; ++i) {
    any = any || parts[i];
  }
  if (!any) {
    return ENT_SUCCESS;
  }
  const char **given = calloc(2 * lg->n_nodes + 1, sizeof(char *));
  *named = calloc(lg->n_nodes + 1, sizeof(bool));
  if (!given || !*named) {
    free((void *)given);
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_literals; ++i) {
    const LClaim *c = &lg->literals[i];
    const int part = name_part(c->predicate, parts);
    if (part && !lg->nodes[c->subject].label) {
      const char **slot = &given[2 * (size_t)c->subject + (size_t)(part - 1)];
      *slot = *slot ? *slot : c->value;
    }
  }
  EntStatus st = ENT_SUCCESS;
  EntBuf b = { NULL, 0, 0 };
  for (size_t v = 0; v < lg->n_nodes && !st; ++v) {
    const char *first = given[2 * v];
    const char *last = given[2 * v + 1];
    if (!first && !last) {
      continue;
    }
    ent_buf_reset(&b);
    st = ent_buf_appendf(&b,
                         "%s%s%s",
                         first ? first : "",
                         first && last ? " " : "",
                         last ? last : "");
    lg->nodes[v].label = st ? NULL : ent_pool_intern(&lg->strings, b.buf);
    st = st ? st : lg->nodes[v].label ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    (*named)[v] = true;
  }
  ent_buf_free(&b);
  free((void *)given);
  return st;
}

/// Somebody else's graph: each node's other literals ("ex:age 42") and
/// classes ("a ex:Employee") on it, in the order they came, each once, as
/// room allows (MAX_FACETS_LEN), a named property by its name
/// ("age 42").
static EntStatus
add_literal_facets(LGraph *lg)
{
  // Given and family names (name_part()).
  const char *parts[N_NAME_PARTS];
  for (size_t i = 0; i < N_NAME_PARTS; ++i) {
    parts[i] = used_iri(lg, name_parts[i].iri);
  }
  bool *named = NULL;
  EntStatus st = name_from_parts(lg, parts, &named);
  EntBuf text = { NULL, 0, 0 };
  EntBuf whole = { NULL, 0, 0 }; // the line with its value uncut
  // A node's values of one property in several languages: those in the
  // --lang language, or with none, where it has them; the others are
  // translations (five definitions, each in its language, filled the
  // node and put its other lines past "+N more").
  // "node\x01predicate" -> the best lang_score() of its tagged values: the
  // --lang tag's (5), its language's (4), else English (2); those in other
  // languages, or in a wider or other variant, give way to them.
  EntMap translated;
  ent_map_init(&translated);
  EntPool keys;
  ent_pool_init(&keys);
  for (size_t i = 0; i < lg->n_literals && !st; ++i) {
    const LClaim *c = &lg->literals[i];
    const unsigned score = c->lang ? lang_score(lg, c->lang) : 0;
    if (score < 2) {
      continue;
    }
    ent_buf_reset(&text);
    st = ent_buf_appendf(&text, "%u\x01%s", c->subject, c->predicate);
    const uintptr_t best =
      st ? 0 : (uintptr_t)ent_map_get(&translated, text.buf);
    if (!st && score > best) {
      const char *kept = ent_pool_intern(&keys, text.buf);
      st = kept ? ent_map_put(&translated, kept, (void *)(uintptr_t)score)
                : ENT_ERR_NO_MEMORY;
    }
  }
  for (size_t i = 0; i < lg->n_literals && !st; ++i) {
    const LClaim *c = &lg->literals[i];
    if (named && named[c->subject] && name_part(c->predicate, parts)) {
      continue; // its name says it
    }
    if (c->lang && lang_score(lg, c->lang) < 5) {
      ent_buf_reset(&text);
      st = ent_buf_appendf(&text, "%u\x01%s", c->subject, c->predicate);
      if (st || (uintptr_t)ent_map_get(&translated, text.buf) >
                  lang_score(lg, c->lang)) {
        continue; // a translation of a line in a better language
      }
    }
    ent_buf_reset(&text);
    ent_buf_reset(&whole);
    if (strcmp(c->predicate, RDF_TYPE) != 0) {
      const char *name = ent_map_get(&lg->property_names, c->predicate);
      name = name ? name : lgraph_short_name(lg, c->predicate);
      st = ent_buf_appendf(&whole, "%s %s", name, c->value);
      st = st ? st : ent_buf_appendf(&text, "%s ", name);
      st = st ? st : append_cut(&text, c->value, LITERAL_FACET_CHARS);
    } else {
      // The class is kept whole (keep_literal()); its name, its label if
      // the graph gives one ("a Employee" for ex:Emp), is cut as a value
      // is.
      const char *name = lgraph_class_name(lg, c->value);
      st = ent_buf_append(&text, "a ", 2);
      st = st ? st : append_cut(&text, name, LITERAL_FACET_CHARS);
    }
    LNode *n = &lg->nodes[c->subject];
    if (!st && !(n->facets && has_facet(n->facets, text.buf))) {
      st = append_facet_line(lg, n, text.buf, whole.len ? whole.buf : NULL);
    }
  }
  ent_buf_free(&text);
  ent_buf_free(&whole);
  ent_map_clear(&translated);
  ent_pool_clear(&keys);
  free(named);
  return st;
}

/// The days a report by the source whose node is `n` can be of: the day
/// it was published ([day, day]), or the window its notBefore and
/// notAfter give, either end open.  Read from the fields as the triples
/// left them, before add_date_and_place_facets() (a notAfter alone is
/// not yet the node's date there).
static void
report_days(const LGraph *lg, uint32_t node, const char **from, const char **to)
{
  const LNode *n = &lg->nodes[node];
  if (n->by_last) {
    *from = NULL;
    *to = n->date;
  } else if (n->date && n->window) {
    *from = n->date;
    *to = n->not_after;
  } else if (n->date) {
    // Published on two days (two of its graphs say so): any day between,
    // whichever the file gave first.  lg->other_dates is sorted by node.
    *from = n->date;
    *to = n->date;
    size_t lo = 0;
    size_t hi = lg->n_other_dates;
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (lg->other_dates[mid].subject < node) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (size_t k = lo;
         k < lg->n_other_dates && lg->other_dates[k].subject == node;
         ++k) {
      const char *day = lg->other_dates[k].value;
      if (lg->other_dates[k].object == n->date_rank) {
        *from = strcmp(day, *from) < 0 ? day : *from;
        *to = strcmp(day, *to) > 0 ? day : *to;
      }
    }
  } else {
    *from = NULL;
    *to = n->not_after;
  }
}

/// Whether two graphs that give a node two values of `predicate` differ:
/// the properties entente judges so everywhere (ent_one_valued()), those
/// the graph itself declares owl:FunctionalProperty, and a person's days
/// of birth and death.
static bool
one_valued(const LGraph *lg, const char *predicate)
{
  return ent_one_valued(predicate) || ent_map_get(&lg->functional, predicate) ||
         !strcmp(predicate, SCHEMA_NS "birthDate") ||
         !strcmp(predicate, SCHEMA_NS "deathDate");
}

/// Whether the statuses lg->concepts[a..b) give one node can each follow
/// the one before as their reports' days go (the days of the nodes of
/// their graphs; see ont_status_progression()), into `*changes`; if so and
/// `text` is not NULL, they are appended to it joined by " → " in that
/// order ("planned → concluded").  When they cannot, the sources differ,
/// and `text` is untouched.  Fails only for want of memory.
static EntStatus
statuses_over_time(const LGraph *lg,
                   size_t a,
                   size_t b,
                   EntBuf *text,
                   bool *changes)
{
  enum { MAX_STATUSES = 16 };
  *changes = false;
  OntStatusReports said[MAX_STATUSES];
  size_t n = 0;
  bool undated = false;
  for (size_t k = a; k < b; ++k) {
    const LConcept *c = &lg->concepts[k];
    size_t j = 0;
    while (j < n && said[j].status != c->iri) {
      ++j;
    }
    if (j == MAX_STATUSES) {
      return ENT_SUCCESS; // more than any scheme has: not one course
    }
    if (j == n) {
      said[n++] = (OntStatusReports){ .status = c->iri, .tag = k };
    }
    const uint32_t g = c->graph ? find_node(lg, c->graph) : ENT_NO_ENTITY;
    const char *from = NULL;
    const char *to = NULL;
    if (g != ENT_NO_ENTITY) {
      report_days(lg, g, &from, &to);
      ont_status_report(&said[j], from, to);
    }
    // A status no source's day places (a merged Turtle file has no
    // graphs) cannot be put in a course: the values differ, no more.
    undated |= !from && !to;
  }
  if (undated || !lg->ontology ||
      !ont_status_progression(lg->ontology, said, n)) {
    return ENT_SUCCESS;
  }
  *changes = true;
  ont_status_sort(lg->ontology, said, n);
  EntStatus st = ENT_SUCCESS;
  for (size_t j = 0; text && j < n && !st; ++j) {
    st = ent_buf_appendf(
      text, "%s%s", j ? " → " : "", lg->concepts[said[j].tag].value);
  }
  return st;
}

static int by_other_date(const void *a, const void *b);

static EntStatus
add_concept_facets(LGraph *lg)
{
  // By node: a source's other days are looked up (report_days()).
  if (lg->n_other_dates > 1) {
    qsort(lg->other_dates, lg->n_other_dates, sizeof(LClaim), by_other_date);
  }
  // Stable: the values of one node and property keep the order they came.
  for (size_t i = 0; i < lg->n_concepts; ++i) {
    lg->concepts[i].order = (uint32_t)i;
  }
  if (lg->n_concepts > 1) {
    qsort(lg->concepts, lg->n_concepts, sizeof(LConcept), by_concept);
  }
  EntStatus st = ENT_SUCCESS;
  for (size_t a = 0; a < lg->n_concepts && !st;) {
    size_t b = a + 1;
    while (b < lg->n_concepts &&
           lg->concepts[b].subject == lg->concepts[a].subject &&
           !strcmp(lg->concepts[b].predicate, lg->concepts[a].predicate)) {
      ++b;
    }
    EntBuf text = { NULL, 0, 0 };
    size_t distinct = 0;
    // Each value once: a few are compared, many go through a set.
    enum { FEW = 8 };
    EntMap seen_values;
    ent_map_init(&seen_values);
    for (size_t k = a; k < b && !st; ++k) {
      const char *value = lg->concepts[k].value;
      bool seen = false;
      if (b - a <= FEW) {
        for (size_t j = a; j < k && !seen; ++j) {
          seen = lg->concepts[j].value == value;
        }
      } else {
        seen = ent_map_get(&seen_values, value) != NULL;
        st = seen ? ENT_SUCCESS
                  : ent_map_put(&seen_values, value, (void *)(uintptr_t)1);
      }
      if (!seen && !st) {
        st = ent_buf_appendf(&text, "%s%s", distinct++ ? " / " : "", value);
      }
    }
    ent_map_clear(&seen_values);
    const char *predicate = lg->concepts[a].predicate;
    if (!st && distinct > 1 && ont_is_status(predicate)) {
      // Statuses that follow one another as the days go: a change.
      EntBuf over_time = { NULL, 0, 0 };
      bool changes = false;
      st = statuses_over_time(lg, a, b, &over_time, &changes);
      if (!st && changes) {
        ent_buf_free(&text);
        text = over_time;
      } else {
        ent_buf_free(&over_time);
        st = st ? st
                : ent_buf_append(&text, SOURCES_DIFFER, strlen(SOURCES_DIFFER));
      }
    } else if (!st && distinct > 1 && one_valued(lg, predicate)) {
      st = ent_buf_append(&text, SOURCES_DIFFER, strlen(SOURCES_DIFFER));
    }
    if (!st && text.len) {
      st = append_facet(lg, &lg->nodes[lg->concepts[a].subject], text.buf);
    }
    ent_buf_free(&text);
    a = b;
    if (!st) {
      st = lgraph_tick(lg);
    }
  }
  return st;
}

/// By node, then date.
static int
by_other_date(const void *a, const void *b)
{
  const LClaim *x = a;
  const LClaim *y = b;
  if (x->subject != y->subject) {
    return x->subject < y->subject ? -1 : 1;
  }
  return strcmp(x->value, y->value);
}

/// The days sources give node `n` at its date's rank, its own and
/// `others[0..n_others)` (sorted), as its label says them: "2025-05-13 /
/// 2025-05-14 (sources differ)", at most MAX_DATES of them; `n->date`
/// becomes the first, where the timeline draws it.  `*when` is left as it
/// is when no other differs.
static EntStatus
all_dates(LGraph *lg,
          LNode *n,
          const LClaim *others,
          size_t n_others,
          const char **when)
{
  enum { MAX_DATES = 4 };
  const char *days[MAX_DATES];
  size_t n_days = 0;
  bool more = false;
  bool own = false; // n->date placed among them
  // A merge of n->date into the sorted others of its rank.
  for (size_t k = 0;;) {
    while (k < n_others && others[k].object != n->date_rank) {
      ++k;
    }
    const char *day = NULL;
    if (!own && (k == n_others || strcmp(n->date, others[k].value) <= 0)) {
      day = n->date;
      own = true;
    } else if (k < n_others) {
      day = others[k++].value;
    } else {
      break;
    }
    if (n_days && !strcmp(days[n_days - 1], day)) {
      continue;
    }
    if (n_days == MAX_DATES) {
      more = true;
      break;
    }
    days[n_days++] = day;
  }
  if (n_days < 2) {
    return ENT_SUCCESS;
  }
  EntBuf b = { NULL, 0, 0 };
  EntStatus st = ENT_SUCCESS;
  for (size_t k = 0; k < n_days && !st; ++k) {
    st = ent_buf_appendf(&b, "%s%s", k ? " / " : "", days[k]);
  }
  if (!st) {
    st = ent_buf_appendf(
      &b, "%s%s", more ? " / \xE2\x80\xA6" : "", SOURCES_DIFFER);
  }
  const char *kept = st ? NULL : ent_pool_copy(&lg->strings, b.buf, b.len);
  ent_buf_free(&b);
  if (!kept) {
    return ENT_ERR_NO_MEMORY;
  }
  n->date = days[0];
  *when = kept;
  return ENT_SUCCESS;
}

/// By node, then graph (interned: one pointer, one graph).
static int
by_bound(const void *a, const void *b)
{
  const LClaim *x = a;
  const LClaim *y = b;
  if (x->subject != y->subject) {
    return x->subject < y->subject ? -1 : 1;
  }
  const uintptr_t gx = (uintptr_t)x->graph;
  const uintptr_t gy = (uintptr_t)y->graph;
  return gx < gy ? -1 : gx > gy;
}

/// Whether `day` leaves no day together with the window `span` (the
/// model's rule, EntDaySpan, as validate and the site judge it).
static bool
outside(EntDaySpan span, const char *day)
{
  ent_day_span_add(&span, SCHEMA_NS "startDate", day);
  return ent_day_span_empty(&span);
}

/// Node `n`, drawn at its day (and `days[0..n_days)`, other sources' days
/// at its rank), is given a window by a source that leaves one of those
/// days out (`bounds[0..n_bounds)`: its bounds, by graph): `*when`, the
/// days as all_dates() says them, says that window too, and that sources
/// differ ("2025-03-25 / 2025-03-17 – 2025-03-23 (sources differ)"), as
/// validate and the site say a day outside another source's window.  Each
/// source's window is its own (two sources' halves make no window); a day
/// inside every window agrees.
static EntStatus
window_differs(LGraph *lg,
               const LNode *n,
               const LClaim *days,
               size_t n_days,
               const LClaim *bounds,
               size_t n_bounds,
               const char **when)
{
  if (!n->date || n->window || n->by_last || !n_bounds) {
    return ENT_SUCCESS;
  }
  for (size_t k = 0; k < n_bounds;) {
    // One graph's window.
    EntDaySpan window = { NULL, NULL };
    const char *graph = bounds[k].graph;
    for (; k < n_bounds && bounds[k].graph == graph; ++k) {
      ent_day_span_add(&window, bounds[k].predicate, bounds[k].value);
    }
    bool differs = outside(window, n->date);
    for (size_t d = 0; d < n_days && !differs; ++d) {
      differs =
        days[d].object == n->date_rank && outside(window, days[d].value);
    }
    if (!differs) {
      continue;
    }
    const size_t tail = sizeof(SOURCES_DIFFER) - 1;
    size_t len = strlen(*when);
    if (len >= tail && !strcmp(*when + len - tail, SOURCES_DIFFER)) {
      len -= tail; // all_dates() said it: once is enough
    }
    EntBuf b = { NULL, 0, 0 };
    const EntStatus st =
      window.from && window.to
        ? ent_buf_appendf(&b,
                          "%.*s / %s \xE2\x80\x93 %s%s",
                          (int)len,
                          *when,
                          window.from,
                          window.to,
                          SOURCES_DIFFER)
        : ent_buf_appendf(&b,
                          "%.*s / not %s %s%s",
                          (int)len,
                          *when,
                          window.from ? "before" : "after",
                          window.from ? window.from : window.to,
                          SOURCES_DIFFER);
    *when = st ? NULL : ent_pool_copy(&lg->strings, b.buf, b.len);
    ent_buf_free(&b);
    return *when ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  return ENT_SUCCESS;
}

/// Dates and places go on the node's label ("2025-03-24 · in Riyadh").
static EntStatus
add_date_and_place_facets(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    TRY(st, lgraph_tick(lg));
    const LEdge *e = &lg->edges[i];
    if (!(e->flags & (EDGE_SPEAKER | EDGE_LOCATION)) || e->dropped) {
      continue;
    }
    // Who said it, under what was said.
    if ((e->flags & EDGE_SPEAKER) &&
        lg->nodes[e->from].kind == KIND_STATEMENT && lg->nodes[e->to].label) {
      EntBuf b = { NULL, 0, 0 };
      if (!ent_buf_appendf(&b, "\xE2\x80\x94 %s", lg->nodes[e->to].label)) {
        st = append_facet(lg, &lg->nodes[e->from], b.buf);
      }
      ent_buf_free(&b);
      TRY(st, st);
    }
    if (e->flags & EDGE_LOCATION) {
      const LNode *place = &lg->nodes[e->to];
      EntBuf b = { NULL, 0, 0 };
      if (place->label && !ent_buf_appendf(&b, "in %s", place->label)) {
        st = append_facet(lg, &lg->nodes[e->from], b.buf);
      }
      ent_buf_free(&b);
      TRY(st, st);
    }
  }
  if (lg->n_other_dates > 1) {
    qsort(lg->other_dates, lg->n_other_dates, sizeof(LClaim), by_other_date);
  }
  if (lg->n_bounds > 1) {
    qsort(lg->bounds, lg->n_bounds, sizeof(LClaim), by_bound);
  }
  size_t other = 0;
  size_t bound = 0;
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    LNode *n = &lg->nodes[i];
    // A date known only to lie in a window is drawn as the window, never
    // as a bare date, with the source's wording; one known only by its
    // last possible day ("the strikes", reported on a Sunday) stands at
    // that day, said so.
    if (!n->date && n->not_after) {
      n->date = n->not_after;
      n->by_last = true;
    }
    EntBuf window = { NULL, 0, 0 };
    const char *when = n->date;
    size_t others = other;
    while (other < lg->n_other_dates && lg->other_dates[other].subject == i) {
      ++other;
    }
    if (n->date && !n->window && other > others) {
      TRY(st,
          all_dates(lg, n, lg->other_dates + others, other - others, &when));
    }
    const size_t bounds = bound;
    while (bound < lg->n_bounds && lg->bounds[bound].subject == i) {
      ++bound;
    }
    TRY(st,
        window_differs(lg,
                       n,
                       // Not NULL + 0: undefined, though it is 0.
                       lg->other_dates ? lg->other_dates + others : NULL,
                       other - others,
                       lg->bounds ? lg->bounds + bounds : NULL,
                       bound - bounds,
                       &when));
    if (n->date && (n->window || n->by_last)) {
      const EntStatus failed =
        n->window && n->not_after
          ? ent_buf_appendf(&window,
                            "%s%s%s \xE2\x80\x93 %s%s",
                            n->date_phrase ? n->date_phrase : "",
                            n->date_phrase ? " (" : "between ",
                            n->date,
                            n->not_after,
                            n->date_phrase ? ")" : "")
          : ent_buf_appendf(&window,
                            "%s%sno %s than %s%s",
                            n->date_phrase ? n->date_phrase : "",
                            n->date_phrase ? " (" : "",
                            n->window ? "earlier" : "later",
                            n->date,
                            n->date_phrase ? ")" : "");
      if (failed) {
        ent_buf_free(&window);
        return ENT_ERR_NO_MEMORY;
      }
      when = ent_pool_copy(&lg->strings, window.buf, window.len);
      ent_buf_free(&window);
      if (!when) {
        return ENT_ERR_NO_MEMORY;
      }
    }
    if (when && n->facets) {
      EntBuf b = { NULL, 0, 0 };
      if (ent_buf_appendf(
            &b, "%s%s%s", when, facet_joint(n->facets), n->facets)) {
        return ENT_ERR_NO_MEMORY;
      }
      n->facets = ent_pool_copy(&lg->strings, b.buf, b.len);
      ent_buf_free(&b);
    } else if (when) {
      n->facets = when;
    }
  }
  return ENT_SUCCESS;
}

// ---- RDF lists (rdf:first / rdf:rest) ------------------------------------

/// What fold_lists() learns of each node: its list statements and how it
/// is pointed at.  One statement in several named graphs counts once.
typedef struct {
  uint32_t n_first; ///< Different rdf:first objects (edges and literals)
  uint32_t n_rest;  ///< Different rdf:rest objects
  uint32_t n_other; ///< Any other statement it makes
  uint32_t n_in;    ///< Different (subject, predicate) pointing at it
  uint32_t first;   ///< Its rdf:first: edge index, or literal index
  uint32_t rest;    ///< Its rdf:rest edge
  uint32_t in;      ///< The first edge to it; the others from the same
                    ///< subject by the same predicate follow in next_in
  uint32_t in_last; ///< The last of those
  bool first_is_literal;
} ListCell;

static bool
is_list_cell(const LGraph *lg, const ListCell *cells, uint32_t i)
{
  const LNode *n = &lg->nodes[i];
  const ListCell *c = &cells[i];
  // A blank node that is one link of a list and nothing else: a name, a
  // class or a second pointer to it would be lost if it were folded.
  return is_blank(n) && c->n_first == 1 && c->n_rest == 1 && !c->n_other &&
         c->n_in == 1 && !n->label && !n->tooltip && !n->date && !n->kind_rank;
}

/// Count edge `i`, `e`, into the cells of its two ends.  `next_in` (room
/// for every edge) chains the edges one subject points at a node with by
/// one predicate: the same statement in several graphs.
static void
count_list_edge(const LGraph *lg,
                ListCell *cells,
                uint32_t *next_in,
                uint32_t i,
                const char *first_iri,
                const char *rest_iri)
{
  const LEdge *e = &lg->edges[i];
  ListCell *from = &cells[e->from];
  if (e->predicate == first_iri) {
    if (!from->n_first || from->first_is_literal ||
        lg->edges[from->first].to != e->to) {
      from->first = i;
      from->first_is_literal = false;
      ++from->n_first;
    }
  } else if (e->predicate == rest_iri) {
    if (!from->n_rest || lg->edges[from->rest].to != e->to) {
      from->rest = i;
      ++from->n_rest;
    }
  } else {
    ++from->n_other;
  }
  ListCell *to = &cells[e->to];
  if (to->n_in && lg->edges[to->in].from == e->from &&
      lg->edges[to->in].predicate == e->predicate) {
    next_in[to->in_last] = i + 1;
    to->in_last = i;
  } else {
    to->in = to->in_last = i;
    ++to->n_in;
  }
}

/// Append `value` as Turtle quotes a string: "say \"hi\"".
static EntStatus
append_quoted(EntBuf *b, const char *value)
{
  EntStatus st = ent_buf_append(b, "\"", 1);
  for (const char *p = value; *p && !st; ++p) {
    st = *p == '"' || *p == '\\' ? ent_buf_append(b, "\\", 1) : ENT_SUCCESS;
    if (!st) {
      st = ent_buf_append(b, p, 1);
    }
  }
  return st ? st : ent_buf_append(b, "\"", 1);
}

/// Whether a list member is no node of its own: a literal, or the empty
/// list.
static bool
is_text_member(const LGraph *lg, const ListCell *c, uint32_t nil)
{
  return c->first_is_literal || lg->edges[c->first].to == nil;
}

/// Append such a member as Turtle writes it: a literal quoted, the empty
/// list "()".
static EntStatus
append_member_text(const LGraph *lg, const ListCell *c, EntBuf *out)
{
  return c->first_is_literal ? append_quoted(out, lg->literals[c->first].value)
                             : ent_buf_append(out, "()", 2);
}

/// Fold the list whose first link is `head`, of `n_items` members, into
/// edges from its owner.  The owner's edge to it may be stated in several
/// graphs (chained from cells[head].in by next_in): the members are drawn
/// once, credited to those graphs.
static EntStatus
fold_list(LGraph *lg,
          ListCell *cells,
          const uint32_t *next_in,
          uint32_t head,
          uint32_t n_items,
          uint32_t nil)
{
  const LEdge owned = lg->edges[cells[head].in];
  // Its members stand for every graph that names the list: counted as
  // drop_in_pair() counts an edge's graphs, and kept with them, so that
  // the same member of the same list named again elsewhere adds only the
  // graphs it adds.
  Graphs graphs = { NULL, 0, 0 };
  EntStatus st = ENT_SUCCESS;
  for (uint32_t in = cells[head].in + 1; in && !st; in = next_in[in - 1]) {
    lg->edges[in - 1].dropped = true;
    st = add_graphs_of(lg, in - 1, &graphs);
  }
  const uint32_t n_graphs = distinct_graphs(graphs.items, graphs.n);
  uint32_t graphs_at = UINT32_MAX; // kept with the first member
  if (st) {
    free(graphs.items);
    return st;
  }
  uint32_t n_texts = 0;
  for (uint32_t at = head, k = 0; k < n_items; ++k) {
    n_texts += is_text_member(lg, &cells[at], nil);
    at = lg->edges[cells[at].rest].to;
  }
  EntBuf text = { NULL, 0, 0 };
  EntBuf line = { NULL, 0, 0 }; // a list of texts only: "(\"a\" \"b\")"
  for (uint32_t at = head, k = 1; k <= n_items && !st; ++k) {
    const ListCell *c = &cells[at];
    ent_buf_reset(&text);
    if (is_text_member(lg, c, nil) && n_texts == n_items) {
      st = ent_buf_append(&line, k > 1 ? " " : "(", 1);
      if (!st) {
        st = append_member_text(lg, c, &line);
      }
    } else if (is_text_member(lg, c, nil)) {
      // Among resources: its place said with it ("2/3 \"two\"").
      st = ent_buf_appendf(&text, "%u/%u ", k, n_items);
      if (!st) {
        st = append_member_text(lg, c, &text);
      }
      if (!st) {
        st = keep_literal(lg, owned.from, owned.predicate, text.buf);
      }
    } else {
      // Interned with the predicate's IRI before the label: the same
      // member of one list stated twice is one edge, while two predicates
      // that both show as "p" keep theirs (drop_redundant_edges() tells a
      // list's members apart by this pointer).
      st = ent_buf_appendf(
        &text, "%s\x01%s %u/%u", owned.predicate, owned.label, k, n_items);
      const char *key = st ? NULL : ent_pool_intern(&lg->strings, text.buf);
      st = key ? add_edge(lg,
                          owned.from,
                          lg->edges[c->first].to,
                          owned.predicate,
                          (uint16_t)((owned.flags & ~LIST_FLAGS_DROPPED) |
                                     EDGE_LIST_ITEM),
                          strchr(key, '\x01') + 1,
                          owned.graph)
               : ENT_ERR_NO_MEMORY;
      if (!st) {
        st = give_graphs(
          lg, (uint32_t)(lg->n_edges - 1), graphs.items, n_graphs, &graphs_at);
      }
    }
    // A literal's `first` is an index into the literals, not the edges:
    // taken for an edge, it dropped an unrelated one (whichever edge had
    // that index), without a word.
    if (!c->first_is_literal) {
      lg->edges[c->first].dropped = true;
    }
    lg->edges[c->rest].dropped = true;
    lg->nodes[at].kind = KIND_HIDDEN;
    at = lg->edges[c->rest].to;
  }
  if (!st && n_texts == n_items) {
    st = ent_buf_append(&line, ")", 1);
    if (!st) {
      st = keep_literal(lg, owned.from, owned.predicate, line.buf);
    }
  }
  ent_buf_free(&text);
  ent_buf_free(&line);
  free(graphs.items);
  return st;
}

/// Draw each RDF list the way Turtle writes it, ( a b c ), not as the
/// chain of blank nodes it is made of: `ex:Agent owl:unionOf ( ex:Person
/// ex:Org )` becomes an edge from ex:Agent to each member, labelled
/// "owl:unionOf 1/2" and "owl:unionOf 2/2"; a list of literals a line on
/// its owner (`sh:in ("active" "retired")`), a literal among resources a
/// line with its place (`ex:p 2/3 "two"`).  A list that is not well formed
/// (a link with a second rdf:first, a name, two pointers to it, a loop, no
/// rdf:nil at its end) is left as the statements say.
static EntStatus
fold_lists(LGraph *lg)
{
  const LPredicate *first_p = used_predicate(lg, RDF_NS "first");
  const LPredicate *rest_p = used_predicate(lg, RDF_NS "rest");
  if (!first_p || !rest_p) {
    return ENT_SUCCESS;
  }
  const char *first_iri = first_p->iri;
  const char *rest_iri = rest_p->iri;
  ListCell *cells = calloc(lg->n_nodes ? lg->n_nodes : 1, sizeof(ListCell));
  uint32_t *next_in = calloc(lg->n_edges ? lg->n_edges : 1, sizeof(uint32_t));
  EntStatus st = cells && next_in ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  const size_t n_edges = lg->n_edges; // the fold adds edges past these
  for (size_t i = 0; i < n_edges && !st; ++i) {
    st = lgraph_tick(lg);
    count_list_edge(lg, cells, next_in, (uint32_t)i, first_iri, rest_iri);
  }
  for (size_t i = 0; i < lg->n_literals && !st; ++i) {
    st = lgraph_tick(lg);
    const LClaim *c = &lg->literals[i];
    ListCell *cell = &cells[c->subject];
    if (c->predicate == first_iri) {
      if (!cell->n_first || !cell->first_is_literal ||
          strcmp(lg->literals[cell->first].value, c->value) != 0) {
        cell->first = (uint32_t)i;
        cell->first_is_literal = true;
        ++cell->n_first;
      }
    } else if (strcmp(c->predicate, RDF_TYPE) != 0 ||
               strcmp(c->value, RDF_NS "List") != 0) {
      ++cell->n_other; // rdf:type rdf:List says nothing more
    }
  }
  const uint32_t nil = find_node(lg, RDF_NS "nil");
  for (uint32_t head = 0; head < lg->n_nodes && !st; ++head) {
    st = lgraph_tick(lg);
    if (st || !is_list_cell(lg, cells, head)) {
      continue;
    }
    const LEdge *owner = &lg->edges[cells[head].in];
    if (is_list_cell(lg, cells, owner->from) || owner->predicate == rest_iri) {
      // A link of a list, a list in a list, or the tail of a list that is
      // not well formed (its head pointed at twice): left as it is.
      continue;
    }
    // Walk to rdf:nil: every link a cell, pointed at by its predecessor
    // alone, so the walk cannot loop (the bound is only a safeguard).
    uint32_t n_items = 0;
    bool whole = false;
    for (uint32_t at = head; n_items < lg->n_nodes;) {
      ++n_items;
      const uint32_t next = lg->edges[cells[at].rest].to;
      if (next == nil) {
        whole = true;
        break;
      }
      if (!is_list_cell(lg, cells, next)) {
        break;
      }
      at = next;
    }
    if (whole) {
      st = fold_list(lg, cells, next_in, head, n_items, nil);
    }
  }
  // The empty list, as Turtle writes it: "ex:p ()" on its owner.  rdf:nil
  // is drawn only where something other than a folded list ends there
  // (a folded link's copies in other graphs are hidden with it).
  bool nil_drawn = nil != ENT_NO_ENTITY && lg->nodes[nil].is_subject;
  for (size_t i = 0; i < n_edges && !st && nil != ENT_NO_ENTITY; ++i) {
    const LEdge e = lg->edges[i];
    if (e.to != nil || e.dropped || lg->nodes[e.from].kind == KIND_HIDDEN) {
      continue;
    }
    if (e.predicate != rest_iri && e.predicate != first_iri) {
      lg->edges[i].dropped = true;
      st = keep_literal(lg, e.from, e.predicate, "()");
    } else {
      nil_drawn = true;
    }
  }
  if (!st && nil != ENT_NO_ENTITY && !nil_drawn) {
    lg->nodes[nil].kind = KIND_HIDDEN;
  }
  free(cells);
  free(next_in);
  return st;
}

const char *
lgraph_edge_name(LGraph *lg, const LEdge *e)
{
  if (!strcmp(e->predicate, ORG_NS "holds")) {
    return "post held (its title)";
  }
  if (e->flags & EDGE_MEMBERSHIP) {
    return "org:Membership (its role, its time)";
  }
  if (e->flags & EDGE_RESTRICTION) {
    return "owl:Restriction"; // "hasTopping some" stands for one
  }
  if (e->flags & EDGE_LIST_ITEM) {
    // "owl:unionOf 1/2" stands for owl:unionOf.
    LPredicate *p = used_predicate(lg, e->predicate);
    const char *label = p ? predicate_label(lg, p) : NULL;
    if (label) {
      return label;
    }
  }
  return e->label;
}

// ---- Names that sources give differently ---------------------------------

const char *
lgraph_other_names(const LNode *n, char buf[48])
{
  if (n->kind == KIND_POST || n->n_labels < 2) {
    return ""; // a post says its other titles on its edge
  }
  snprintf(buf,
           48,
           " (+%u other name%s)",
           n->n_labels - 1,
           n->n_labels > 2 ? "s" : "");
  return buf;
}

/// A node that graphs name differently keeps the name most of them give;
/// the others go into its tooltip ("also named: Alfa"), and
/// lgraph_other_names() says how many.  Translations one graph gives are
/// not different names: n_labels is set to 1 where every name comes from
/// one graph.
static EntStatus
say_other_names(LGraph *lg, LNode *n)
{
  // Graphs that each give every name (translations, or the same pair)
  // give each one vote and were first to give each the same graph; names
  // with different counts, or first given by different graphs, mean that
  // the graphs differ.
  unsigned listed = 0;
  bool differ = false;
  const LVote *last = NULL;
  for (uint32_t v = n->votes; v; v = lg->vote[v - 1].next) {
    const LVote *vote = &lg->vote[v - 1];
    if (vote->rank == n->label_rank && vote->votes) {
      differ |=
        last && (vote->votes != last->votes || vote->graph != last->graph);
      last = vote;
      ++listed;
    }
  }
  // Past the list (VOTE_LIST), in the map: many names, many graphs.
  differ |= listed < n->n_labels;
  if (!differ) {
    n->n_labels = 1;
    return ENT_SUCCESS;
  }
  EntBuf *b = &lg->scratch;
  ent_buf_reset(b);
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_buf_appendf(b, "%s\nalso named:", n->tooltip ? n->tooltip : n->iri));
  const char *sep = " ";
  unsigned said = 0;
  for (uint32_t v = n->votes; v; v = lg->vote[v - 1].next) {
    const LVote *vote = &lg->vote[v - 1];
    if (vote->rank == n->label_rank && vote->votes &&
        strcmp(vote->label, n->label) != 0) {
      TRY(st, ent_buf_appendf(b, "%s%s", sep, vote->label));
      sep = "; ";
      ++said;
    }
  }
  if (said + 1 < n->n_labels) {
    TRY(st, ent_buf_appendf(b, "%sand %u more", sep, n->n_labels - 1 - said));
  }
  n->tooltip = ent_pool_copy(&lg->strings, b->buf, b->len);
  return n->tooltip ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
}

// ---- OWL restrictions ------------------------------------------------------
// `ex:Margherita rdfs:subClassOf [ a owl:Restriction ; owl:onProperty
// ex:hasTopping ; owl:someValuesFrom ex:Mozzarella ]` is drawn as Protégé
// and WebVOWL show it: an edge Margherita -> Mozzarella labelled
// "hasTopping some", not a "[ ]" node with three edges.

/// The words of a restriction, by the predicate that gives its filler or
/// its number.
static const struct {
  const char *iri;
  const char *word;
  bool number;    ///< A cardinality: its literal is the number
  bool qualified; ///< ... of owl:onClass
} restriction_words[] = {
  { OWL_NS "someValuesFrom", "some", false, false },
  { OWL_NS "allValuesFrom", "only", false, false },
  { OWL_NS "hasValue", "value", false, false },
  { OWL_NS "qualifiedCardinality", "exactly", true, true },
  { OWL_NS "minQualifiedCardinality", "min", true, true },
  { OWL_NS "maxQualifiedCardinality", "max", true, true },
  { OWL_NS "cardinality", "exactly", true, false },
  { OWL_NS "minCardinality", "min", true, false },
  { OWL_NS "maxCardinality", "max", true, false },
};
enum {
  N_RESTRICTION_WORDS = sizeof(restriction_words) / sizeof(*restriction_words)
};

/// What one blank node says as a restriction.
typedef struct {
  uint32_t in;      ///< The edge that points at it (n_in == 1)
  uint32_t on;      ///< Its owl:onProperty edge
  uint32_t filler;  ///< Its filler's edge (someValuesFrom, onClass, ...)
  uint32_t literal; ///< Its number's or literal value's claim
  // Counts of 0, 1 or 2 (two or more):
  uint8_t n_in;
  uint8_t n_on;
  uint8_t n_filler;
  uint8_t n_literal;
  uint8_t n_other; ///< Anything else it says (a label, a comment)
  uint8_t word;    ///< restriction_words index of the filler or number
  bool on_class;   ///< The filler is owl:onClass (qualified)
} Restriction;

static int
restriction_word(const char *predicate)
{
  for (int k = 0; k < (int)N_RESTRICTION_WORDS; ++k) {
    if (!strcmp(predicate, restriction_words[k].iri)) {
      return k;
    }
  }
  return -1;
}

/// Whether blank node `node`, whose statements `r` counts, is one
/// restriction and nothing more, and one edge, a subclass, an equivalence
/// a complement or a list's (owl:intersectionOf ( ex:Pizza [ ... ] )),
/// points at it: then it folds.
static bool
folds_as_restriction(const LGraph *lg, uint32_t node, const Restriction *all)
{
  const Restriction *r = &all[node];
  // A name, a comment or a date on it (not among the literals) is more
  // than the restriction says.
  const LNode *n = &lg->nodes[node];
  if (n->label || n->tooltip || n->date || n->kind == KIND_HIDDEN ||
      !is_blank(n)) {
    return false;
  }
  if (r->n_in != 1 || r->n_on != 1 || r->n_other ||
      r->n_filler + r->n_literal == 0 || r->n_filler > 1 || r->n_literal > 1) {
    return false;
  }
  const bool number = restriction_words[r->word].number;
  const bool qualified = restriction_words[r->word].qualified;
  // some/only/value: one filler (a resource, or a literal for value);
  // a qualified number: the number and owl:onClass; a number alone.
  const bool whole =
    number ? r->n_literal == 1 &&
               (qualified ? r->n_filler == 1 && r->on_class : r->n_filler == 0)
           : r->n_filler + r->n_literal == 1 && !r->on_class;
  // Its property is named (not an expression: owl:inverseOf ex:p), and
  // what points at it is not a restriction itself (one folded first
  // would take the edge along).
  if (is_blank(&lg->nodes[lg->edges[r->on].to])) {
    return false;
  }
  const LEdge *in = &lg->edges[r->in];
  return whole && !in->dropped && in->from != in->to && !all[in->from].n_on &&
         (!strcmp(in->predicate, RDFS_NS "subClassOf") ||
          !strcmp(in->predicate, OWL_NS "equivalentClass") ||
          !strcmp(in->predicate, OWL_NS "complementOf") ||
          (in->flags & EDGE_LIST_ITEM));
}

/// Fold restriction node `node` (folds_as_restriction()) into an edge from
/// the class that points at it to its filler, or a line on that class.
static EntStatus
fold_restriction(LGraph *lg, uint32_t node, const Restriction *r)
{
  const LEdge in = lg->edges[r->in];
  const LEdge on = lg->edges[r->on];
  // As every other edge names its predicate: by the name the graph gives
  // the property, else its prefixed name.
  const LNode *property = &lg->nodes[on.to];
  const char *name = property->label_rank && property->label
                       ? property->label
                       : lgraph_short_name(lg, property->iri);
  const bool equivalent = !strcmp(in.predicate, OWL_NS "equivalentClass");
  // Under a subclass or an equivalence, what the restriction says; under
  // anything else, what points at it too: "owl:complementOf ex:p some",
  // "owl:intersectionOf 2/2 ex:p some" on an edge, "2/2 ex:p min 3" after
  // the list's predicate on a line.
  const bool axiom = equivalent || !strcmp(in.predicate, RDFS_NS "subClassOf");
  const char *place = NULL;
  if (!axiom && r->n_filler) {
    place = in.label;
  } else if (in.flags & EDGE_LIST_ITEM) {
    place = strrchr(in.label, ' ');
    place = place ? place + 1 : NULL;
  }
  EntBuf text = { NULL, 0, 0 };
  EntStatus st = ent_buf_appendf(&text,
                                 "%s%s%s %s",
                                 place ? place : "",
                                 place ? " " : "",
                                 name,
                                 restriction_words[r->word].word);
  if (!st && r->n_literal) {
    const char *value = lg->literals[r->literal].value;
    st = ent_buf_append(&text, " ", 1);
    if (!st) {
      st = restriction_words[r->word].number
             ? ent_buf_append(&text, value, strlen(value))
             : append_quoted(&text, value);
    }
  }
  if (!st && equivalent && r->n_filler) {
    // An edge is drawn in the style of rdfs:subClassOf; a line on the
    // class names its predicate.
    st = ent_buf_append(&text, " (≡)", strlen(" (≡)"));
  }
  if (!st && r->n_filler) {
    const char *label = ent_pool_intern(&lg->strings, text.buf);
    st = label ? add_made_edge(lg,
                               in.from,
                               lg->edges[r->filler].to,
                               in.predicate,
                               label,
                               in.graph,
                               in.n_graphs)
               : ENT_ERR_NO_MEMORY;
    if (!st) {
      LEdge *made = &lg->edges[lg->n_edges - 1];
      made->flags =
        (uint16_t)((made->flags & ~LIST_FLAGS_DROPPED) | EDGE_RESTRICTION);
      // It stands for the graphs its edge in stood for (a list's member).
      const LGraphSet *set = graph_set_of(lg, r->in);
      if (set) {
        uint32_t first = set->first;
        st = give_graphs(lg,
                         (uint32_t)(lg->n_edges - 1),
                         lg->graph_list + set->first,
                         set->count,
                         &first);
      }
    }
  } else if (!st) {
    // Nothing to point at ("hasTopping min 2", "hasName value \"x\""): a
    // line on the class.
    st = keep_literal(lg, in.from, in.predicate, text.buf);
  }
  ent_buf_free(&text);
  if (!st) {
    lg->edges[r->in].dropped = true;
    lg->nodes[node].kind = KIND_HIDDEN; // its own edges go with it
  }
  return st;
}

static EntStatus
fold_restrictions(LGraph *lg)
{
  const LPredicate *on_p = used_predicate(lg, OWL_NS "onProperty");
  if (!on_p) {
    return ENT_SUCCESS;
  }
  const LPredicate *on_class_p = used_predicate(lg, OWL_NS "onClass");
  Restriction *r = calloc(lg->n_nodes ? lg->n_nodes : 1, sizeof(Restriction));
  if (!r) {
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  const size_t n_edges = lg->n_edges; // the fold adds edges past these
  for (size_t i = 0; i < n_edges && !st; ++i) {
    st = lgraph_tick(lg);
    const LEdge *e = &lg->edges[i];
    if (e->dropped) {
      continue;
    }
    Restriction *to = &r[e->to];
    to->in = (uint32_t)i;
    count_to_two(&to->n_in);
    Restriction *from = &r[e->from];
    int word = -1;
    if (e->predicate == on_p->iri) {
      from->on = (uint32_t)i;
      count_to_two(&from->n_on);
    } else if (on_class_p && e->predicate == on_class_p->iri) {
      from->filler = (uint32_t)i;
      from->on_class = true;
      count_to_two(&from->n_filler);
    } else if ((word = restriction_word(e->predicate)) >= 0 &&
               !restriction_words[word].number) {
      from->filler = (uint32_t)i;
      from->word = (uint8_t)word;
      count_to_two(&from->n_filler);
    } else {
      count_to_two(&from->n_other);
    }
  }
  for (size_t i = 0; i < lg->n_literals && !st; ++i) {
    const LClaim *c = &lg->literals[i];
    Restriction *at = &r[c->subject];
    const int word = restriction_word(c->predicate);
    if (!strcmp(c->predicate, RDF_TYPE)) {
      // "a owl:Restriction" is what it is; another class is more.
      if (strcmp(c->value, OWL_NS "Restriction") != 0) {
        count_to_two(&at->n_other);
      }
    } else if (word >= 0) {
      at->literal = (uint32_t)i;
      at->word = (uint8_t)word;
      count_to_two(&at->n_literal);
    } else {
      count_to_two(&at->n_other);
    }
  }
  for (uint32_t node = 0; node < lg->n_nodes && !st; ++node) {
    st = lgraph_tick(lg);
    if (!st && r[node].n_on && folds_as_restriction(lg, node, r)) {
      st = fold_restriction(lg, node, &r[node]);
    }
  }
  free(r);
  return st;
}

/// The symmetric axioms fold_pairwise() folds: how a tooltip says each
/// and how the caption names it.
static const struct {
  const char *iri[2];
  const char *tooltip;
  const char *caption;
} pairwise_axioms[ENT_PAIRWISE_KINDS] = {
  { { OWL_NS "disjointWith", OWL_NS "propertyDisjointWith" },
    "disjoint with",
    "disjoint (owl:disjointWith)" },
  { { OWL_NS "differentFrom", NULL },
    "different from",
    "different (owl:differentFrom)" },
};

/// One end of a symmetric axiom folded away: `node` is
/// pairwise_axioms[kind] `other`.
typedef struct {
  uint32_t node;
  uint32_t other;
  unsigned kind;
  const LGraph *lg; ///< For the order (labels)
} Pairwise;

static int
pairwise_order(const void *a, const void *b)
{
  const Pairwise *x = a;
  const Pairwise *y = b;
  if (x->node != y->node) {
    return x->node < y->node ? -1 : 1;
  }
  if (x->kind != y->kind) {
    return x->kind < y->kind ? -1 : 1;
  }
  const int by_label =
    strcmp(x->lg->nodes[x->other].label, x->lg->nodes[y->other].label);
  return by_label ? by_label : (x->other > y->other) - (x->other < y->other);
}

/// Names a tooltip lists of one node's symmetric axioms before "and N more",
/// and the characters of each (a name of 1 MB would be copied into the
/// tooltip of every node disjoint with it).
enum { PAIRWISE_NAMED = 12, PAIRWISE_NAME_CHARS = 60 };

/// Say the sorted ends `ends[0..n)`, all of one node, as its pairwise
/// text: "disjoint with: Cheese; Fish; and 3 more".
static EntStatus
say_pairwise(LGraph *lg, const Pairwise *ends, size_t n)
{
  EntBuf *b = &lg->scratch;
  ent_buf_reset(b);
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    size_t named = 0;
    TRY(st,
        ent_buf_appendf(
          b, "%s%s:", i ? "\n" : "", pairwise_axioms[ends[i].kind].tooltip));
    for (; j < n && ends[j].kind == ends[i].kind; ++j) {
      if (named < PAIRWISE_NAMED) {
        TRY(st, ent_buf_append(b, named ? "; " : " ", named ? 2 : 1));
        TRY(st,
            append_cut(b, lg->nodes[ends[j].other].label, PAIRWISE_NAME_CHARS));
        ++named;
      }
    }
    if (j - i > named) {
      TRY(st, ent_buf_appendf(b, "; and %zu more", j - i - named));
    }
    i = j;
  }
  lg->pairwise[ends[0].node] = ent_pool_copy(&lg->strings, b->buf, b->len);
  return lg->pairwise[ends[0].node] ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
}

/// The pairwise_axioms kind of `predicate`.
static unsigned
pairwise_kind(const char *predicate)
{
  for (unsigned k = 0; k < ENT_PAIRWISE_KINDS; ++k) {
    for (size_t i = 0; i < 2 && pairwise_axioms[k].iri[i]; ++i) {
      if (!strcmp(predicate, pairwise_axioms[k].iri[i])) {
        return k;
      }
    }
  }
  return 0; // unreached: EDGE_PAIRWISE is given to these predicates only
}

/// Whether edge `e` is a symmetric axiom between two named nodes: one
/// with a class expression ([ owl:unionOf (...) ]) is drawn, which a
/// tooltip's "[ ]" could not tell apart.
static bool
folds_as_pairwise(const LGraph *lg, const LEdge *e)
{
  return !e->dropped && (e->flags & EDGE_PAIRWISE) && e->from != e->to &&
         !is_blank(&lg->nodes[e->from]) && !is_blank(&lg->nodes[e->to]);
}

/// Symmetric axioms (owl:disjointWith, owl:propertyDisjointWith,
/// owl:differentFrom) are stated pairwise over whole groups: Protégé's
/// pizza ontology has 784 owl:disjointWith edges among 100 classes, a
/// hairball that took Graphviz 27 s to route (WebVOWL hides them for the
/// same reason).  Their edges are dropped; each end's tooltip names the
/// others, once per pair however often it is stated.  Called when the
/// labels are final: the tooltips name nodes by them.
static EntStatus
fold_pairwise(LGraph *lg)
{
  size_t n = 0;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    n += folds_as_pairwise(lg, &lg->edges[i]);
  }
  if (!n) {
    return ENT_SUCCESS;
  }
  Pairwise *ends = calloc(2 * n, sizeof(Pairwise));
  lg->pairwise = calloc(lg->n_nodes + 1, sizeof(char *)); // never 0 bytes
  if (!ends || !lg->pairwise) {
    free(ends);
    return ENT_ERR_NO_MEMORY;
  }
  size_t k = 0;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    LEdge *e = &lg->edges[i];
    if (!folds_as_pairwise(lg, e)) {
      continue;
    }
    e->dropped = true;
    const unsigned kind = pairwise_kind(e->predicate);
    ends[k++] = (Pairwise){ e->from, e->to, kind, lg };
    ends[k++] = (Pairwise){ e->to, e->from, kind, lg };
  }
  qsort(ends, k, sizeof(*ends), pairwise_order);
  // A pair stated both ways (or in several graphs) is one pair.
  size_t kept = 0;
  for (size_t i = 0; i < k; ++i) {
    const Pairwise *last = kept ? &ends[kept - 1] : NULL;
    if (!last || ends[i].node != last->node || ends[i].other != last->other ||
        ends[i].kind != last->kind) {
      ends[kept++] = ends[i];
    }
  }
  // Each pair is here from both ends: kept from the first, for the
  // caption, which counts those of the view drawn.
  lg->pairs = malloc((kept / 2 + 1) * 3 * sizeof(uint32_t));
  if (!lg->pairs) {
    free(ends);
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < kept; ++i) {
    if (ends[i].node < ends[i].other) {
      uint32_t *pair = &lg->pairs[3 * lg->n_pairs++];
      pair[0] = ends[i].node;
      pair[1] = ends[i].other;
      pair[2] = ends[i].kind;
    }
  }
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < kept && !st;) {
    size_t j = i;
    while (j < kept && ends[j].node == ends[i].node) {
      ++j;
    }
    st = say_pairwise(lg, ends + i, j - i);
    i = j;
  }
  free(ends);
  return st;
}

EntStatus
lgraph_pairwise_note(const LGraph *lg, EntBuf *out, const char *named_in)
{
  size_t count[ENT_PAIRWISE_KINDS] = { 0 };
  for (size_t i = 0; i < lg->n_pairs; ++i) {
    const uint32_t *pair = &lg->pairs[3 * i];
    count[pair[2]] += lg->nodes[pair[0]].in_view || lg->nodes[pair[1]].in_view;
  }
  EntStatus st = ENT_SUCCESS;
  const char *sep = out->len ? "\n" : "";
  bool said = false;
  for (size_t k = 0; k < ENT_PAIRWISE_KINDS; ++k) {
    if (count[k]) {
      char pairs[32];
      format_count(count[k], pairs);
      TRY(st,
          ent_buf_appendf(
            out, "%s%s pairs: %s", sep, pairwise_axioms[k].caption, pairs));
      sep = "; ";
      said = true;
    }
  }
  return said ? ent_buf_appendf(out, ", named in %s", named_in) : ENT_SUCCESS;
}

/// Somebody else's graph: a node of a class the drawing has no shape for
/// (said as "a ex:Envoy" on it) that the graph makes a subclass of one it
/// has (ex:Envoy rdfs:subClassOf foaf:Person, at any depth) is drawn as
/// that one, the nearest up the graph's rdfs:subClassOf edges.  One
/// breadth-first walk down those edges from every class with a shape:
/// each class is reached once, cycles and all.
static EntStatus
inherit_kinds(LGraph *lg)
{
  const char *subclass_of = used_iri(lg, RDFS_NS "subClassOf");
  // Wikidata's "subclass of" is its rdfs:subClassOf, as its "instance of"
  // is its rdf:type (a ministry, a subclass of government agency).
  const char *wd_subclass_of = used_iri(lg, WD_PROP_DIRECT "P279");
  // An equivalent class is a subclass both ways (ex:Human
  // owl:equivalentClass foaf:Person: drawn as a person).
  const char *equivalent = used_iri(lg, OWL_NS "equivalentClass");
  if (lg->model_strings || (!subclass_of && !wd_subclass_of && !equivalent) ||
      !lg->n_literals) {
    return ENT_SUCCESS;
  }
  // Each class node's subclass links (link + 1, chained: link 2i is edge
  // i read from its subject up, 2i + 1 an equivalence read back), its
  // entry of class_kinds + 1 (0: none yet), and the walk's queue.
  uint32_t *subs = calloc(lg->n_nodes + 1, sizeof(uint32_t));
  uint32_t *next_sub = malloc((2 * lg->n_edges + 1) * sizeof(uint32_t));
  uint8_t *kind_of = calloc(lg->n_nodes + 1, 1);
  uint32_t *queue = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  EntStatus st =
    subs && next_sub && kind_of && queue ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  size_t n_queued = 0;
  for (size_t i = 0; i < 2 * lg->n_edges && !st; ++i) {
    const LEdge *e = &lg->edges[i / 2];
    const bool back = i % 2;
    if (e->dropped || !(back ? e->predicate == equivalent
                             : (e->predicate == subclass_of ||
                                e->predicate == wd_subclass_of ||
                                e->predicate == equivalent))) {
      continue;
    }
    const uint32_t super = back ? e->from : e->to;
    next_sub[i] = subs[super];
    subs[super] = (uint32_t)i + 1;
    // A superclass with a shape starts the walk (once).
    int k = -1;
    st =
      kind_of[super] ? ENT_SUCCESS : class_kind(lg, lg->nodes[super].iri, &k);
    if (k >= 0) {
      // class_kinds has fewer than 255 entries.
      kind_of[super] = (uint8_t)(k + 1);
      queue[n_queued++] = super;
    }
  }
  for (size_t head = 0; head < n_queued && !st; ++head) {
    const uint32_t super = queue[head];
    for (uint32_t l = subs[super]; l; l = next_sub[l - 1]) {
      const LEdge *link = &lg->edges[(l - 1) / 2];
      const uint32_t sub = (l - 1) % 2 ? link->to : link->from;
      if (!kind_of[sub]) {
        kind_of[sub] = kind_of[super];
        queue[n_queued++] = sub;
      }
    }
    st = lgraph_tick(lg);
  }
  for (size_t i = 0; i < lg->n_literals && !st; ++i) {
    const LClaim *typed = &lg->literals[i];
    if (strcmp(typed->predicate, RDF_TYPE) != 0) {
      continue;
    }
    const uint32_t c = find_node(lg, typed->value);
    LNode *n = &lg->nodes[typed->subject];
    const int k = c == ENT_NO_ENTITY ? -1 : (int)kind_of[c] - 1;
    if (k >= 0 && class_kinds[k].rank > n->kind_rank &&
        class_kinds[k].kind != KIND_HIDDEN) {
      n->kind = class_kinds[k].kind;
      n->kind_rank = class_kinds[k].rank;
      n->class_iri = class_kinds[k].iri;
      n->inherited = true;
    }
    st = lgraph_tick(lg);
  }
  free(subs);
  free(next_sub);
  free(kind_of);
  free(queue);
  return st;
}

/// A property somebody else's graph names itself (ex:advises rdfs:label
/// "advises"): the default label of its edges and the node that names it.
typedef struct {
  const char *default_label;
  uint32_t node;
} PropertyName;

/// Wikibase's (Wikidata's) links from a property's entity (wd:P31, which
/// has the name) to the predicates statements use for it (wdt:P31, p:P31,
/// ps:P31...), and its other plumbing: not drawn; the links name their
/// predicates' edges.
static const struct {
  const char *iri;
  bool names;
} wikibase_plumbing[] = {
  { WIKIBASE_NS "directClaim", true },
  { WIKIBASE_NS "claim", true },
  { WIKIBASE_NS "statementProperty", true },
  { WIKIBASE_NS "statementValue", true },
  { WIKIBASE_NS "statementValueNormalized", true },
  { WIKIBASE_NS "qualifier", true },
  { WIKIBASE_NS "qualifierValue", true },
  { WIKIBASE_NS "qualifierValueNormalized", true },
  { WIKIBASE_NS "reference", true },
  { WIKIBASE_NS "referenceValue", true },
  { WIKIBASE_NS "referenceValueNormalized", true },
  { WIKIBASE_NS "novalue", false },
  { WIKIBASE_NS "propertyType", false },
  { WIKIBASE_NS "rank", false },
};
enum {
  N_WIKIBASE_PLUMBING = sizeof(wikibase_plumbing) / sizeof(*wikibase_plumbing)
};

/// Add the name of node `v` for the edges of predicate `p` to `names` and
/// `by_iri` (once per predicate).
static EntStatus
add_property_name(LGraph *lg,
                  LPredicate *p,
                  uint32_t v,
                  PropertyName **names,
                  size_t *n_names,
                  size_t *cap_names,
                  EntMap *by_iri)
{
  if (!lg->nodes[v].label_rank || !lg->nodes[v].label ||
      ent_map_get(by_iri, p->iri)) {
    return ENT_SUCCESS;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_grow(names, cap_names, *n_names, sizeof(PropertyName), 8));
  (*names)[(*n_names)++] = (PropertyName){ predicate_label(lg, p), v };
  TRY(st, ent_map_put(by_iri, p->iri, (void *)(uintptr_t)*n_names));
  // For the lines its literals make (add_literal_facets()).
  return ent_map_put(
    &lg->property_names, p->iri, (void *)(uintptr_t)lg->nodes[v].label);
}

/// A Wikibase statement or reference node, which is not drawn.
static bool
is_wikibase_hidden(const LNode *n)
{
  return n->kind == KIND_HIDDEN && n->class_iri &&
         (!strcmp(n->class_iri, WIKIBASE_NS "Statement") ||
          !strcmp(n->class_iri, WIKIBASE_NS "Reference"));
}

/// Wikidata's statement nodes are not drawn: their direct claims (wdt:P39)
/// say the same.  A statement whose value no direct claim repeats (one not
/// of the best rank, or a graph of statements alone) would then say
/// nothing: it is drawn as the direct claim it stands for.
static EntStatus
draw_lone_statements(LGraph *lg)
{
  bool any = false;
  for (size_t i = 0; i < lg->n_nodes && !any && !lg->entente_classes; ++i) {
    any = is_wikibase_hidden(&lg->nodes[i]);
  }
  if (!any) {
    return ENT_SUCCESS;
  }
  const size_t prop_len = sizeof(WD_PROP) - 1;
  const size_t statement_len = sizeof(WD_PROP_STATEMENT) - 1;
  const size_t direct_len = sizeof(WD_PROP_DIRECT) - 1;
  uint32_t *subject = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  const char **property = calloc(lg->n_nodes + 1, sizeof(const char *));
  EntMap direct; // "subject value P39" of every direct claim
  ent_map_init(&direct);
  EntPool keys;
  ent_pool_init(&keys);
  EntBuf key = { NULL, 0, 0 };
  EntStatus st = subject && property ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  for (size_t i = 0; !st && i < lg->n_nodes; ++i) {
    subject[i] = ENT_NO_ENTITY;
  }
  const size_t n_edges = lg->n_edges; // the edges added below are not read
  for (size_t i = 0; i < n_edges && !st; ++i) {
    const LEdge *e = &lg->edges[i];
    if (!strncmp(e->predicate, WD_PROP_DIRECT, direct_len)) {
      ent_buf_reset(&key);
      const char *kept = NULL;
      st = ent_buf_appendf(
        &key, "%u %u %s", e->from, e->to, e->predicate + direct_len);
      kept = st ? NULL : ent_pool_intern(&keys, key.buf);
      st = st     ? st
           : kept ? ent_map_put(&direct, kept, (void *)(uintptr_t)1)
                  : ENT_ERR_NO_MEMORY;
    } else if (!strncmp(e->predicate, WD_PROP, prop_len) &&
               e->predicate[prop_len] == 'P' &&
               is_wikibase_hidden(&lg->nodes[e->to])) {
      subject[e->to] = e->from;
      property[e->to] = e->predicate + prop_len;
    }
  }
  for (size_t i = 0; i < n_edges && !st; ++i) {
    const LEdge e = lg->edges[i]; // a copy: add_made_edge() may move them
    const uint32_t s = subject[e.from];
    if (s == ENT_NO_ENTITY ||
        strncmp(e.predicate, WD_PROP_STATEMENT, statement_len) != 0 ||
        strcmp(e.predicate + statement_len, property[e.from]) != 0 ||
        is_wikibase_hidden(&lg->nodes[e.to])) {
      continue;
    }
    ent_buf_reset(&key);
    st = ent_buf_appendf(&key, "%u %u %s", s, e.to, property[e.from]);
    if (st || ent_map_get(&direct, key.buf)) {
      continue;
    }
    const char *kept = ent_pool_intern(&keys, key.buf);
    st = kept ? ent_map_put(&direct, kept, (void *)(uintptr_t)1)
              : ENT_ERR_NO_MEMORY;
    EntBuf iri = { NULL, 0, 0 };
    st =
      st ? st : ent_buf_appendf(&iri, "%s%s", WD_PROP_DIRECT, property[e.from]);
    LPredicate *pred = st ? NULL : predicate_of(lg, iri.buf);
    ent_buf_free(&iri);
    if (!st && !pred) {
      st = ENT_ERR_NO_MEMORY;
    }
    st = st ? st
            : add_made_edge(lg,
                            s,
                            e.to,
                            pred->iri,
                            predicate_label(lg, pred),
                            e.graph,
                            e.n_graphs);
  }
  ent_buf_free(&key);
  ent_map_clear(&direct);
  ent_pool_clear(&keys);
  free(subject);
  free((void *)property);
  return st;
}

/// The node of the Wikidata property entity (wd:P39) whose predicate
/// `iri` is (wdt:P39, p:P39, ps:P39, pq:P39, pr:P39 and their value/ and
/// novalue/ forms), or ENT_NO_ENTITY.  Wikidata's dumps link the two with
/// wikibase:directClaim and the like, but the graphs people take from its
/// query service (a CONSTRUCT of items and their properties' labels) seldom
/// do; the predicates' namespaces are Wikidata's documented RDF format.
static uint32_t
wikidata_property_node(const LGraph *lg, const char *iri)
{
  static const char entity_ns[] = "http://www.wikidata.org/entity/";
  const size_t prop_len = sizeof(WD_PROP) - 1;
  if (strncmp(iri, WD_PROP, prop_len) != 0) {
    return ENT_NO_ENTITY;
  }
  const char *id = strrchr(iri, '/') + 1; // WD_PROP ends with '/'
  for (const char *c = iri + prop_len; c < id; ++c) {
    if (!(*c >= 'a' && *c <= 'z') && *c != '-' && *c != '/') {
      return ENT_NO_ENTITY;
    }
  }
  if (id[0] != 'P') {
    return ENT_NO_ENTITY; // an empty name too: "…/prop/direct/"
  }
  size_t digits = 0;
  while (id[1 + digits] >= '0' && id[1 + digits] <= '9') {
    ++digits;
  }
  if (!digits || id[1 + digits] || digits > 12) {
    return ENT_NO_ENTITY;
  }
  char entity[sizeof(entity_ns) + 16];
  snprintf(entity, sizeof(entity), "%s%s", entity_ns, id);
  return find_node(lg, lgraph_spelling(lg, entity));
}

/// Somebody else's graph that names its own properties: their edges say
/// that name ("advises"), not "ex:advises", and so will the lines their
/// literals make on nodes (lg->property_names); so does a Wikibase
/// property's (wd:P31 "instance of" for wdt:P31).  A property node with no
/// edge of its own then says nothing the edges and lines do not, and is
/// not drawn; nor is what Wikibase's plumbing or its hidden statement and
/// reference nodes alone pointed at (wdt:P31, wikibase:NormalRank, a
/// reference's source), nor a class the graph names (ex:Envoy rdfs:label
/// "envoy", wd:Q5 "human") with no edge of its own: its name is on the
/// nodes it types ("a envoy") or in the legend.
static EntStatus
name_properties(LGraph *lg)
{
  if (lg->model_strings) {
    return ENT_SUCCESS;
  }
  PropertyName *names = NULL;
  size_t n_names = 0;
  size_t cap_names = 0;
  EntMap by_iri; // Predicate IRI -> index + 1 in names
  ent_map_init(&by_iri);
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < lg->n_predicates && !st; ++i) {
    LPredicate *p = &lg->predicate[i];
    uint32_t v = find_node(lg, lgraph_spelling(lg, p->iri));
    if (v == ENT_NO_ENTITY) {
      v = wikidata_property_node(lg, p->iri);
    }
    if (v != ENT_NO_ENTITY) {
      st = add_property_name(lg, p, v, &names, &n_names, &cap_names, &by_iri);
    }
  }
  const char *plumbing[N_WIKIBASE_PLUMBING];
  bool wikibase = false;
  for (size_t k = 0; k < N_WIKIBASE_PLUMBING; ++k) {
    plumbing[k] = used_iri(lg, wikibase_plumbing[k].iri);
    wikibase |= plumbing[k] != NULL;
  }
  // The classes nodes were typed with (take_type() keeps each in
  // lg->classes, whether it gave the node its shape, lost to a more
  // specific one or is a line) that the graph describes: their names are
  // on those nodes ("a envoy") or in the legend.
  bool classes = false;
  for (size_t i = 0; i < lg->classes.size && !classes; ++i) {
    const char *cls = lg->classes.slots[i].key;
    classes = cls && find_node(lg, cls) != ENT_NO_ENTITY;
  }
  const bool naming = n_names || wikibase || classes;
  uint32_t *degree =
    !st && naming ? calloc(lg->n_nodes + 1, sizeof(uint32_t)) : NULL;
  // Per node: 1 its name labels edges or names a class, 2 plumbing
  // pointed at it, 3 only statement and reference nodes did.
  uint8_t *alone = degree ? calloc(lg->n_nodes + 1, 1) : NULL;
  if (!st && naming && !alone) {
    st = ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; wikibase && alone && i < lg->n_edges && !st; ++i) {
    LEdge *e = &lg->edges[i];
    size_t k = 0;
    while (k < N_WIKIBASE_PLUMBING && e->predicate != plumbing[k]) {
      ++k;
    }
    if (k == N_WIKIBASE_PLUMBING) {
      // What only a statement or a reference node points at (a
      // reference's "imported from Russian Wikipedia", a lower rank's or
      // a qualifier's value) would stand alone once they are hidden,
      // unless it says something of its own (below).
      if (is_wikibase_hidden(&lg->nodes[e->from]) && !alone[e->to]) {
        alone[e->to] = 3;
      }
      continue;
    }
    e->dropped = true;
    alone[e->to] = 2;
    if (wikibase_plumbing[k].names) {
      alone[e->from] = 1; // a property's entity
      LPredicate *p = used_predicate(lg, lg->nodes[e->to].iri);
      if (p) {
        st = add_property_name(
          lg, p, e->from, &names, &n_names, &cap_names, &by_iri);
      }
    }
  }
  for (size_t i = 0; alone && i < n_names; ++i) {
    alone[names[i].node] = 1;
  }
  for (size_t i = 0; alone && classes && i < lg->classes.size; ++i) {
    const char *cls = lg->classes.slots[i].key;
    const uint32_t v = cls ? find_node(lg, cls) : ENT_NO_ENTITY;
    if (v != ENT_NO_ENTITY) {
      alone[v] = 1;
    }
  }
  for (size_t i = 0; wikibase && alone && i < lg->n_literals; ++i) {
    const LClaim *c = &lg->literals[i];
    if (alone[c->subject] == 3 && strcmp(c->predicate, RDF_TYPE) != 0) {
      alone[c->subject] = 0; // a date of birth, a full name: its lines
    }
  }
  for (size_t i = 0; alone && i < lg->n_edges && !st; ++i) {
    LEdge *e = &lg->edges[i];
    if (e->dropped) {
      continue;
    }
    // An edge of a hidden node (a folded restriction's) is not drawn.
    if (lg->nodes[e->from].kind != KIND_HIDDEN &&
        lg->nodes[e->to].kind != KIND_HIDDEN) {
      ++degree[e->from];
      ++degree[e->to];
    }
    const uintptr_t k = (uintptr_t)ent_map_get(&by_iri, e->predicate);
    // Not a list member's "ex:p 1/2" nor a restriction's "ex:p some".
    if (k && e->label && !strcmp(e->label, names[k - 1].default_label)) {
      e->label = lg->nodes[names[k - 1].node].label;
    }
    st = lgraph_tick(lg);
  }
  for (size_t v = 0; alone && v < lg->n_nodes; ++v) {
    if (alone[v] && !degree[v]) {
      lg->nodes[v].kind = KIND_HIDDEN;
    }
  }
  free(degree);
  free(alone);
  free(names);
  ent_map_clear(&by_iri);
  return st;
}

/// "+N more" after the lines of each node that had more than room for:
/// a node that stops at its ninth property must not look like all of it.
/// The lines left out are read in its tooltip: every line, there (and in
/// GraphML's details), up to the "+N more" even that has no room for.
static EntStatus
say_facets_left(LGraph *lg)
{
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    LNode *n = &lg->nodes[i];
    const uintptr_t at =
      n->facets ? (uintptr_t)ent_map_get(&lg->more_facets, n->iri) : 0;
    if (!at && (!n->facets_left || !n->facets)) {
      continue;
    }
    if (at) {
      // Every line, uncut: the label's (whole where one was cut), then
      // those it had no room for.
      struct LMore *more = &lg->more[at - 1];
      const unsigned unsaid = n->facets_left - more->count;
      EntBuf all = { NULL, 0, 0 };
      EntStatus st =
        ent_buf_appendf(&all,
                        "%s%s%s",
                        more->whole.len ? more->whole.buf : n->facets,
                        more->lines.len ? " \xC2\xB7 " : "",
                        more->lines.len ? more->lines.buf : "");
      if (!st && unsaid) {
        st = ent_buf_appendf(&all,
                             " \xC2\xB7 +%u%s more",
                             unsaid,
                             n->facets_left == UINT16_MAX ? "+" : "");
      }
      if (st) {
        ent_buf_free(&all);
        return st;
      }
      ent_buf_free(&more->lines);
      more->lines = all;
    }
    if (!n->facets_left) {
      continue; // cut lines only: nothing left out of the label
    }
    EntBuf b = { NULL, 0, 0 };
    // The count stops at 65535: "+65535+ more" past it.
    if (ent_buf_appendf(&b,
                        "%s \xC2\xB7 +%u%s more",
                        n->facets,
                        (unsigned)n->facets_left,
                        n->facets_left == UINT16_MAX ? "+" : "")) {
      ent_buf_free(&b);
      return ENT_ERR_NO_MEMORY;
    }
    n->facets = ent_pool_copy(&lg->strings, b.buf, b.len);
    ent_buf_free(&b);
    if (!n->facets) {
      return ENT_ERR_NO_MEMORY;
    }
  }
  return ENT_SUCCESS;
}

/// A name for predicate `iri` among others of one drawn name: its
/// prefixed name (`segments` 1), else its IRI's last `segments` path
/// segments ("ontology/birthPlace"), else (past them) its IRI.  NULL: no
/// memory.
static const char *
predicate_name_of(LGraph *lg, const char *iri, unsigned segments)
{
  return segments == 1                 ? lgraph_short_name(lg, iri)
         : segments <= ENT_MAX_NESTING ? iri_tail(lg, iri, segments)
                                       : iri;
}

/// A node the graph does not describe, pointed at only by nodes not drawn
/// (the property an OWL annotated axiom names, owl:Axiom being plumbing)
/// is not drawn either: alone in the drawing, it said nothing.
static EntStatus
hide_plumbing_ends(LGraph *lg)
{
  uint8_t *seen = calloc(lg->n_nodes + 1, 1); // 1: a hidden end's, 2: drawn
  if (!seen) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    const bool from_hidden = lg->nodes[e->from].kind == KIND_HIDDEN;
    const bool to_hidden = lg->nodes[e->to].kind == KIND_HIDDEN;
    if (!e->dropped) {
      seen[e->from] = seen[e->to] = 2;
    } else if (from_hidden && !to_hidden && !seen[e->to]) {
      seen[e->to] = 1;
    } else if (to_hidden && !from_hidden && !seen[e->from]) {
      seen[e->from] = 1;
    }
  }
  for (size_t v = 0; v < lg->n_nodes; ++v) {
    LNode *n = &lg->nodes[v];
    if (seen[v] == 1 && !n->is_subject && n->kind != KIND_HIDDEN) {
      n->kind = KIND_HIDDEN;
    }
  }
  free(seen);
  return ENT_SUCCESS;
}

/// A predicate drawn with a name another predicate has too
/// (tell_apart_predicates()).
typedef struct {
  const char *label;     ///< The name they share
  const char *predicate; ///< Its IRI
  const char *name;      ///< The name that tells it apart
} Renamed;

static int
by_renamed_label(const void *a, const void *b)
{
  const Renamed *x = a;
  const Renamed *y = b;
  const int c = strcmp(x->label, y->label);
  return c ? c : strcmp(x->predicate, y->predicate);
}

static int
by_renamed_name(const void *a, const void *b)
{
  return strcmp((*(const Renamed *const *)a)->name,
                (*(const Renamed *const *)b)->name);
}

/// Edges of two predicates drawn with one name (dbo:birthPlace and
/// dbp:birthPlace of a graph that declares no prefixes, both "birthPlace";
/// two properties a graph labels alike) are named apart: by the
/// predicates' prefixed names, else by longer tails of their IRIs, as
/// nodes are (tell_apart_iri_names()).  Two relations must not read as
/// one.  Linear in the edges, and n log n in the predicates that share a
/// name.
static EntStatus
tell_apart_predicates(LGraph *lg)
{
  if (lg->model_strings) {
    // entente's own graphs: the ontology gives each property its own
    // label, and a 10M corpus has millions of edges to look up.
    return ENT_SUCCESS;
  }
  EntMap first;  // drawn name -> the first predicate with it
  EntMap shared; // drawn name -> 1: more than one predicate has it
  ent_map_init(&first);
  ent_map_init(&shared);
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < lg->n_edges && !st; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->dropped || !e->label) {
      continue;
    }
    const char *had = ent_map_get(&first, e->label);
    if (!had) {
      st = ent_map_put(&first, e->label, (void *)(uintptr_t)e->predicate);
    } else if (had != e->predicate && strcmp(had, e->predicate) != 0) {
      st = ent_map_put(&shared, e->label, &shared);
    }
  }
  // Each shared name's predicates, and the names that tell them apart.
  Renamed *renamed = NULL;
  size_t n_renamed = 0;
  size_t cap_renamed = 0;
  EntMap seen; // "predicate\x01label" pairs already listed
  ent_map_init(&seen);
  EntPool keys;
  ent_pool_init(&keys);
  EntBuf key = { NULL, 0, 0 };
  for (size_t i = 0; shared.count && i < lg->n_edges && !st; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->dropped || !e->label || !ent_map_get(&shared, e->label)) {
      continue;
    }
    ent_buf_reset(&key);
    st = ent_buf_appendf(&key, "%s\x01%s", e->predicate, e->label);
    if (st || ent_map_get(&seen, key.buf)) {
      continue;
    }
    const char *kept = ent_pool_intern(&keys, key.buf);
    st = kept ? ent_map_put(&seen, kept, &seen) : ENT_ERR_NO_MEMORY;
    st =
      st ? st : ent_grow(&renamed, &cap_renamed, n_renamed, sizeof(Renamed), 8);
    if (!st) {
      renamed[n_renamed++] = (Renamed){ e->label, e->predicate, NULL };
    }
  }
  // Per shared name (the list sorted by it), the fewest segments that tell
  // its predicates apart: a group's names sorted, to find two alike.
  if (n_renamed > 1) {
    qsort(renamed, n_renamed, sizeof(Renamed), by_renamed_label);
  }
  const Renamed **names =
    n_renamed ? malloc(n_renamed * sizeof(const Renamed *)) : NULL;
  if (n_renamed && !names) {
    st = ENT_ERR_NO_MEMORY;
  }
  for (size_t a = 0, end = 0; a < n_renamed && !st; a = end) {
    end = a + 1;
    while (end < n_renamed && !strcmp(renamed[end].label, renamed[a].label)) {
      ++end;
    }
    for (unsigned segments = 1; !st; ++segments) {
      for (size_t b = a; b < end && !st; ++b) {
        renamed[b].name = predicate_name_of(lg, renamed[b].predicate, segments);
        st = renamed[b].name ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
        names[b - a] = &renamed[b];
      }
      bool apart = true;
      if (!st) {
        qsort(names, end - a, sizeof(const Renamed *), by_renamed_name);
        for (size_t k = 1; k < end - a && apart; ++k) {
          apart = strcmp(names[k - 1]->name, names[k]->name) != 0;
        }
      }
      if (apart || segments > ENT_MAX_NESTING) {
        break;
      }
    }
  }
  free(names);
  EntMap name_of; // "predicate\x01label" -> its new name
  ent_map_init(&name_of);
  for (size_t a = 0; a < n_renamed && !st; ++a) {
    ent_buf_reset(&key);
    st =
      ent_buf_appendf(&key, "%s\x01%s", renamed[a].predicate, renamed[a].label);
    const char *kept = st ? NULL : ent_pool_intern(&keys, key.buf);
    st = kept ? ent_map_put(&name_of, kept, (void *)(uintptr_t)renamed[a].name)
              : ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; n_renamed && i < lg->n_edges && !st; ++i) {
    LEdge *e = &lg->edges[i];
    if (e->dropped || !e->label || !ent_map_get(&shared, e->label)) {
      continue;
    }
    ent_buf_reset(&key);
    st = ent_buf_appendf(&key, "%s\x01%s", e->predicate, e->label);
    const char *name = st ? NULL : ent_map_get(&name_of, key.buf);
    if (name) {
      e->label = name;
    }
  }
  ent_map_clear(&name_of);
  ent_buf_free(&key);
  ent_pool_clear(&keys);
  ent_map_clear(&seen);
  free(renamed);
  ent_map_clear(&shared);
  ent_map_clear(&first);
  return st;
}

#define SKOSXL_NS "http://www.w3.org/2008/05/skos-xl#"

/// SKOS-XL (AGROVOC, EuroVoc, GEMET) names a concept through a label
/// resource: "c skosxl:prefLabel l . l skosxl:literalForm 'x'@en".  The
/// concept is named by the label's literal form, as skos:prefLabel (or
/// skos:altLabel) would name it, and the label resource, plumbing, is not
/// drawn: a thesaurus of concepts, not of concepts each with a label node
/// hanging from it.
static EntStatus
name_by_xl_labels(LGraph *lg)
{
  const char *pref = used_iri(lg, SKOSXL_NS "prefLabel");
  const char *alt = used_iri(lg, SKOSXL_NS "altLabel");
  const char *hidden = used_iri(lg, SKOSXL_NS "hiddenLabel");
  const char *form = used_iri(lg, SKOSXL_NS "literalForm");
  if ((!pref && !alt && !hidden) || !form) {
    return ENT_SUCCESS;
  }
  // Each label resource's literal forms (one, or one a language), in the
  // order read: the first's index + 1 in lg->literals, each one's next
  // (`after`), the last (`last_of`, to append).
  const size_t nodes = lg->n_nodes ? lg->n_nodes : 1;
  uint32_t *form_of = calloc(nodes, sizeof(uint32_t));
  uint32_t *last_of = calloc(nodes, sizeof(uint32_t));
  uint32_t *after =
    calloc(lg->n_literals ? lg->n_literals : 1, sizeof(uint32_t));
  LPredicate *as_pref = predicate_of(lg, SKOS_NS "prefLabel");
  LPredicate *as_alt = predicate_of(lg, SKOS_NS "altLabel");
  EntStatus st = ENT_SUCCESS;
  if (!form_of || !last_of || !after || !as_pref || !as_alt) {
    st = ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_literals && !st; ++i) {
    const LClaim *c = &lg->literals[i];
    if (c->predicate != form) {
      continue;
    }
    if (last_of[c->subject]) {
      after[last_of[c->subject] - 1] = (uint32_t)i + 1;
    } else {
      form_of[c->subject] = (uint32_t)i + 1;
    }
    last_of[c->subject] = (uint32_t)i + 1;
  }
  // A label resource that is something more (a concept too, linked on
  // its own, its own label) stays drawn: only a label is plumbing.
  // `linked`: a node with an edge of its own, or one to it that is no
  // SKOS-XL label link.
  uint8_t *linked = st ? NULL : calloc(nodes, 1);
  if (!st && !linked) {
    st = ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_edges && !st; ++i) {
    const LEdge *e = &lg->edges[i];
    const char *p = e->predicate;
    if (!e->dropped) {
      linked[e->from] = 1;
      if ((p != pref && p != alt && p != hidden) || e->from == e->to) {
        linked[e->to] = 1;
      }
    }
  }
  for (size_t i = 0; i < lg->n_edges && !st; ++i) {
    LEdge *e = &lg->edges[i];
    const char *p = e->predicate;
    if (e->dropped || (p != pref && p != alt && p != hidden) ||
        !form_of[e->to]) {
      continue;
    }
    for (uint32_t k = form_of[e->to]; k && !st && p != hidden;
         k = after[k - 1]) {
      const LClaim *c = &lg->literals[k - 1];
      const Node name = { .type = NODE_LITERAL,
                          .value = c->value,
                          .lang = c->lang,
                          .lasting = true };
      st = take_literal(
        lg, &lg->nodes[e->from], p == pref ? as_pref : as_alt, &name, e->graph);
    }
    if (!linked[e->to]) {
      e->dropped = true;
      lg->nodes[e->to].kind = KIND_HIDDEN;
    }
  }
  free(form_of);
  free(last_of);
  free(after);
  free(linked);
  return st;
}

EntStatus
lgraph_finish(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  lgraph_phase(lg,
               ENT_PHASE_DIAGRAM,
               "folding posts and dropping redundant edges",
               lg->n_nodes,
               0);
  TRY(st, lgraph_tick(lg));
  if (lg->lang_asked && lg->names_tagged && !lg->names_in_lang) {
    ent_log(lg->world,
            ENT_LOG_WARNING,
            ENT_FAILURE,
            NULL,
            "--lang %s: none of the graph's %lu names in a language is in "
            "'%s'; each node is drawn with its name in none, in English or "
            "in another language",
            lg->lang,
            lg->names_tagged,
            lg->lang);
  }
  if (lg->entente_classes && lg->kept_plumbing) {
    // Kept while the graph could still be somebody else's (no entity of
    // entente's seen yet): now known to be entente's, not drawn.
    for (size_t i = 0; i < lg->n_edges; ++i) {
      lg->edges[i].dropped |= (lg->edges[i].flags & EDGE_PLUMBING) != 0;
    }
  }
  if (!lg->entente_classes) {
    // PROV's qualified attributions and roles are plumbing in entente's
    // graphs, where every statement has one; in somebody else's they are
    // what the graph says (who was the author of what).
    for (size_t i = 0; i < lg->n_nodes; ++i) {
      LNode *n = &lg->nodes[i];
      if (n->kind == KIND_HIDDEN && n->class_iri &&
          is_one_of(n->class_iri, PROV_NS "Attribution", PROV_NS "Role")) {
        n->kind = KIND_OTHER;
      }
    }
  }
  TRY(st, inherit_kinds(lg));
  TRY(st, name_by_xl_labels(lg));
  TRY(st, fold_lists(lg));
  TRY(st, fold_restrictions(lg));
  TRY(st, drop_redundant_edges(lg));
  TRY(st, declare_inverses(lg));
  TRY(st, drop_inverse_edges(lg));
  TRY(st, drop_symmetric_twins(lg));
  TRY(st, drop_in_scheme_below(lg));
  // The folds read the edges of posts and responses only.
  uint8_t *kind = node_kinds(lg);
  st = kind ? build_adjacency(lg, kind, 1U << KIND_POST | 1U << KIND_RESPONSE)
            : ENT_ERR_NO_MEMORY;
  free(kind);
  TRY(st, st);
  TRY(st, fold_posts(lg));
  TRY(st, fold_responses(lg));
  TRY(st, fold_memberships(lg));
  TRY(st, draw_lone_statements(lg));
  TRY(st, name_properties(lg));
  if (!lg->entente_classes) {
    TRY(st, add_literal_facets(lg));
  }
  TRY(st, add_concept_facets(lg));
  TRY(st, add_date_and_place_facets(lg));
  uint32_t *iri_named = NULL; // nodes named by their IRI alone
  size_t n_iri_named = 0;
  size_t cap_iri_named = 0;
  EntBuf quoted = { NULL, 0, 0 };
  for (size_t i = 0; i < lg->n_nodes && !st; ++i) {
    LNode *n = &lg->nodes[i];
    if (!n->label && n->kind == KIND_STATEMENT && n->tooltip) {
      // A quotation with no name (schema:Quotation, schema:text) is what
      // it says: its words, cut, are its label as well as its tooltip.
      ent_buf_reset(&quoted);
      st = ent_buf_append(&quoted, "\xE2\x80\x9C", 3); // "“"
      st = st ? st : append_cut(&quoted, n->tooltip, LITERAL_FACET_CHARS);
      st = st ? st : ent_buf_append(&quoted, "\xE2\x80\x9D", 3); // "”"
      n->label = st ? NULL : ent_pool_intern(&lg->strings, quoted.buf);
      st = st ? st : n->label ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    } else if (!n->label && !is_blank(n)) {
      n->label = lgraph_short_name(lg, n->iri);
      st =
        ent_grow(&iri_named, &cap_iri_named, n_iri_named, sizeof(uint32_t), 64);
      if (!st) {
        iri_named[n_iri_named++] = (uint32_t)i;
      }
    } else if (!n->label) {
      // A blank node's generated name means nothing to a reader: Turtle's
      // "[ ]" (the name stays in the tooltip).
      n->label = "[ ]";
    } else if (n->n_labels > 1 && n->kind != KIND_POST) {
      st = say_other_names(lg, n);
    }
    if (!st && n->kind == KIND_STATEMENT && n->label && n->class_iri &&
        (!strcmp(n->class_iri, ENT_NS "Quotation") ||
         !strcmp(n->class_iri, SCHEMA_NS "Quotation")) &&
        strncmp(n->label, "\xE2\x80\x9C", 3) != 0) {
      // A quote's words in quotation marks, a paraphrase's without: a
      // reader tells what was said from what a source says was meant.
      ent_buf_reset(&quoted);
      st = ent_buf_append(&quoted, "\xE2\x80\x9C", 3);
      st = st ? st : ent_buf_append(&quoted, n->label, strlen(n->label));
      st = st ? st : ent_buf_append(&quoted, "\xE2\x80\x9D", 3);
      n->label =
        st ? NULL : ent_pool_copy(&lg->strings, quoted.buf, quoted.len);
      st = st ? st : n->label ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    }
  }
  ent_buf_free(&quoted);
  if (!st) {
    st = tell_apart_iri_names(lg, iri_named, n_iri_named);
  }
  free(iri_named);
  TRY(st, st);
  TRY(st, say_facets_left(lg));
  TRY(st, fold_pairwise(lg));
  // The folds hid posts and responses.
  kind = node_kinds(lg);
  if (!kind) {
    return ENT_ERR_NO_MEMORY;
  }
  Nesting nesting = { NULL, NULL };
  st = nest(lg, &nesting);
  for (size_t i = 0; i < lg->n_edges && !st; ++i) {
    st = lgraph_tick(lg);
    LEdge *e = &lg->edges[i];
    // Edges to and from plumbing are never drawn; officials sit in the
    // cluster of their country, institutions in those of their parent and
    // country (draw.c's container_of()), which say what these edges
    // would.  Only those: a second nationality or parent, or one the
    // node's country or parent is not set from (schema:nationality in
    // somebody else's graph), is said by its edge or not at all.
    const uint8_t from = kind[e->from];
    const bool placing =
      (from == KIND_INSTITUTION && (e->flags & EDGE_PLACEMENT)) ||
      (from == KIND_OFFICIAL && (e->flags & EDGE_NATIONALITY));
    if (from == KIND_HIDDEN || kind[e->to] == KIND_HIDDEN) {
      e->dropped = true;
    } else if (!e->dropped && placing &&
               cluster_says(lg, &nesting, e->from, e->to)) {
      e->dropped = LEDGE_FRAMED;
    }
  }
  nest_free(&nesting);
  free(kind);
  TRY(st, st);
  TRY(st, hide_plumbing_ends(lg));
  // Once every edge is named and those not drawn are known.
  TRY(st, tell_apart_predicates(lg));
  return build_adjacency(lg, NULL, 0); // the folds' edges are in it now
}

// ---- Views ----------------------------------------------------------------

/// lgraph_edge_visible() of an edge whose two ends are in view when
/// `ends_in_view`; `kind`, when given, holds each node's kind.
static bool
edge_shown(const LGraph *lg,
           const LEdge *e,
           bool ends_in_view,
           const uint8_t *kind)
{
  if (e->dropped || !ends_in_view) {
    return false;
  }
  // An ego view draws only its root's own "mentioned in" edges.
  return lg->ego_root == ENT_NO_ENTITY || e->from == lg->ego_root ||
         !(e->flags & EDGE_SUBJECT_OF) ||
         (kind ? kind[e->to] : lg->nodes[e->to].kind) != KIND_SOURCE;
}

bool
lgraph_edge_visible(const LGraph *lg, const LEdge *e)
{
  return edge_shown(
    lg, e, lg->nodes[e->from].in_view && lg->nodes[e->to].in_view, NULL);
}

bool
lgraph_edge_framed(const LGraph *lg, const LEdge *e)
{
  return e->dropped == LEDGE_FRAMED && lg->nodes[e->from].in_view &&
         lg->nodes[e->to].in_view;
}

static int
by_index(const void *a, const void *b)
{
  const uint32_t x = *(const uint32_t *)a;
  const uint32_t y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

EntStatus
lgraph_visible_edges(LGraph *lg, uint32_t *out, size_t *count)
{
  EntStatus st = ENT_SUCCESS;
  size_t n = 0;
  if (!lg->first || lg->adjacency_of != lg->n_edges) {
    for (size_t i = 0; i < lg->n_edges && !st; ++i) {
      st = lgraph_tick(lg);
      if (lgraph_edge_visible(lg, &lg->edges[i])) {
        out[n++] = (uint32_t)i;
      }
    }
    *count = n;
    return st;
  }
  // Each edge once, from the node it starts at.
  for (uint32_t i = 0; i < lg->n_nodes && !st; ++i) {
    st = lgraph_tick(lg);
    if (!lg->nodes[i].in_view) {
      continue;
    }
    for (size_t k = lg->first[i]; k < lg->first[i + 1]; ++k) {
      const LEdge *e = &lg->edges[lg->adjacency[k]];
      if (e->from == i && lgraph_edge_visible(lg, e)) {
        out[n++] = lg->adjacency[k];
      }
    }
  }
  if (n > 1) {
    qsort(out, n, sizeof(uint32_t), by_index);
  }
  *count = n;
  return st;
}

/// Whether node `n` can be drawn, once lgraph_finish() folded the posts
/// somebody holds (a post left is one nobody holds, drawn as a node).
static bool
drawable(const LNode *n)
{
  return n->kind != KIND_HIDDEN;
}

/// The node prefixed name `id` (ex:alice, as the drawing shows it) names
/// with the input's prefixes, or ENT_NO_ENTITY.
static uint32_t
find_prefixed(LGraph *lg, const char *id)
{
  const char *colon = strchr(id, ':');
  if (!colon) {
    return ENT_NO_ENTITY;
  }
  const size_t len = (size_t)(colon - id);
  for (size_t i = 0; i < lg->prefixes.size; ++i) {
    const char *ns = lg->prefixes.slots[i].key;
    const char *prefix = lg->prefixes.slots[i].value;
    if (ns && prefix && strlen(prefix) == len && !strncmp(prefix, id, len)) {
      EntBuf iri = { NULL, 0, 0 };
      const uint32_t found = ent_buf_appendf(&iri, "%s%s", ns, colon + 1)
                               ? ENT_NO_ENTITY
                               : find_node(lg, iri.buf);
      ent_buf_free(&iri);
      return found;
    }
  }
  return ENT_NO_ENTITY;
}

/// Up to `max` drawn nodes that `id` names loosely (names compared as
/// ent_loose_text() makes them): by the name each is drawn with, or by
/// another of its names the graph gave (LGraph.named_as); or, `by_word`,
/// that have `id` as a word of such a name (a surname).  Their count,
/// which may pass `max`; -1 when memory ran out.
static long
named_loosely(LGraph *lg,
              const char *id,
              bool by_word,
              uint32_t *found,
              size_t max)
{
  char *key = ent_loose_text(id, 0);
  if (!key) {
    return ent_is_utf8(id, strlen(id)) ? -1 : 0;
  }
  // Another name the graph gave counts for the ID the graph was read for.
  const bool aliases = lg->view_key && !strcmp(key, lg->view_key);
  const uint32_t *other = by_word ? lg->named_word : lg->named_as;
  const size_t n_other = by_word ? lg->n_named_word : lg->n_named_as;
  size_t count = 0;
  for (uint32_t i = 0; i < lg->n_nodes; ++i) {
    const LNode *n = &lg->nodes[i];
    if (!drawable(n)) {
      continue;
    }
    bool named = false;
    for (size_t k = 0; aliases && k < n_other && !named; ++k) {
      named = other[k] == i;
    }
    if (!named && n->label) {
      char *label = ent_loose_text(n->label, 0);
      named = label && (by_word ? has_word(label, key) : !strcmp(label, key));
      free(label);
    }
    if (named) {
      if (count < max) {
        found[count] = i;
      }
      ++count;
    }
  }
  free(key);
  return (long)count;
}

/// ", did you mean 'Vladimir Putin' (<iri>)?" for the drawn nodes whose
/// name is a slip of `id` away (ent_name_distance()), the nearest first,
/// appended to `out`; nothing when none is near.
static void
suggest_names(const LGraph *lg, const char *id, EntBuf *out)
{
  enum { SUGGESTED = 3 };
  uint32_t best[SUGGESTED];
  size_t distance[SUGGESTED];
  size_t n_best = 0;
  const size_t len = strlen(id);
  // A slip: two edits, or one in five bytes of a longer name.
  const size_t most = len / 5 > 2 ? len / 5 : 2;
  for (uint32_t i = 0; i < lg->n_nodes; ++i) {
    const LNode *n = &lg->nodes[i];
    if (!drawable(n) || !n->label) {
      continue;
    }
    // Its name, or the end of its IRI (an ID: "witkof" for "witkoff").
    const char *slash = strrchr(n->iri, '/');
    const char *hash = strrchr(n->iri, '#');
    const char *end = hash > slash ? hash + 1 : slash ? slash + 1 : n->iri;
    size_t d = SIZE_MAX;
    const char *names[] = { n->label, end };
    for (size_t k = 0; k < 2; ++k) {
      const size_t name_len = strlen(names[k]);
      if (name_len + most >= len && name_len <= len + most) {
        const size_t dk = ent_name_distance(id, names[k]);
        d = dk < d ? dk : d;
      }
    }
    if (d > most || (n_best == SUGGESTED && d >= distance[n_best - 1])) {
      continue;
    }
    size_t at = n_best < SUGGESTED ? n_best++ : n_best - 1;
    while (at > 0 && distance[at - 1] > d) {
      best[at] = best[at - 1];
      distance[at] = distance[at - 1];
      --at;
    }
    best[at] = i;
    distance[at] = d;
  }
  for (size_t k = 0; k < n_best; ++k) {
    (void)ent_buf_appendf(out,
                          "%s'%s' (<%s>)",
                          k == 0 ? "; did you mean " : " or ",
                          lg->nodes[best[k]].label,
                          lg->nodes[best[k]].iri);
  }
  if (n_best) {
    (void)ent_buf_appendf(out, "?");
  }
}

/// The node an ID names: its IRI, its prefixed name, the last segments of
/// its IRI, or else the name it is drawn with ("Café_Kranzler" for
/// dbr:Caf%C3%A9_Kranzler, "Sergei Lavrov"), or one of its names as names
/// compare (case, accents and dashes aside; an alias, another language's
/// name: "zelenskyy", "Путин").
static EntStatus
resolve(LGraph *lg, const char *id, uint32_t *out)
{
  *out = find_node(lg, id);
  if (*out == ENT_NO_ENTITY) {
    *out = find_prefixed(lg, id);
  }
  if (*out != ENT_NO_ENTITY && drawable(&lg->nodes[*out])) {
    return ENT_SUCCESS;
  }
  const bool undrawn = *out != ENT_NO_ENTITY;
  const size_t len = strlen(id);
  size_t matches = 0;
  enum { LISTED = 4 };
  uint32_t ends[LISTED]; // the first nodes whose IRI ends so
  size_t n_ends = 0;
  size_t ends_named = 0; // of all those, the ones drawn with that name
  uint32_t named_end = ENT_NO_ENTITY;
  size_t ends_described = 0; // of those, the ones it describes and names
  uint32_t described_end = ENT_NO_ENTITY;
  for (uint32_t i = 0; i < lg->n_nodes; ++i) {
    const char *iri = lg->nodes[i].iri;
    const size_t n = strlen(iri);
    if (n > len && !strcmp(iri + n - len, id) &&
        (iri[n - len - 1] == '/' || iri[n - len - 1] == '#') &&
        drawable(&lg->nodes[i])) {
      *out = i;
      if (matches < LISTED) {
        ends[matches] = i;
      }
      ++matches;
      ++n_ends;
      if (lg->nodes[i].label && !strcmp(lg->nodes[i].label, id)) {
        named_end = i;
        ++ends_named;
      }
      if (lg->nodes[i].is_subject && lg->nodes[i].label_rank) {
        described_end = i;
        ++ends_described;
      }
    }
  }
  if (matches > 1 && (ends_named == 1 || ends_described == 1)) {
    // Several IRIs end so (a DBpedia resource and its owl:sameAs in other
    // languages' DBpedias): the one drawn with that name, else the one
    // the graph describes and names (the others it only points at).
    *out = ends_named == 1 ? named_end : described_end;
    return ENT_SUCCESS;
  }
  if (matches == 1) {
    // The end of an IRI comes first; nodes merely named so are said.
    size_t named = 0;
    for (uint32_t i = 0; i < lg->n_nodes; ++i) {
      named += i != *out && lg->nodes[i].label &&
               !strcmp(lg->nodes[i].label, id) && drawable(&lg->nodes[i]);
    }
    if (named) {
      ent_log(lg->world,
              ENT_LOG_WARNING,
              ENT_FAILURE,
              NULL,
              "'%s' ends the IRI of <%s>, which the view is of; %zu other "
              "node%s named '%s': give the full IRI of the one you mean",
              id,
              lg->nodes[*out].iri,
              named,
              named == 1 ? " is" : "s are",
              id);
    }
  }
  for (uint32_t i = 0; i < lg->n_nodes && !matches; ++i) {
    const LNode *n = &lg->nodes[i];
    if (n->label && !strcmp(n->label, id) && drawable(n)) {
      *out = i;
      matches = 1;
      for (uint32_t j = i + 1; j < lg->n_nodes; ++j) {
        matches += lg->nodes[j].label && !strcmp(lg->nodes[j].label, id) &&
                   drawable(&lg->nodes[j]);
      }
    }
  }
  if (matches == 1) {
    return ENT_SUCCESS;
  }
  uint32_t loose[LISTED];
  long n_loose = 0;
  if (!matches && !undrawn) {
    n_loose = named_loosely(lg, id, false, loose, LISTED);
    if (n_loose == 0) {
      // No name is it: a word of one is ("Medinsky", "Мединский").
      n_loose = named_loosely(lg, id, true, loose, LISTED);
    }
    if (n_loose < 0) {
      return ENT_ERR_NO_MEMORY;
    }
    if (n_loose == 1) {
      *out = loose[0];
      return ENT_SUCCESS;
    }
  }
  EntBuf more = { NULL, 0, 0 };
  if (n_loose > 1) {
    for (long k = 0; k < n_loose && k < LISTED; ++k) {
      (void)ent_buf_appendf(&more,
                            "%s'%s' (<%s>)",
                            k ? ", " : ": ",
                            lg->nodes[loose[k]].label,
                            lg->nodes[loose[k]].iri);
    }
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNKNOWN_ID,
            NULL,
            "'%s' names %ld nodes%s%s; give the IRI of the one you mean",
            id,
            n_loose,
            more.buf ? more.buf : "",
            n_loose > LISTED ? ", ..." : "");
  } else if (matches) {
    // Those whose IRI ends so, else the first named so, listed.
    uint32_t listed = 0;
    for (uint32_t i = 0; !n_ends && i < lg->n_nodes && listed < LISTED; ++i) {
      if (lg->nodes[i].label && !strcmp(lg->nodes[i].label, id) &&
          drawable(&lg->nodes[i])) {
        ends[listed++] = i;
      }
    }
    listed = n_ends ? (uint32_t)(n_ends < LISTED ? n_ends : LISTED) : listed;
    for (uint32_t k = 0; k < listed; ++k) {
      const LNode *n = &lg->nodes[ends[k]];
      (void)ent_buf_appendf(&more,
                            "%s'%s' (<%s>)",
                            k ? ", " : ": ",
                            n->label ? n->label : "",
                            n->iri);
    }
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNKNOWN_ID,
            NULL,
            "'%s' names %zu nodes%s%s; give the full IRI of the one you mean",
            id,
            matches,
            more.buf ? more.buf : "",
            matches > listed ? ", ..." : "");
  } else if (undrawn) {
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNKNOWN_ID,
            NULL,
            "'%s' is in the graph but not drawn as a node (a post or a "
            "membership drawn as an edge, a class or a property that names "
            "other nodes' lines and edges, or plumbing); give a node the "
            "drawing shows",
            id);
  } else {
    suggest_names(lg, id, &more);
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNKNOWN_ID,
            NULL,
            "no node has ID, IRI or name '%s'%s",
            id,
            more.buf ? more.buf : "; check the spelling");
  }
  ent_buf_free(&more);
  return ENT_ERR_UNKNOWN_ID;
}

static bool
kind_in(Kind kind, const Kind *kinds, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    if (kinds[i] == kind) {
      return true;
    }
  }
  return false;
}

/// Add to the view the drawable neighbours of `node` whose kinds are in
/// `kinds`, through edges that are not dropped.
static void
add_neighbours(LGraph *lg, uint32_t node, const Kind *kinds, size_t n_kinds)
{
  for (size_t k = lg->first[node]; k < lg->first[node + 1]; ++k) {
    const LEdge *e = &lg->edges[lg->adjacency[k]];
    if (e->dropped) {
      continue;
    }
    LNode *other = &lg->nodes[e->from == node ? e->to : e->from];
    if (drawable(other) && kind_in(other->kind, kinds, n_kinds)) {
      other->in_view = true;
    }
  }
}

/// Nodes an ego view shows but does not go through (but to nodes of their
/// own kind, when the root is one too): a source, a country or a topic is
/// next to nearly everything, and going through it would draw the whole
/// corpus.
static bool
is_hub(const LNode *n)
{
  return n->kind == KIND_SOURCE || n->kind == KIND_COUNTRY ||
         n->kind == KIND_TOPIC || n->kind == KIND_PLACE ||
         n->kind == KIND_OUTLET;
}

static EntStatus
select_ego(LGraph *lg, uint32_t root, unsigned depth)
{
  uint32_t *queue = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  uint32_t *hops = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  if (!queue || !hops) {
    free(queue);
    free(hops);
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    hops[i] = UINT32_MAX;
  }
  // Breadth first, each node once: linear in the edges it reaches.
  size_t head = 0;
  size_t tail = 0;
  hops[root] = 0;
  lg->nodes[root].in_view = true;
  queue[tail++] = root;
  EntStatus st = ENT_SUCCESS;
  const Kind root_kind = lg->nodes[root].kind;
  while (head < tail && !st) {
    st = lgraph_tick(lg);
    const uint32_t a = queue[head++];
    // A hub of the root's own kind leads on to its own kind only: the
    // broader concepts of a concept, the places around a place (in a
    // thesaurus or a gazetteer every node is one), not all it is next to.
    const bool hub = a != root && is_hub(&lg->nodes[a]);
    if (hops[a] >= depth || (hub && lg->nodes[a].kind != root_kind)) {
      continue;
    }
    for (size_t k = lg->first[a]; k < lg->first[a + 1]; ++k) {
      const LEdge *e = &lg->edges[lg->adjacency[k]];
      const uint32_t b = e->from == a ? e->to : e->from;
      if (!e->dropped && hops[b] == UINT32_MAX && drawable(&lg->nodes[b]) &&
          !(lg->ego_skip & (1u << lg->nodes[b].kind)) &&
          (!hub || lg->nodes[b].kind == root_kind)) {
        hops[b] = hops[a] + 1;
        lg->nodes[b].in_view = true;
        queue[tail++] = b;
      }
    }
  }
  free(queue);
  free(hops);
  // Which sources mention the root is worth drawing; which mention every
  // other node in view is a hairball (lgraph_edge_visible()).
  lg->ego_root = root;
  return st;
}

static size_t
degree_in_view(const LGraph *lg,
               uint32_t node,
               const uint8_t *in_view,
               const uint8_t *kind)
{
  size_t d = 0;
  for (size_t k = lg->first[node]; k < lg->first[node + 1]; ++k) {
    const LEdge *e = &lg->edges[lg->adjacency[k]];
    d += edge_shown(lg, e, in_view[e->from] && in_view[e->to], kind);
  }
  return d;
}

typedef struct {
  size_t degree;
  uint32_t index;
  uint32_t order; ///< Among equal degrees: the node's index, or a list
                  ///< member's place in its list (list_order())
} Ranked;

/// Whether edge `e` may bring its end `other` into a capped view beside
/// its kept end: a blank node only from the node it hangs from (an
/// offer from its product, not from the shop every offer names: 80
/// offers were kept and 11 of their products left out, offers of nothing).
static bool
brings(const LGraph *lg, const LEdge *e, uint32_t other)
{
  return e->to == other || !is_blank(&lg->nodes[other]);
}

/// Whether `other`, not kept yet, may join the capped view by edge `e`
/// from its kept end: in view, brought by the edge, the edge drawn.
static bool
may_join(const LGraph *lg,
         const LEdge *e,
         uint32_t other,
         const uint8_t *keep,
         const uint8_t *in_view,
         const uint8_t *kind)
{
  return !keep[other] && in_view[other] && brings(lg, e, other) &&
         edge_shown(lg, e, in_view[e->from] && in_view[e->to], kind);
}

/// Give each of the first `n_seeds` nodes of `ranked` (`count` nodes, by
/// degree) its best-ranked neighbours, a few each, from half of what the
/// cap `max` leaves: the rings outwards take nodes by degree alone, and
/// where one hub's neighbours outrank every other's (a hub of a hundred
/// middling nodes beside institutes of many one-edge authors) they filled
/// the cap and the other hubs were drawn alone.  `*kept` counts the kept.
static EntStatus
share_among_seeds(LGraph *lg,
                  const Ranked *ranked,
                  size_t count,
                  size_t n_seeds,
                  size_t max,
                  uint8_t *keep,
                  const uint8_t *in_view,
                  const uint8_t *kind,
                  size_t *kept)
{
  if (!n_seeds || *kept >= max) {
    return ENT_SUCCESS;
  }
  const size_t share = (max - *kept) / (2 * n_seeds);
  if (!share) {
    return ENT_SUCCESS;
  }
  uint32_t *rank_of = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  if (!rank_of) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    rank_of[i] = UINT32_MAX;
  }
  for (size_t i = 0; i < count; ++i) {
    rank_of[ranked[i].index] = (uint32_t)i;
  }
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < n_seeds && *kept < max && !st; ++i) {
    const uint32_t seed = ranked[i].index;
    // Its `share` best neighbours: the best not kept yet, `share` times
    // (a hub's edges are read a few times, not sorted).
    for (size_t taken = 0; taken < share && *kept < max; ++taken) {
      uint32_t best = UINT32_MAX;
      for (size_t k = lg->first[seed]; k < lg->first[seed + 1]; ++k) {
        const LEdge *e = &lg->edges[lg->adjacency[k]];
        const uint32_t other = e->from == seed ? e->to : e->from;
        if (rank_of[other] < count &&
            (best == UINT32_MAX || rank_of[other] < rank_of[best]) &&
            may_join(lg, e, other, keep, in_view, kind)) {
          best = other;
        }
      }
      if (best == UINT32_MAX) {
        break;
      }
      keep[best] = 1;
      ++*kept;
    }
    st = lgraph_tick(lg);
  }
  free(rank_of);
  return st;
}

static int
by_degree(const void *a, const void *b)
{
  const Ranked *x = a;
  const Ranked *y = b;
  if (x->degree != y->degree) {
    return x->degree > y->degree ? -1 : 1;
  }
  if (x->order != y->order) {
    return x->order < y->order ? -1 : 1;
  }
  // A list member's place can equal another node's index: the index
  // decides, so that the order does not rest on qsort's.
  return x->index < y->index ? -1 : x->index > y->index;
}

/// Whether `node` has a shown edge to a node of `keep` (that may bring
/// it: brings()).
static bool
next_to_kept(const LGraph *lg,
             uint32_t node,
             const uint8_t *keep,
             const uint8_t *in_view,
             const uint8_t *kind)
{
  for (size_t k = lg->first[node]; k < lg->first[node + 1]; ++k) {
    const LEdge *e = &lg->edges[lg->adjacency[k]];
    const uint32_t other = e->from == node ? e->to : e->from;
    if (keep[other] && brings(lg, e, node) &&
        edge_shown(lg, e, in_view[e->from] && in_view[e->to], kind)) {
      return true;
    }
  }
  return false;
}

/// What the rings outwards left of the cap `max` (cap_nodes()), filled by
/// rank with what they did not reach, each node with those around it,
/// breadth first: taken one by one, by degree, the rest were drawn alone
/// while the other end of each of their edges was left out (300 pairs
/// named first ends first: 114 of 150 nodes alone).  The last place goes
/// to a node next to a kept one, or with no edge at all, or to none: a node
/// alone in the drawing is one alone in the view.  Linear: each node is
/// queued once, and its edges read then.
static EntStatus
fill_with_neighbourhoods(LGraph *lg,
                         const Ranked *ranked,
                         size_t count,
                         size_t max,
                         uint8_t *keep,
                         const uint8_t *in_view,
                         const uint8_t *kind,
                         size_t *kept)
{
  if (*kept >= max) {
    return ENT_SUCCESS;
  }
  uint32_t *queue = malloc((count + 1) * sizeof(uint32_t));
  if (!queue) {
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; !st && i < count && *kept < max; ++i) {
    const uint32_t seed = ranked[i].index;
    if (keep[seed] || (ranked[i].degree && *kept + 1 == max &&
                       !next_to_kept(lg, seed, keep, in_view, kind))) {
      continue;
    }
    keep[seed] = 1;
    ++*kept;
    size_t head = 0;
    size_t tail = 0;
    queue[tail++] = seed;
    while (head < tail && *kept < max) {
      const uint32_t n = queue[head++];
      for (size_t k = lg->first[n]; k < lg->first[n + 1] && *kept < max; ++k) {
        const LEdge *e = &lg->edges[lg->adjacency[k]];
        const uint32_t other = e->from == n ? e->to : e->from;
        if (may_join(lg, e, other, keep, in_view, kind)) {
          keep[other] = 1;
          ++*kept;
          queue[tail++] = other;
        }
      }
    }
    st = lgraph_tick(lg);
  }
  free(queue);
  return st;
}

/// Each node's order among nodes of one degree (cap_nodes()): its index,
/// but a list member its place in its list (1 for the first), so that a
/// capped view keeps each list's first members before other nodes of the
/// same degree (raptor reads a Turtle list from its end, and the list's
/// last members had the lowest indices).  An array of n_nodes the caller
/// frees, or NULL where no list was folded (then the index alone).
static uint32_t *
list_order(const LGraph *lg, EntStatus *st)
{
  *st = ENT_SUCCESS;
  if (!used_predicate(lg, RDF_NS "first")) {
    return NULL;
  }
  uint32_t *order = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  if (!order) {
    *st = ENT_ERR_NO_MEMORY;
    return NULL;
  }
  bool *member = calloc(lg->n_nodes + 1, sizeof(bool));
  if (!member) {
    free(order);
    *st = ENT_ERR_NO_MEMORY;
    return NULL;
  }
  for (uint32_t i = 0; i < lg->n_nodes; ++i) {
    order[i] = i;
  }
  for (size_t e = 0; e < lg->n_edges; ++e) {
    const LEdge *edge = &lg->edges[e];
    if ((edge->flags & EDGE_LIST_ITEM) && !edge->dropped) {
      // The label ends in its place: "ex:p 3/20" (fold_list()); a member
      // of several lists takes its first place among them.
      const char *place = strrchr(edge->label, ' ');
      const unsigned long k = place ? strtoul(place + 1, NULL, 10) : 0;
      if (k && k <= UINT32_MAX && (!member[edge->to] || k < order[edge->to])) {
        order[edge->to] = (uint32_t)k;
        member[edge->to] = true;
      }
    }
  }
  free(member);
  return order;
}

/// Outwards from the kept nodes, a ring at a time, by rank, up to `max`
/// (three rings: each pass reads every edge once at most).
static EntStatus
grow_rings(LGraph *lg,
           const Ranked *ranked,
           size_t count,
           size_t max,
           uint8_t *keep,
           const uint8_t *in_view,
           const uint8_t *kind,
           size_t *kept)
{
  EntStatus st = ENT_SUCCESS;
  for (int ring = 0; !st && ring < 3 && *kept < max; ++ring) {
    const size_t before = *kept;
    for (size_t i = 0; i < count && *kept < max; ++i) {
      const uint32_t n = ranked[i].index;
      if (!keep[n] && next_to_kept(lg, n, keep, in_view, kind)) {
        keep[n] = 1;
        ++*kept;
      }
    }
    st = lgraph_tick(lg);
    if (*kept == before) {
      break;
    }
  }
  return st;
}

/// A kept node none of whose drawn edges is kept (a hub whose neighbours
/// the cap left out: a service's homepage that 73 blank accounts point at,
/// each kept only beside its holder) would be drawn apart from them: it
/// gives its place to one next to the kept, by rank.  A node with no
/// drawn edge in the view at all stays (it is drawn alone uncapped too).
static EntStatus
unstrand(LGraph *lg,
         const Ranked *ranked,
         size_t count,
         size_t max,
         uint32_t root,
         uint8_t *keep,
         const uint8_t *in_view,
         const uint8_t *kind,
         size_t *kept)
{
  size_t freed = 0;
  for (size_t i = 0; i < count; ++i) {
    const uint32_t n = ranked[i].index;
    if (keep[n] && n != root && degree_in_view(lg, n, keep, kind) == 0 &&
        degree_in_view(lg, n, in_view, kind) > 0) {
      keep[n] = 0; // none of its kept neighbours can lose its last one
      ++freed;
    }
  }
  *kept -= freed;
  return freed ? grow_rings(lg, ranked, count, max, keep, in_view, kind, kept)
               : ENT_SUCCESS;
}

/// Keep at most `max` nodes: the root and the best connected as seeds
/// (each node's degree from its own edges: linear, then one sort), then the
/// best connected of their neighbours, and so on outwards, then the best
/// connected of the rest.  The hubs alone would have few edges between
/// them (150 nodes of a big graph drew as 143 unconnected ones); with their
/// neighbours, the drawing shows the graph around its hubs.
static EntStatus
cap_nodes(LGraph *lg, size_t max, uint32_t root)
{
  size_t count = 0;
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    count += lg->nodes[i].in_view;
  }
  if (count <= max) {
    return ENT_SUCCESS;
  }
  Ranked *ranked = malloc(count * sizeof(Ranked));
  // What degree_in_view() reads of every node, a byte each (cached where
  // the nodes are not).
  uint8_t *in_view = malloc(lg->n_nodes + 1);
  uint8_t *keep = calloc(lg->n_nodes + 1, 1);
  uint8_t *kind = node_kinds(lg);
  EntStatus st =
    ranked && in_view && keep && kind ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  uint32_t *order = st ? NULL : list_order(lg, &st);
  for (size_t i = 0; !st && i < lg->n_nodes; ++i) {
    in_view[i] = lg->nodes[i].in_view;
  }
  size_t k = 0;
  for (uint32_t i = 0; !st && i < lg->n_nodes; ++i) {
    st = lgraph_tick(lg);
    if (!st && in_view[i]) {
      ranked[k++] =
        (Ranked){ i == root ? SIZE_MAX : degree_in_view(lg, i, in_view, kind),
                  i,
                  order ? order[i] : i };
    }
  }
  free(order);
  count = k; // the same number; said so that the analyzer sees every entry set
  if (!st && count > 1) {
    qsort(ranked, count, sizeof(Ranked), by_degree);
  }
  size_t kept = 0;
  const size_t seeds = max / 8 ? max / 8 : 1;
  // Named nodes: a blank node is kept beside what it hangs from (brings());
  // blank ones only where the view has too few named.
  for (int blank = 0; blank < 2; ++blank) {
    for (size_t i = 0; !st && i < count && kept < seeds; ++i) {
      const uint32_t n = ranked[i].index;
      // The root (an ego view's) first, whatever it is.
      const bool late = n != root && is_blank(&lg->nodes[n]);
      if (!keep[n] && late == (blank == 1)) {
        keep[n] = 1;
        ++kept;
      }
    }
  }
  if (!st) {
    st = share_among_seeds(
      lg, ranked, count, kept, max, keep, in_view, kind, &kept);
  }
  if (!st) {
    st = grow_rings(lg, ranked, count, max, keep, in_view, kind, &kept);
  }
  if (!st) {
    st = fill_with_neighbourhoods(
      lg, ranked, count, max, keep, in_view, kind, &kept);
  }
  if (!st) {
    st = unstrand(lg, ranked, count, max, root, keep, in_view, kind, &kept);
  }
  for (size_t i = 0; !st && i < count; ++i) {
    lg->nodes[ranked[i].index].in_view = keep[ranked[i].index];
  }
  if (!st) {
    lg->hidden_more = count - kept;
    lg->shown_nodes = kept;
    lg->max_nodes = max;
  }
  free(ranked);
  free(in_view);
  free(keep);
  free(kind);
  return st;
}

// ---- The compare view: what each source says of one negotiation ----------

/// How a claim's predicate reads on a card: the ontology's label.
static const char *
claim_label(LGraph *lg, const char *predicate)
{
  // In entente's graphs a name is identity, written twice (rdfs:label and
  // schema:name), not a claim worth comparing; in somebody else's, what
  // each source calls it is a claim like any other (as foaf:name is).
  if (lg->entente_classes && (!strcmp(predicate, RDFS_LABEL) ||
                              !strcmp(predicate, SCHEMA_NS "name"))) {
    return NULL;
  }
  return edge_label(lg, predicate);
}

/// Whether claim `c`, in somebody else's graph, names its subject with the
/// one name every source gives: identity, not a claim worth comparing.
/// Names the sources differ on are claims like any other, on the cards.
/// (In entente's graphs, claim_label() leaves out rdfs:label and
/// schema:name, which entente writes for every name.)
static bool
agreed_name(const LGraph *lg, const LClaim *c)
{
  const LPredicate *p = used_predicate(lg, c->predicate);
  return !lg->entente_classes && p && p->label_index >= 0 &&
         label_predicates[p->label_index].rank > 0 &&
         lg->nodes[c->subject].n_labels <= 1;
}

/// Whether the claim is worth a line on a card: entente's own claims and
/// descriptions, not every standard super-property that repeats them; in
/// somebody else's graph, whatever its graphs say.
static bool
card_worthy(const LGraph *lg, const char *predicate)
{
  if (!lg->entente_classes || !strncmp(predicate, ENT_NS, sizeof(ENT_NS) - 1)) {
    return true;
  }
  static const char *const kept[] = {
    SCHEMA_NS "startDate",
    SCHEMA_NS "endDate",
    SCHEMA_NS "duration",
    SCHEMA_NS "description",
  };
  for (size_t i = 0; i < sizeof(kept) / sizeof(*kept); ++i) {
    if (!strcmp(predicate, kept[i])) {
      return true;
    }
  }
  return false;
}

/// The value of claim `c` as a card shows it: a class by its name, a
/// duration in words ("13 hours", not "PT13H").
static const char *
claim_value(LGraph *lg, const LClaim *c)
{
  if (c->object == ENT_NO_ENTITY && c->value &&
      !strcmp(c->predicate, RDF_TYPE)) {
    return lgraph_class_name(lg, c->value);
  }
  if (c->object == ENT_NO_ENTITY && c->value &&
      !strcmp(c->predicate, SCHEMA_NS "duration") &&
      ent_duration_words(c->value, &lg->scratch)) {
    const char *words = ent_pool_intern(&lg->strings, lg->scratch.buf);
    return words ? words : c->value;
  }
  return c->object != ENT_NO_ENTITY ? lg->nodes[c->object].label : c->value;
}

/// A claim of the compare view, with what is worked out of it once.
typedef struct {
  const LGraph *lg;
  uint32_t claim;      ///< In lg->claims
  uint32_t order;      ///< Its place among the view's claims
  uint32_t graph_rank; ///< Its graph's place among the view's graphs
  uint32_t same;       ///< Scratch: claims of its group equal to it
  const char *topic;   ///< claim_topic(), interned
  const char *value;   ///< claim_value(): what disputes compare
  const char *shown;   ///< What its card line shows
  bool disputed;
} Said;

static const LClaim *
said_claim(const Said *x)
{
  return &x->lg->claims[x->claim];
}

/// By node and property (the groups whose values are compared).
static int
by_node_and_property(const void *a, const void *b)
{
  const LClaim *x = said_claim(*(Said *const *)a);
  const LClaim *y = said_claim(*(Said *const *)b);
  if (x->subject != y->subject) {
    return x->subject < y->subject ? -1 : 1;
  }
  if (x->predicate != y->predicate) {
    return (uintptr_t)x->predicate < (uintptr_t)y->predicate ? -1 : 1;
  }
  return 0;
}

static int
by_graph(const void *a, const void *b)
{
  const uintptr_t x = (uintptr_t)said_claim(*(Said *const *)a)->graph;
  const uintptr_t y = (uintptr_t)said_claim(*(Said *const *)b)->graph;
  return x < y ? -1 : x > y;
}

static int
by_value(const void *a, const void *b)
{
  return strcmp((*(Said *const *)a)->value, (*(Said *const *)b)->value);
}

static int
by_value_and_graph(const void *a, const void *b)
{
  const int v = by_value(a, b);
  return v ? v : by_graph(a, b);
}

/// Add to each of `group[0..n)`'s `same` how many of the group are equal
/// to it by `compare` (`sign` 1 or -1): sorted, then counted in runs.
static void
count_equal(Said **group,
            size_t n,
            int (*compare)(const void *, const void *),
            int sign)
{
  qsort((void *)group, n, sizeof(Said *), compare);
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && !compare(&group[a], &group[b])) {
      ++b;
    }
    for (size_t k = a; k < b; ++k) {
      group[k]->same += sign > 0 ? (uint32_t)(b - a) : 0;
      group[k]->same -= sign < 0 ? (uint32_t)(b - a) : 0;
    }
    a = b;
  }
}

/// Whether the statuses the graphs give node `subject` for `predicate`
/// follow one another as their days go (statuses_over_time()): a change,
/// not a dispute.  Looked up among lg->concepts, which
/// add_concept_facets() left sorted by node and property.
static bool
status_changes(const LGraph *lg, uint32_t subject, const char *predicate)
{
  if (!ont_is_status(predicate)) {
    return false;
  }
  size_t lo = 0;
  size_t hi = lg->n_concepts;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const LConcept *c = &lg->concepts[mid];
    if (c->subject < subject ||
        (c->subject == subject && strcmp(c->predicate, predicate) < 0)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  size_t end = lo;
  while (end < lg->n_concepts && lg->concepts[end].subject == subject &&
         !strcmp(lg->concepts[end].predicate, predicate)) {
    ++end;
  }
  bool changes = false;
  if (end > lo) {
    // Without the text: only to judge, which needs no memory.
    (void)statuses_over_time(lg, lo, end, NULL, &changes);
  }
  return changes;
}

/// Each node's place (its first containedInPlace edge), ENT_NO_ENTITY for
/// none: a pass over the edges, made once a compare view needs it.
static uint32_t *
place_parents(const LGraph *lg)
{
  uint32_t *parent = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  if (!parent) {
    return NULL;
  }
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    parent[i] = ENT_NO_ENTITY;
  }
  for (size_t e = 0; e < lg->n_edges; ++e) {
    const LEdge *edge = &lg->edges[e];
    if (parent[edge->from] == ENT_NO_ENTITY &&
        (!strcmp(edge->predicate, SCHEMA_NS "containedInPlace") ||
         !strcmp(edge->predicate, ENT_NS "containedInPlace"))) {
      parent[edge->from] = edge->to;
    }
  }
  return parent;
}

/// Whether one graph gives several of the locations claims group[0..n)
/// give (an event's place="kursk belgorod"): a list of places, of which
/// another graph's fewer are no disagreement (as in validate).  Sorts the
/// group by graph.
static bool
places_listed(Said **group, size_t n)
{
  if (strcmp(said_claim(group[0])->predicate, ENT_NS "location") != 0) {
    return false;
  }
  qsort((void *)group, n, sizeof(Said *), by_graph);
  for (size_t k = 1; k < n; ++k) {
    const LClaim *a = said_claim(group[k - 1]);
    const LClaim *b = said_claim(group[k]);
    if (a->graph == b->graph && a->object != b->object) {
      return true;
    }
  }
  return false;
}

/// Whether the places claims group[0..n) give (ent:location, ent:venue),
/// two or more, lie one within another (Riyadh, Saudi Arabia): one source
/// is more precise than another, not at odds with it.  `*parent`: see
/// place_parents(), made at the first group that needs it.
static bool
places_nested(const LGraph *lg, Said *const *group, size_t n, uint32_t **parent)
{
  const char *predicate = said_claim(group[0])->predicate;
  if (strcmp(predicate, ENT_NS "location") != 0 &&
      strcmp(predicate, ENT_NS "venue") != 0) {
    return false;
  }
  bool two = false;
  for (size_t k = 1; k < n && !two; ++k) {
    two = said_claim(group[k])->object != said_claim(group[0])->object;
  }
  if (!two) {
    return false; // nothing to contradict
  }
  if (!*parent && !(*parent = place_parents(lg))) {
    return false; // marked: nothing is lost
  }
  for (size_t i = 0; i < n; ++i) {
    const uint32_t a = said_claim(group[i])->object;
    for (size_t j = i + 1; j < n; ++j) {
      const uint32_t b = said_claim(group[j])->object;
      if (a == ENT_NO_ENTITY || b == ENT_NO_ENTITY ||
          (a != b && !ent_within(*parent, a, b) &&
           !ent_within(*parent, b, a))) {
        return false;
      }
    }
  }
  return true;
}

/// Mark the claims another source contradicts: another graph gives the
/// same one-valued property of the same node another value (not a status
/// that changed as the days went, status_changes(), nor a place said more
/// or less precisely, places_nested(), nor windows of days that overlap,
/// days_meet()).  Within a
/// group of one node and property, the claims from another graph with
/// another value number (all) - (same graph) - (same value) + (same
/// graph and value): three sorts, not every claim against every other.
/// Whether the windows and days the claims of `order[at]`'s node give
/// leave a day in common (ent_day_span_add()); `order` (m long) is sorted
/// by node.
static bool
days_meet(Said *const *order, size_t m, size_t at)
{
  const uint32_t node = said_claim(order[at])->subject;
  while (at > 0 && said_claim(order[at - 1])->subject == node) {
    --at;
  }
  EntDaySpan span = { NULL, NULL };
  for (; at < m && said_claim(order[at])->subject == node; ++at) {
    const LClaim *c = said_claim(order[at]);
    ent_day_span_add(&span, c->predicate, c->value);
  }
  return !ent_day_span_empty(&span);
}

/// Mark the days and windows of each node in `order` (m long, sorted by
/// node) that two graphs or more give and that leave no day together,
/// though each property has one value: the 25th against 17 to 23 March.
static void
mark_days_apart(Said *const *order, size_t m)
{
  for (size_t a = 0; a < m;) {
    const uint32_t node = said_claim(order[a])->subject;
    size_t b = a;
    const char *graph = NULL;
    bool two = false;
    for (; b < m && said_claim(order[b])->subject == node; ++b) {
      const LClaim *c = said_claim(order[b]);
      if (ent_is_day_claim(c->predicate)) {
        two |= graph && c->graph != graph;
        graph = graph ? graph : c->graph;
      }
    }
    if (two && !days_meet(order, m, a)) {
      for (size_t k = a; k < b; ++k) {
        order[k]->disputed |= ent_is_day_claim(said_claim(order[k])->predicate);
      }
    }
    a = b;
  }
}

static EntStatus
mark_disputed(Said *said, size_t n)
{
  Said **order = malloc((n + 1) * sizeof(Said *));
  if (!order) {
    return ENT_ERR_NO_MEMORY;
  }
  uint32_t *parent = NULL; // each node's place, made for places_nested()
  size_t m = 0;
  for (size_t k = 0; k < n; ++k) {
    if (one_valued(said[k].lg, said_claim(&said[k])->predicate)) {
      order[m++] = &said[k];
    }
  }
  qsort((void *)order, m, sizeof(Said *), by_node_and_property);
  for (size_t a = 0; a < m;) {
    size_t b = a + 1;
    while (b < m && !by_node_and_property(&order[a], &order[b])) {
      ++b;
    }
    Said **group = order + a;
    const size_t size = b - a;
    const LClaim *claim = said_claim(group[0]);
    if (status_changes(group[0]->lg, claim->subject, claim->predicate) ||
        places_nested(group[0]->lg, group, size, &parent) ||
        places_listed(group, size) ||
        (ent_is_day_bound(claim->predicate) && days_meet(order, m, a))) {
      a = b;
      continue;
    }
    for (size_t k = 0; k < size; ++k) {
      group[k]->same = 0;
    }
    count_equal(group, size, by_value_and_graph, 1);
    count_equal(group, size, by_graph, -1);
    count_equal(group, size, by_value, -1);
    for (size_t k = 0; k < size; ++k) {
      // (same graph and value) - (same graph) - (same value), mod 2^32,
      // plus the group: the others, from another graph, with another value.
      group[k]->disputed = (uint32_t)(group[k]->same + size) != 0;
    }
    a = b;
  }
  mark_days_apart(order, m);
  free(parent);
  free((void *)order);
  return ENT_SUCCESS;
}

/// The claims of one graph and topic: a line of that graph's card.
typedef struct {
  uint32_t graph_rank;
  uint32_t first; ///< Order of its first claim
  size_t start;   ///< Its claims: by_line-sorted Said[start..end)
  size_t end;
} CardLine;

static int
by_line(const void *a, const void *b)
{
  const Said *x = a;
  const Said *y = b;
  if (x->graph_rank != y->graph_rank) {
    return x->graph_rank < y->graph_rank ? -1 : 1;
  }
  if (x->topic != y->topic) {
    return (uintptr_t)x->topic < (uintptr_t)y->topic ? -1 : 1;
  }
  return x->order < y->order ? -1 : x->order > y->order;
}

static int
by_first_claim(const void *a, const void *b)
{
  const CardLine *x = a;
  const CardLine *y = b;
  if (x->graph_rank != y->graph_rank) {
    return x->graph_rank < y->graph_rank ? -1 : 1;
  }
  return x->first < y->first ? -1 : x->first > y->first;
}

/// Append one card line.
static EntStatus
card_line(LGraph *lg,
          EntBuf *card,
          bool marked,
          const char *what,
          const char *value)
{
  enum { MAX_VALUE = 120 };
  const size_t len = strlen(value);
  // A long description is cut at a character boundary, with an ellipsis.
  const size_t cut = ent_utf8_back(value, len > MAX_VALUE ? MAX_VALUE : len);
  (void)lg;
  return ent_buf_appendf(card,
                         "%s%s%s: %.*s%s",
                         card->len ? "\n" : "",
                         marked ? "\xE2\x89\xA0 " : "",
                         what,
                         (int)cut,
                         value,
                         cut < len ? "\xE2\x80\xA6" : "");
}

/// What a claim of the compare view is about, on its card ("status",
/// "Russian delegation: led by"), in `what`.
static void
claim_topic(LGraph *lg,
            const LClaim *c,
            uint32_t root,
            const bool *about,
            char *what,
            size_t size)
{
  if (c->subject != root && !about[c->subject]) {
    // Somebody leads or belongs to one of the negotiation's delegations.
    snprintf(what,
             size,
             "%s: %s",
             lg->nodes[c->object].label,
             !strcmp(c->predicate, ENT_NS "headOf") ? "led by" : "members");
  } else if (c->subject != root) {
    snprintf(what,
             size,
             "%s: %s",
             lg->nodes[c->subject].label,
             claim_label(lg, c->predicate));
  } else {
    snprintf(what, size, "%s", claim_label(lg, c->predicate));
  }
}

/// A "head of" claim: which graph says who heads what.
typedef struct {
  uintptr_t graph;
  uint32_t subject;
  uint32_t object;
} HeadClaim;

static int
by_head(const void *a, const void *b)
{
  const HeadClaim *x = a;
  const HeadClaim *y = b;
  if (x->graph != y->graph) {
    return x->graph < y->graph ? -1 : 1;
  }
  if (x->subject != y->subject) {
    return x->subject < y->subject ? -1 : 1;
  }
  return x->object < y->object ? -1 : x->object > y->object;
}

/// The claims of the compare view of negotiation `root`, in `*out` (by
/// their order in lg->claims): what each source says of it or its
/// delegations (not which delegations they have, the structure, nor
/// names), and who leads or belongs to a delegation (a leader is listed
/// as a member too: once, as the leader).
static EntStatus
compare_claims(LGraph *lg,
               uint32_t root,
               const bool *about,
               Said **out,
               size_t *n_out)
{
  // The graphs' "head of" claims, sorted, for the members' look-ups.
  HeadClaim *heads = malloc((lg->n_claims + 1) * sizeof(HeadClaim));
  Said *said = malloc((lg->n_claims + 1) * sizeof(Said));
  if (!heads || !said) {
    free(heads);
    free(said);
    return ENT_ERR_NO_MEMORY;
  }
  size_t n_heads = 0;
  for (size_t i = 0; i < lg->n_claims; ++i) {
    const LClaim *h = &lg->claims[i];
    if (!strcmp(h->predicate, ENT_NS "headOf")) {
      heads[n_heads++] =
        (HeadClaim){ (uintptr_t)h->graph, h->subject, h->object };
    }
  }
  if (n_heads > 1) {
    qsort(heads, n_heads, sizeof(HeadClaim), by_head);
  }
  EntStatus st = ENT_SUCCESS;
  size_t n = 0;
  const char *last_graph = NULL;
  uint32_t g = ENT_NO_ENTITY;
  for (size_t i = 0; i < lg->n_claims && !st; ++i) {
    st = lgraph_tick(lg);
    const LClaim *c = &lg->claims[i];
    if (c->graph != last_graph) {
      last_graph = c->graph;
      g = c->graph ? find_node(lg, c->graph) : ENT_NO_ENTITY;
    }
    if (!c->graph || (g != ENT_NO_ENTITY && lg->nodes[g].kind == KIND_HIDDEN)) {
      // The corpus graph: identity, not a source's claim.  A graph that
      // is no node (somebody else's N-Quads) is a source all the same.
      continue;
    }
    const bool of_it = about[c->subject] && card_worthy(lg, c->predicate) &&
                       claim_label(lg, c->predicate) && !agreed_name(lg, c) &&
                       strcmp(c->predicate, ENT_NS "delegation") != 0 &&
                       strcmp(c->predicate, ENT_NS "represents") != 0;
    bool in_it = c->object != ENT_NO_ENTITY && about[c->object] &&
                 c->subject != root && !about[c->subject] &&
                 (!strcmp(c->predicate, ENT_NS "headOf") ||
                  !strcmp(c->predicate, ENT_NS "memberOf"));
    if (in_it && !strcmp(c->predicate, ENT_NS "memberOf")) {
      const HeadClaim key = { (uintptr_t)c->graph, c->subject, c->object };
      in_it =
        !(n_heads && bsearch(&key, heads, n_heads, sizeof(HeadClaim), by_head));
    }
    if (of_it || in_it) {
      said[n] =
        (Said){ lg, (uint32_t)i, (uint32_t)n, 0, 0, NULL, NULL, NULL, false };
      ++n;
    }
  }
  free(heads);
  *out = said;
  *n_out = n;
  return st;
}

/// The compare view of negotiation `root`: it and, for each source that
/// says something of it or of its delegations, that source's node, whose
/// label lists the source's claims, one line per property with all its
/// values; lines another source contradicts are marked with "≠" (not a
/// status that changed as the days went, nor a place within another: see
/// mark_disputed()).  Each
/// claim is looked at a few times, and sorted: no claim is compared with
/// every other.
static EntStatus
select_compare(LGraph *lg, uint32_t root)
{
  if (!lg->keep_claims) {
    return ENT_ERR_INTERNAL;
  }
  lg->nodes[root].in_view = true;
  bool *about = calloc(lg->n_nodes + 1, sizeof(bool));
  if (!about) {
    return ENT_ERR_NO_MEMORY;
  }
  // The negotiation and its delegations (by any graph).
  about[root] = true;
  for (size_t i = 0; i < lg->n_claims; ++i) {
    const LClaim *c = &lg->claims[i];
    if (c->subject == root && c->object != ENT_NO_ENTITY &&
        !strcmp(c->predicate, ENT_NS "delegation")) {
      about[c->object] = true;
    }
  }
  Said *said = NULL;
  size_t n = 0;
  EntStatus st = compare_claims(lg, root, about, &said, &n);
  if (!st && !n) {
    // Only named graphs (sources) make cards: without them the view is
    // its one node, which says nothing of why.
    ent_log(lg->world,
            ENT_LOG_WARNING,
            ENT_FAILURE,
            NULL,
            "no named graph says anything of '%s', so the compare view has "
            "no sources to set side by side; it compares what each graph "
            "of a TriG or N-Quads file (each source of entente's data) says",
            lgraph_short_name(lg, lg->nodes[root].iri));
  }
  // What each claim is about on its card, its value, its graph's place.
  EntMap ranks;
  ent_map_init(&ranks);
  uint32_t n_graphs = 0;
  char what[512];
  for (size_t k = 0; k < n && !st; ++k) {
    Said *x = &said[k];
    const LClaim *c = said_claim(x);
    claim_topic(lg, c, root, about, what, sizeof(what));
    x->topic = ent_pool_intern(&lg->strings, what);
    const bool delegate = c->subject != root && !about[c->subject];
    x->value = claim_value(lg, c);
    x->shown = delegate ? lg->nodes[c->subject].label : x->value;
    uintptr_t rank = (uintptr_t)ent_map_get(&ranks, c->graph);
    if (!rank) {
      rank = ++n_graphs;
      st = ent_map_put(&ranks, c->graph, (void *)rank);
    }
    x->graph_rank = (uint32_t)rank;
    st = st ? st : x->topic ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  ent_map_clear(&ranks);
  if (!st) {
    st = mark_disputed(said, n);
  }
  // One line per graph and topic, in the order of their first claims;
  // each line's values in the order of their claims.
  CardLine *lines = malloc((n + 1) * sizeof(CardLine));
  if (!st && !lines) {
    st = ENT_ERR_NO_MEMORY;
  }
  size_t n_lines = 0;
  if (!st) {
    qsort(said, n, sizeof(Said), by_line);
    for (size_t a = 0; a < n;) {
      size_t b = a + 1;
      while (b < n && said[b].graph_rank == said[a].graph_rank &&
             said[b].topic == said[a].topic) {
        ++b;
      }
      lines[n_lines++] = (CardLine){ said[a].graph_rank, said[a].order, a, b };
      a = b;
    }
    qsort(lines, n_lines, sizeof(CardLine), by_first_claim);
  }
  EntBuf card = { NULL, 0, 0 };
  EntBuf values = { NULL, 0, 0 };
  const size_t n_before = lg->n_edges;
  for (size_t a = 0; a < n_lines && !st;) {
    size_t b = a + 1;
    while (b < n_lines && lines[b].graph_rank == lines[a].graph_rank) {
      ++b;
    }
    const char *graph = said_claim(&said[lines[a].start])->graph;
    uint32_t source = 0;
    st = node_for(lg, graph, false, &source);
    ent_buf_reset(&card);
    for (size_t l = a; l < b && !st; ++l) {
      ent_buf_reset(&values);
      bool marked = false;
      for (size_t k = lines[l].start; k < lines[l].end && !st; ++k) {
        marked |= said[k].disputed;
        st = ent_buf_appendf(
          &values, "%s%s", values.len ? ", " : "", said[k].shown);
      }
      if (!st) {
        st = card_line(lg,
                       &card,
                       marked,
                       said[lines[l].start].topic,
                       values.buf ? values.buf : "");
      }
    }
    LNode *s = &lg->nodes[source];
    if (!st && !s->label) {
      // A graph no statement describes (somebody else's N-Quads), made a
      // node only now, after lgraph_finish() named the others.
      s->label = lgraph_short_name(lg, s->iri);
    }
    s->in_view = true;
    s->card = true;
    if (s->kind == KIND_OTHER) {
      s->kind = KIND_SOURCE;
    }
    if (!st) {
      s->facets =
        ent_pool_copy(&lg->strings, card.buf ? card.buf : "", card.len);
      st = s->facets ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    }
    if (!st) {
      st = add_made_edge(lg,
                         source,
                         root,
                         SCHEMA_NS "about",
                         "reports on",
                         graph,
                         graph ? 1 : 0);
    }
    a = b;
  }
  ent_buf_free(&card);
  ent_buf_free(&values);
  free(lines);
  free(said);
  free(about);
  // The cards say it; "mentioned in" lines would say it again.
  for (size_t i = 0; i < n_before; ++i) {
    if (lg->edges[i].flags & EDGE_SUBJECT_OF) {
      lg->edges[i].dropped = true;
    }
  }
  if (!st && lg->n_edges != n_before) {
    st = build_adjacency(lg, NULL, 0);
  }
  return st;
}

/// A warning that is shown even past the world's cap on warnings (a
/// dataset can spend it all on quotes it cannot check): once per diagram,
/// counted as a warning (--strict) and hidden as one (-w).  `message` is
/// entente's own text, no input.
static void
warn_always(EntWorld *world, const char *message)
{
  if (world->warnings < ENT_MAX_REPORTED_WARNINGS) {
    ent_log(world, ENT_LOG_WARNING, ENT_FAILURE, NULL, "%s", message);
    return;
  }
  ++world->warnings;
  world->log(world->log_handle, ENT_LOG_WARNING, ENT_FAILURE, NULL, message);
}

const char *
lgraph_narrower(const LGraph *lg)
{
  // The view asked for, not the one selected: a time limit can strike
  // before the selection.  "--view ego:ID" is no help to whoever asked
  // for one, nor "--view negotiation:ID" to whoever asked for that.
  const char *view = lg->asked_view;
  if (!strncmp(view, "ego:", 4)) {
    return lg->asked_depth > 1 ? "lower --depth or " : "";
  }
  if (!strncmp(view, "compare:", 8)) {
    return ""; // one negotiation's sources: nothing narrower to ask for
  }
  if (!strncmp(view, "negotiation:", 12) || !lg->entente_classes) {
    return "narrow the view (--view ego:ID) or ";
  }
  return "narrow the view (--view ego:ID, --view negotiation:ID) or ";
}

EntStatus
lgraph_check_options(EntWorld *world, const EntDiagramOptions *options)
{
  if (!options) {
    return ENT_SUCCESS;
  }
  if (!ent_diagram_view_is_known(options->view)) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "unknown view '%s'; use " ENT_DIAGRAM_VIEWS,
            options->view);
    return ENT_ERR_BAD_ARG;
  }
  if (!ent_language_tag_is_valid(options->lang)) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "the diagram's language '%s' is not " ENT_LANG_TAG_EXAMPLES,
            options->lang);
    return ENT_ERR_BAD_ARG;
  }
  return ENT_SUCCESS;
}

static EntStatus
select_view(LGraph *lg, const EntDiagramOptions *options)
{
  // The site selects one view after another from one graph.
  remember_view(lg, options);
  const char *view = lg->asked_view;
  const size_t max =
    options && options->max_nodes ? options->max_nodes : DEFAULT_MAX_NODES;
  uint32_t root = ENT_NO_ENTITY;
  EntStatus st = ENT_SUCCESS;
  if (!ent_diagram_view_is_known(view)) {
    return ENT_ERR_BAD_ARG; // said by lgraph_check_options(), before reading
  }
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    lg->nodes[i].in_view = false;
  }
  lg->hidden_more = 0;
  lg->ego_root = ENT_NO_ENTITY;
  if (!strcmp(view, "all") && !lg->entente_classes) {
    // Somebody else's graph: every resource, described or only pointed
    // at, whatever its class (a thesaurus is its concepts).
    for (size_t i = 0; i < lg->n_nodes && !st; ++i) {
      st = lgraph_tick(lg);
      lg->nodes[i].in_view = drawable(&lg->nodes[i]);
    }
  } else if (!strcmp(view, "all")) {
    static const Kind shown[] = { KIND_OFFICIAL,   KIND_INSTITUTION,
                                  KIND_COUNTRY,    KIND_NEGOTIATION,
                                  KIND_DELEGATION, KIND_AGREEMENT,
                                  KIND_INCIDENT,   KIND_OTHER };
    for (size_t i = 0; i < lg->n_nodes && !st; ++i) {
      st = lgraph_tick(lg);
      LNode *n = &lg->nodes[i];
      // Entente's graph: places, topics and sources are said on the
      // nodes; resources it only points at (not described) are drawn only
      // when something else about them is known.
      n->in_view = kind_in(n->kind, shown, sizeof(shown) / sizeof(*shown)) &&
                   (n->kind != KIND_OTHER || n->is_subject);
    }
    // A registry entity no exported article mentions and nothing drawn
    // relates to (NATO, in a diagram of TASS's article alone) is the
    // corpus's context, not the articles': left out, where articles
    // mention anything.
    uint8_t *linked = calloc(lg->n_nodes + 1, 1);
    if (!linked) {
      return ENT_ERR_NO_MEMORY;
    }
    bool mentions = false;
    for (size_t e = 0; e < lg->n_edges; ++e) {
      const LEdge *edge = &lg->edges[e];
      const bool mention = (edge->flags & EDGE_SUBJECT_OF) != 0;
      if (!edge->dropped && edge->from != edge->to &&
          (mention ||
           (lg->nodes[edge->from].in_view && lg->nodes[edge->to].in_view))) {
        linked[edge->from] = linked[edge->to] = 1;
        mentions |= mention;
      }
    }
    // A body or a country a drawn node is in (its cluster) relates to it,
    // whether or not an edge says so.
    for (size_t i = 0; i < lg->n_nodes && mentions; ++i) {
      const LNode *n = &lg->nodes[i];
      if (n->in_view && linked[i]) {
        for (uint32_t up = n->parent, hops = 0;
             up != ENT_NO_ENTITY && up < lg->n_nodes && hops < 64;
             up = lg->nodes[up].parent, ++hops) {
          linked[up] = 1;
          if (lg->nodes[up].country != ENT_NO_ENTITY &&
              lg->nodes[up].country < lg->n_nodes) {
            linked[lg->nodes[up].country] = 1;
          }
        }
        if (n->country != ENT_NO_ENTITY && n->country < lg->n_nodes) {
          linked[n->country] = 1;
        }
      }
    }
    for (size_t i = 0; i < lg->n_nodes && mentions; ++i) {
      lg->nodes[i].in_view &= linked[i] != 0;
    }
    free(linked);
  } else if (!strcmp(view, "timeline")) {
    static const Kind dated[] = {
      KIND_NEGOTIATION, KIND_AGREEMENT, KIND_INCIDENT, KIND_STATEMENT
    };
    for (size_t i = 0; i < lg->n_nodes && !st; ++i) {
      st = lgraph_tick(lg);
      LNode *n = &lg->nodes[i];
      n->in_view = n->date && kind_in(n->kind, dated, 4);
    }
  } else if (!strncmp(view, "negotiation:", 12) ||
             !strncmp(view, "compare:", 8)) {
    const bool compare = view[0] == 'c';
    const char *id = view + (compare ? 8 : 12);
    TRY(st, resolve(lg, id, &root));
    // Somebody else's graph has no negotiations of entente's: what its
    // graphs say of any node is compared.
    if (lg->nodes[root].kind != KIND_NEGOTIATION &&
        (!compare || lg->entente_classes)) {
      ent_log(lg->world,
              ENT_LOG_ERROR,
              ENT_ERR_WRONG_CLASS,
              NULL,
              "'%s' is not a negotiation; use --view ego:%s instead",
              id,
              id);
      return ENT_ERR_WRONG_CLASS;
    }
    if (compare) {
      TRY(st, select_compare(lg, root));
      return cap_nodes(lg, max, root);
    }
    lg->nodes[root].in_view = true;
    static const Kind around[] = { KIND_DELEGATION, KIND_TOPIC,
                                   KIND_AGREEMENT,  KIND_NEGOTIATION,
                                   KIND_OFFICIAL,   KIND_COUNTRY,
                                   KIND_INSTITUTION };
    add_neighbours(lg, root, around, sizeof(around) / sizeof(*around));
    static const Kind in_delegation[] = { KIND_OFFICIAL, KIND_COUNTRY };
    for (uint32_t i = 0; i < lg->n_nodes; ++i) {
      if (lg->nodes[i].in_view && lg->nodes[i].kind == KIND_DELEGATION) {
        add_neighbours(lg, i, in_delegation, 2);
      }
    }
  } else { // "ego:ID", the one view ent_diagram_view_is_known() has left
    TRY(st, resolve(lg, view + 4, &root));
    TRY(st,
        select_ego(lg, root, options && options->depth ? options->depth : 1));
  }
  return st ? st : cap_nodes(lg, max, root);
}

size_t
lgraph_nodes_in_view(const LGraph *lg)
{
  size_t n = 0;
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    n += lg->nodes[i].in_view;
  }
  return n;
}

EntStatus
lgraph_select(LGraph *lg, const EntDiagramOptions *options)
{
  lgraph_phase(
    lg, ENT_PHASE_DIAGRAM, "choosing the view's nodes", lg->n_nodes, 0);
  EntStatus st = select_view(lg, options);
  const size_t shown = st ? 0 : lgraph_nodes_in_view(lg);
  if (lg->layout_limit && shown > lg->layout_limit) {
    // Refused here, before the cap is said: its advice to raise
    // --max-nodes was followed by this refusal.  A cap above the limit on
    // a view below it is drawn.
    char count[32];
    char limit[32];
    format_count(shown, count);
    format_count(lg->layout_limit, limit);
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "%s nodes are too many to lay out in reasonable time (svg, png "
            "and pdf draw at most %s); %slower --max-nodes to %zu or less, "
            "or write -f dot or -f graphml, which are not laid out",
            count,
            limit,
            lgraph_narrower(lg),
            lg->layout_limit);
    return ENT_ERR_BAD_ARG;
  }
  if (!st && lg->hidden_more && !lg->quiet_cap) {
    // Said where the diagram is drawn ("+N more" and a caption) and here,
    // where whoever runs it reads.
    EntBuf note = { NULL, 0, 0 };
    EntBuf message = { NULL, 0, 0 };
    st = lgraph_cap_note(lg, &note);
    if (!st) {
      st = ent_buf_appendf(&message,
                           "the diagram is capped, %s; %sraise --max-nodes",
                           note.buf,
                           lgraph_narrower(lg));
    }
    if (!st) {
      warn_always(lg->world, message.buf);
    }
    ent_buf_free(&note);
    ent_buf_free(&message);
  }
  if (!st && !lg->quiet_cap && !lgraph_nodes_in_view(lg)) {
    const bool timeline = !strcmp(lg->asked_view, "timeline");
    warn_always(
      lg->world,
      !lg->n_nodes ? "the diagram is empty: the input holds no statement "
                     "about a resource"
      : timeline
        ? "the diagram is empty: the timeline places events, meetings, "
          "agreements and statements with a day (schema:startDate, "
          "schema:dateCreated, schema:datePublished, ent:notBefore; classes "
          "such as schema:Event, ent:Negotiation, ent:Agreement, "
          "schema:Quotation), "
          "and the input has none; try another --view"
        : "the diagram is empty: nothing of the input is in this view; try "
          "another --view");
  }
  return st;
}
