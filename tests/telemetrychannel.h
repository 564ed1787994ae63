// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetry/telemetrydecoder.h"
#include "telemetry/telemetrywriter.h"

#include <QList>
#include <QtGlobal>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <thread>
#include <unistd.h>
#include <vector>

/// A telemetry channel for code that runs inside the test process: a pipe drained by a thread of its own (so a
/// writer never blocks on a full pipe), whose records the test reads once the writers are done.
class TelemetryChannel
{
public:
    TelemetryChannel()
        : m_drain([this] { drain(); })
    {
        if (!m_piped)
            qFatal("pipe2: %s", strerror(errno));
    }
    ~TelemetryChannel() { end(); }
    TelemetryChannel(const TelemetryChannel&) = delete;
    TelemetryChannel& operator=(const TelemetryChannel&) = delete;

    const ProcViz::TelemetryWriter& writer() const { return m_writer; }

    /// Everything written; ends the channel, so call it once the writers are done.
    const std::vector<ProcViz::TelemetryRecord>& records()
    {
        end();
        return m_records;
    }

    QList<QByteArray> messages()
    {
        QList<QByteArray> texts;
        for (const auto& record : records()) {
            if (record.recordKind() == ProcViz::RecordKind::Message)
                texts.append(record.textBytes());
        }
        return texts;
    }

    std::vector<ProcViz::TelemetryRecord> handoffs()
    {
        std::vector<ProcViz::TelemetryRecord> found;
        for (const auto& record : records()) {
            if (record.recordKind() == ProcViz::RecordKind::Handoff)
                found.push_back(record);
        }
        return found;
    }

    /// Nanoseconds reported in @p state: closed intervals and the shares of mixes (an open interval is closed
    /// later by a record of its own).
    std::int64_t totalNs(ProcViz::WorkerState state)
    {
        std::int64_t total = 0;
        for (const auto& record : records()) {
            if (record.recordKind() == ProcViz::RecordKind::State && record.state == std::uint8_t(state)
                && record.value2 != 0)
                total += record.value2 - record.value;
            if (record.recordKind() == ProcViz::RecordKind::Mix)
                total += record.shares()[size_t(state)];
        }
        return total;
    }

private:
    void drain()
    {
        char buffer[64 * 1024];
        for (ssize_t got; (got = ::read(m_fds[0], buffer, sizeof buffer)) != 0;) {
            if (got > 0)
                m_bytes.append(buffer, got);
            else if (errno != EINTR)
                break;
        }
    }
    void end()
    {
        if (m_fds[1] < 0)
            return;
        ::close(m_fds[1]);
        m_fds[1] = -1;
        m_drain.join();
        ::close(m_fds[0]);
        ProcViz::TelemetryDecoder decoder;
        decoder.feed(m_bytes, m_records);
    }

    int m_fds[2] = {-1, -1};
    const bool m_piped = pipe2(m_fds, O_CLOEXEC) == 0;
    ProcViz::TelemetryWriter m_writer {m_fds[1]};
    QByteArray m_bytes; ///< written by the drain thread until it is joined
    std::vector<ProcViz::TelemetryRecord> m_records;
    std::thread m_drain;
};
