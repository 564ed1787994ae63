// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetrywriter.h"

#include <cerrno>
#include <sys/syscall.h>
#include <unistd.h>

namespace ProcViz {

namespace {
TelemetryRecord makeRecord(RecordKind kind, int lane)
{
    TelemetryRecord record;
    record.kind = static_cast<std::uint8_t>(kind);
    record.lane = lane;
    return record;
}
} // namespace

TelemetryWriter::TelemetryWriter(int fd)
    : m_fd(fd)
{ }

void TelemetryWriter::send(TelemetryRecord record) const
{
    // Workers never fork after their first record: one getpid()/gettid() per thread, not two syscalls a record.
    static thread_local const std::int32_t pid = getpid();
    static thread_local const auto tid = static_cast<std::int32_t>(syscall(SYS_gettid));
    record.pid = pid;
    record.tid = tid;
    record.timestampNs = monotonicNowNs();
    record.seal();
    const auto* bytes = reinterpret_cast<const char*>(&record);
    ssize_t written;
    do {
        written = ::write(m_fd, bytes, sizeof record);
    } while (written < 0 && errno == EINTR);
    // The engine is gone (EPIPE) or the channel is broken: nobody is left to work for.
    if (written != ssize_t(sizeof record))
        _exit(70);
}

void TelemetryWriter::started(int lane, WorkerState initial, int laneCount) const
{
    auto record = makeRecord(RecordKind::Started, lane);
    record.state = static_cast<std::uint8_t>(initial);
    record.value = laneCount;
    send(record);
}

void TelemetryWriter::progress(std::int64_t done, std::int64_t total, int lane) const
{
    auto record = makeRecord(RecordKind::Progress, lane);
    record.value = done;
    record.value2 = total;
    send(record);
}

void TelemetryWriter::state(WorkerState state, int lane) const
{
    auto record = makeRecord(RecordKind::State, lane);
    record.state = static_cast<std::uint8_t>(state);
    send(record);
}

void TelemetryWriter::counter(QByteArrayView name, std::int64_t value, int lane) const
{
    auto record = makeRecord(RecordKind::Counter, lane);
    record.setText(name);
    record.value = value;
    send(record);
}

void TelemetryWriter::message(QByteArrayView text, int lane) const
{
    auto record = makeRecord(RecordKind::Message, lane);
    record.setText(text);
    send(record);
}

void TelemetryWriter::finished(std::int64_t result, int lane) const
{
    auto record = makeRecord(RecordKind::Finished, lane);
    record.value = result;
    send(record);
}

} // namespace ProcViz
