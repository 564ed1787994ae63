// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerstate.h"

#include <array>

namespace ProcViz {

namespace {
constexpr std::array<const char*, WorkerStateCount> Names
    = {"running", "waiting", "holding", "sleeping", "stopped", "zombie", "done"};
}

QString stateName(WorkerState state)
{
    return QString::fromLatin1(Names.at(static_cast<size_t>(state)));
}

std::optional<WorkerState> stateFromName(QStringView name)
{
    for (size_t i = 0; i < Names.size(); ++i) {
        if (name == QLatin1String(Names[i]))
            return static_cast<WorkerState>(i);
    }
    return std::nullopt;
}

} // namespace ProcViz
