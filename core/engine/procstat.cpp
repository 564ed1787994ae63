// SPDX-License-Identifier: GPL-3.0-or-later
#include "procstat.h"

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace ProcViz {

namespace {
// Plain POSIX reads: this runs up to 50 times a second per worker, QFile would add allocations for nothing.
ssize_t readFile(const char* format, qint64 pid, qint64 tid, char* buffer, size_t capacity)
{
    char path[64];
    snprintf(path, sizeof path, format, static_cast<long long>(pid), static_cast<long long>(tid));
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1; // the process may have exited
    const ssize_t size = ::read(fd, buffer, capacity - 1);
    ::close(fd);
    return size;
}
} // namespace

std::optional<ProcStat> ProcStat::read(qint64 pid, qint64 tid)
{
    char buffer[1024];
    const ssize_t size = tid > 0 ? readFile("/proc/%lld/task/%lld/stat", pid, tid, buffer, sizeof buffer)
                                 : readFile("/proc/%lld/stat", pid, 0, buffer, sizeof buffer);
    if (size <= 0)
        return std::nullopt;
    auto stat = parse(QByteArrayView(buffer, size));
    // utime and stime count clock ticks (10 ms): sampled 50 times a second, a busy process would read 0 %, 100 %,
    // 200 %. A task's schedstat counts nanoseconds on a CPU, so rates stay true however often they are read. For
    // a process it covers the main thread only: taken when that is all there is, and never below the ticks,
    // which still count threads that have ended.
    if (stat && (tid > 0 || stat->threads == 1)) {
        const ssize_t got = tid > 0 ? readFile("/proc/%lld/task/%lld/schedstat", pid, tid, buffer, sizeof buffer)
                                    : readFile("/proc/%lld/schedstat", pid, 0, buffer, sizeof buffer);
        if (got > 0) {
            buffer[got] = '\0';
            char* end = nullptr;
            const auto ns = std::strtoll(buffer, &end, 10);
            if (end != buffer)
                stat->cpuSeconds = std::max(stat->cpuSeconds, double(ns) / 1e9);
        }
    }
    return stat;
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
    if (fields.size() > 17)
        stat.threads = std::max(1, fields.at(17).toInt()); // num_threads, field 20
    return stat;
}

} // namespace ProcViz
