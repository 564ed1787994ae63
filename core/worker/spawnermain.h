// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ProcViz {

/// procviz-worker in spawner mode, `procviz-worker --spawner`, as started by the engine's Spawner: serves
/// spawn requests on descriptor SpawnChannel::SpawnerFd until the engine closes its end, creating each
/// worker as a clone of itself that then runs workerMain(). Exit codes: 0 when the engine closed the
/// socket, 64 for bad usage, 70 when cloning is not safe here (the engine is told why), 71 when the parent
/// is already gone.
int spawnerMain(int argc, char** argv);

} // namespace ProcViz
