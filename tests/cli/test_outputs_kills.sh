#!/usr/bin/env bash
# One shard of tests/cli/outputs.sh (see there).
exec bash "$(dirname "$0")/outputs.sh" kills
