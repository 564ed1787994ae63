// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <optional>

namespace ProcViz {

/// One reading of /proc/<pid>/stat (or /proc/<pid>/task/<tid>/stat).
struct ProcStat
{
    char state = '?'; ///< R running, S sleeping, D disk sleep, T stopped, Z zombie, ...
    qint64 parentPid = 0;
    double cpuSeconds = 0; ///< utime + stime; to the nanosecond (schedstat) for one thread or a single-threaded process
    int threads = 1;

    /// Nothing when the process is already gone: expected, workers end at any moment.
    static std::optional<ProcStat> read(qint64 pid, qint64 tid = 0);
    /// Parses the text of a stat file; the command name may hold spaces and parentheses.
    static std::optional<ProcStat> parse(QByteArrayView text);
};

} // namespace ProcViz
