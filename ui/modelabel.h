// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ProcViz {

/// How the window names a timing mode (a phase, a choice, a result row): the id, except that "gil" reads
/// "emulated GIL", because ProcViz imitates Python's lock in C++ and must never pass it off as the real one.
QString modeLabel(const QString& mode);

} // namespace ProcViz
