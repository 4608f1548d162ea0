// SPDX-License-Identifier: MIT
// The public header must compile on its own and every _free accept NULL.
#include "entente.h"

int
main(void)
{
  ent_world_free(NULL);
  ent_ontology_free(NULL);
  ent_graph_free(NULL);
  ent_output_abort(NULL);
  return ent_strerror(ENT_SUCCESS)[0] == 'S' ? 0 : 1;
}
