// SPDX-License-Identifier: GPL-3.0-or-later
#include "procstat.h"

#include <QByteArray>
#include <QList>

#include <fcntl.h>
#include <unistd.h>

namespace ProcViz {

std::optional<ProcStat> ProcStat::read(qint64 pid, qint64 tid)
{
    // Plain POSIX reads: this runs 15 times a second per worker, QFile would add allocations for nothing.
    char path[64];
    if (tid > 0)
        snprintf(
            path, sizeof path, "/proc/%lld/task/%lld/stat", static_cast<long long>(pid), static_cast<long long>(tid));
    else
        snprintf(path, sizeof path, "/proc/%lld/stat", static_cast<long long>(pid));
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt; // the process may have exited
    char buffer[1024];
    const ssize_t size = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (size <= 0)
        return std::nullopt;
    return parse(QByteArrayView(buffer, size));
}

std::optional<ProcStat> ProcStat::parse(QByteArrayView text)
{
    // Fields after the command name, which ends at the LAST ')': state ppid ... utime(14) stime(15).
    const auto close = QByteArrayView(text).lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const auto fields = text.sliced(std::min<qsizetype>(close + 2, text.size())).toByteArray().split(' ');
    if (fields.size() < 13 || fields.at(0).size() != 1)
        return std::nullopt;
    static const double ticksPerSecond = double(sysconf(_SC_CLK_TCK));
    ProcStat stat;
    stat.state = fields.at(0).at(0);
    stat.parentPid = fields.at(1).toLongLong();
    stat.cpuSeconds = double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / ticksPerSecond;
    return stat;
}

} // namespace ProcViz
