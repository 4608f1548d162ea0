// SPDX-License-Identifier: MIT
// Commands of the entente program that live in their own files.  Each
// takes main()'s arguments (argv[1] is the command's name) and returns the
// exit status.  They use the public API only.
#ifndef ENT_CLI_COMMANDS_H
#define ENT_CLI_COMMANDS_H

/// `entente push DATASET... --store URL ...`: see src/cli/push.c.
int ent_cmd_push(int argc, char **argv);

#endif // ENT_CLI_COMMANDS_H
