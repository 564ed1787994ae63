// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ProcViz {

/// The whole of procviz-worker: `procviz-worker <scenario> <role> <index>`, with the telemetry descriptor,
/// the parameters and the parent's PID in the environment the engine sets up.
/// Exit codes: what the scenario's body returns; 64 for bad usage, 71 when the parent is already gone.
int workerMain(int argc, char** argv);

} // namespace ProcViz
