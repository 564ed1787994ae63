// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace ProcViz {

/// Writes @p bytes to @p path through a temporary file renamed into place, so a reader never sees half an
/// export. On failure returns false and, if given, sets @p error to a message naming the file.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);

} // namespace ProcViz
