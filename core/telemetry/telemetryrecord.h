// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>

#include <cstdint>

namespace ProcViz {

/// What a telemetry record reports.
enum class RecordKind : std::uint8_t
{
    Started = 1, ///< the worker (or one of its threads) began its work; state = its first state, value = lanes in all
    Progress, ///< value = units done, value2 = units in total
    State, ///< state = the new WorkerState
    Counter, ///< text = counter name, value = its value
    Message, ///< text = free text
    Finished, ///< value = the worker's result (e.g. a checksum of its work)
};

/// One fixed-size binary record on the wire between a worker and the engine.
///
/// 128 bytes: far below PIPE_BUF, so one write() of a record is atomic and records of threads sharing
/// a pipe never interleave. The checksum lets the decoder refuse corrupt or misaligned bytes.
struct TelemetryRecord
{
    static constexpr std::uint32_t Magic = 0x5A565050; // "PPVZ" little endian
    static constexpr std::uint16_t CurrentVersion = 1;
    static constexpr int TextCapacity = 76;

    std::uint32_t magic = Magic;
    std::uint16_t version = CurrentVersion;
    std::uint8_t kind = 0;
    std::uint8_t state = 0;
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    std::int32_t lane = 0; ///< thread index inside the worker; 0 for a single-threaded worker
    std::uint32_t reserved = 0;
    std::int64_t timestampNs = 0; ///< CLOCK_MONOTONIC, comparable across processes
    std::int64_t value = 0;
    std::int64_t value2 = 0;
    char text[TextCapacity] = {};
    std::uint32_t checksum = 0;

    RecordKind recordKind() const { return static_cast<RecordKind>(kind); }
    QByteArray textBytes() const;
    void setText(QByteArrayView bytes); ///< truncated to TextCapacity - 1, always NUL-terminated

    /// Fills in the checksum; call last, just before writing.
    void seal();
    /// Magic, version, kind, state, text termination and checksum are all as a writer leaves them.
    bool isValid() const;
    std::uint32_t computeChecksum() const;
};

static_assert(sizeof(TelemetryRecord) == 128, "the wire format is 128 bytes");

/// CLOCK_MONOTONIC now, in nanoseconds: the one clock workers and the engine share.
std::int64_t monotonicNowNs();

} // namespace ProcViz

Q_DECLARE_METATYPE(ProcViz::TelemetryRecord)
