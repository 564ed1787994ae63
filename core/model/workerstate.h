// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace ProcViz {

/// The fixed vocabulary of what a worker (or one of its threads) is doing.
///
/// The first MeasuredStateCount states are measured by the worker itself, on its own clock; the others
/// are seen by the engine: SIGSTOP and the zombie in /proc, the end of the work in the Finished record.
enum class WorkerState : std::uint8_t
{
    Running,
    Waiting, ///< blocked on something another worker has (a lock, a permit, a queue slot, a message)
    Holding, ///< inside a section guarded by a lock or a permit
    Sleeping, ///< the lesson's own pause (time.sleep)
    Stopped, ///< SIGSTOPped: seen by the engine in /proc, not reported by the worker
    Zombie, ///< exited, not yet reaped (joined) by its parent: state Z in /proc; the engine learns it from the pidfd
    Done, ///< its work is finished (from the Finished record until the process exits)
};

constexpr int WorkerStateCount = 7;
/// Running, waiting, holding and sleeping: what a worker's own clock measures.
constexpr int MeasuredStateCount = 4;

QString stateName(WorkerState state); ///< the stable English id used in exports: "running", ...
std::optional<WorkerState> stateFromName(QStringView name);
/// A state a worker reports about itself (State and Mix records); the engine adds the others.
constexpr bool isMeasuredState(int value)
{
    return value >= 0 && value < MeasuredStateCount;
}

} // namespace ProcViz
