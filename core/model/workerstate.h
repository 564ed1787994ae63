// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace ProcViz {

/// The fixed vocabulary of what a worker (or one of its threads) is doing.
enum class WorkerState : std::uint8_t
{
    Running,
    Waiting, ///< blocked on something another worker has (a lock, a permit, a queue slot)
    Holding, ///< inside a section guarded by a lock or a permit
    Sleeping,
    Stopped, ///< SIGSTOPped: seen by the engine in /proc, not reported by the worker
    Done,
};

constexpr int WorkerStateCount = 6;

QString stateName(WorkerState state); ///< the stable English id used in exports: "running", ...
std::optional<WorkerState> stateFromName(QStringView name);
bool isValidState(int value);

} // namespace ProcViz
