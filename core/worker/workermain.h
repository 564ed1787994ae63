// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ProcViz {

/// The whole of procviz-worker: `procviz-worker <scenario> <role> <index>`, with the telemetry descriptor,
/// the parameters and the parent's PID in the environment the engine sets up.
/// Runs either as main() of an exec'd procviz-worker or, as the engine does it, in a clone of the spawner
/// (spawnermain.h), which has put the descriptors and environment in place first.
/// Exit codes: what the scenario's body returns; 64 for bad usage, 71 when the parent is already gone.
int workerMain(int argc, char** argv);

} // namespace ProcViz
