// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ProcViz {

/// How the window names a timing mode (a phase, a choice, a result row): the id, except that "gil" reads
/// "emulated GIL", because ProcViz imitates Python's lock in C++ and must never pass it off as the real one.
QString modeLabel(const QString& mode);

/// How the window names a worker process: "worker 2", or by its role where the scenario has distinct ones
/// ("producer 0", "consumer 1", "sender 0"). With @p brief, workers are "w2" to save room on a lane label.
QString workerLabel(const QString& role, int index, bool brief = false);

} // namespace ProcViz
