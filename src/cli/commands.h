// SPDX-License-Identifier: MIT
// Commands of the entente program that live in their own files.  Each
// takes main()'s arguments (argv[1] is the command's name) and returns the
// exit status.  They use the public API only.
#ifndef ENT_CLI_COMMANDS_H
#define ENT_CLI_COMMANDS_H

/// `entente push DATASET... --store URL ...`: see src/cli/push.c.
int ent_cmd_push(int argc, char **argv);

/// The cores this process may run on (its affinity), at least 1.
unsigned ent_cli_usable_cores(void);

#endif // ENT_CLI_COMMANDS_H
