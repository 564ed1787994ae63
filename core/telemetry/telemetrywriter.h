// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workerstate.h"
#include "telemetryrecord.h"

namespace ProcViz {

/// Worker side of a telemetry channel: writes whole records to the file descriptor the engine handed over.
///
/// Thread-safe without a lock: each record goes out in one write() of 128 bytes, which the kernel keeps
/// whole on a pipe. Every record is stamped with the caller's pid and tid, so threads appear as their own lanes.
class TelemetryWriter
{
public:
    explicit TelemetryWriter(int fd);

    /// The worker (lane) begins, in @p initial state: a thread that must first wait for a lock starts Waiting.
    /// @p laneCount is how many lanes the worker will have in all, so its overall progress never jumps back.
    void started(int lane = 0, WorkerState initial = WorkerState::Running, int laneCount = 1) const;
    void progress(std::int64_t done, std::int64_t total, int lane = 0) const;
    void state(WorkerState state, int lane = 0) const;
    void counter(QByteArrayView name, std::int64_t value, int lane = 0) const;
    void message(QByteArrayView text, int lane = 0) const;
    void finished(std::int64_t result, int lane = 0) const;

    /// Sends one record as it is, after stamping and sealing it.
    void send(TelemetryRecord record) const;

    /// The environment variable through which the engine names the channel's descriptor.
    static constexpr const char* FdVariable = "PROCVIZ_TELEMETRY_FD";

private:
    int m_fd;
};

} // namespace ProcViz
