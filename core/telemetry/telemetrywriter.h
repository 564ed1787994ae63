// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workerstate.h"
#include "telemetryrecord.h"

namespace ProcViz {

/// Worker side of a telemetry channel: writes whole records to the file descriptor the engine handed over.
///
/// Thread-safe without a lock: each record goes out in one write() of 128 bytes, which the kernel keeps
/// whole on a pipe. Every record is stamped with the caller's pid and tid, so threads appear as their own lanes.
/// States are not sent from here but through a StateClock per lane, which measures them without loss.
class TelemetryWriter
{
public:
    explicit TelemetryWriter(int fd);

    /// The worker (lane) begins at @p nowNs, in @p initial state: a thread that must first wait for a lock
    /// starts Waiting. @p laneCount is how many lanes the worker will have in all, so its overall progress
    /// never jumps back.
    void started(int lane, WorkerState initial, int laneCount, std::int64_t nowNs) const;
    void progress(std::int64_t done, std::int64_t total, int lane = 0) const;
    /// An interval of @p state from @p beginNs to @p endNs, or from @p beginNs on when @p endNs is 0.
    void interval(WorkerState state, std::int64_t beginNs, std::int64_t endNs, int lane) const;
    /// Short states summed over [@p beginNs, @p endNs): nanoseconds per measured state, adding up to the span.
    void mix(std::int64_t beginNs, std::int64_t endNs, const TelemetryRecord::Shares& shares, int lane) const;
    void counter(QByteArrayView name, std::int64_t value, int lane = 0) const;
    void message(QByteArrayView text, int lane = 0) const;
    /// A labelled piece of work (a pool task), open while @p endNs is 0; sent again with its end when done.
    void span(int index, QByteArrayView label, std::int64_t beginNs, std::int64_t endNs, int lane = 0) const;
    /// Something another process gave this one: a queue item, a message, a permit, the lock. Sent by the taker.
    void handoff(std::int32_t giverPid, std::int64_t givenNs, std::int64_t takenNs, QByteArrayView label,
        int lane = 0) const;
    /// The lane's work ended at @p nowNs with @p result.
    void finished(std::int64_t result, int lane, std::int64_t nowNs) const;

    /// Sends one record as it is, after stamping and sealing it.
    void send(TelemetryRecord record) const;

    /// The environment variable through which the engine names the channel's descriptor.
    static constexpr const char* FdVariable = "PROCVIZ_TELEMETRY_FD";

private:
    int m_fd;
};

} // namespace ProcViz
