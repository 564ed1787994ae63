// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace ProcViz {

/// The CPython that runs the lessons' programs: found on PATH as `python3` or named by the user, and new
/// enough (3.11: the observer's hooks and the GIL layout it reads are those of 3.11 and later).
struct PythonInterpreter
{
    static constexpr int MinimumMinor = 11; ///< of Python 3

    QString path; ///< absolute
    int major = 0;
    int minor = 0;

    QString version() const { return QStringLiteral("%1.%2").arg(major).arg(minor); }

    /// @p requested: a path, or empty for `python3` on PATH. Nothing, and @p error saying why in words a
    /// student can act on, when there is none, it does not start, or it is too old. The version is asked of
    /// the interpreter once per path and then remembered.
    static std::optional<PythonInterpreter> find(const QString& requested, QString* error);
};

} // namespace ProcViz
