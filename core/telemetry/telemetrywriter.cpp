// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetrywriter.h"

#include <algorithm>
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

void TelemetryWriter::started(int lane, WorkerState initial, int laneCount, std::int64_t nowNs) const
{
    auto record = makeRecord(RecordKind::Started, lane);
    record.state = static_cast<std::uint8_t>(initial);
    record.value = laneCount;
    record.value2 = nowNs;
    send(record);
}

void TelemetryWriter::progress(std::int64_t done, std::int64_t total, int lane) const
{
    auto record = makeRecord(RecordKind::Progress, lane);
    record.value = done;
    record.value2 = total;
    send(record);
}

void TelemetryWriter::interval(WorkerState state, std::int64_t beginNs, std::int64_t endNs, int lane) const
{
    auto record = makeRecord(RecordKind::State, lane);
    record.state = static_cast<std::uint8_t>(state);
    record.value = beginNs;
    record.value2 = endNs;
    send(record);
}

void TelemetryWriter::mix(
    std::int64_t beginNs, std::int64_t endNs, const TelemetryRecord::Shares& shares, int lane) const
{
    auto record = makeRecord(RecordKind::Mix, lane);
    record.value = beginNs;
    record.value2 = endNs;
    record.setShares(shares);
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

void TelemetryWriter::span(int index, QByteArrayView label, std::int64_t beginNs, std::int64_t endNs, int lane) const
{
    auto record = makeRecord(RecordKind::Span, lane);
    record.aux = index;
    record.setText(label);
    record.value = beginNs;
    record.value2 = endNs;
    send(record);
}

void TelemetryWriter::handoff(
    std::int32_t giverPid, std::int64_t givenNs, std::int64_t takenNs, QByteArrayView label, int lane) const
{
    auto record = makeRecord(RecordKind::Handoff, lane);
    record.aux = giverPid;
    record.value = givenNs;
    record.value2 = std::max(givenNs, takenNs);
    record.setText(label);
    send(record);
}

void TelemetryWriter::finished(std::int64_t result, int lane, std::int64_t nowNs) const
{
    auto record = makeRecord(RecordKind::Finished, lane);
    record.value = result;
    record.value2 = nowNs;
    send(record);
}

} // namespace ProcViz
