// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workerstate.h"

#include <QByteArray>
#include <QMetaType>

#include <array>
#include <cstdint>

namespace ProcViz {

/// What a telemetry record reports. Times in value and value2 are CLOCK_MONOTONIC nanoseconds, taken by
/// the worker when the thing happened (the record's own timestamp says when it was sent).
enum class RecordKind : std::uint8_t
{
    Started = 1, ///< the worker (or one of its threads) began; state = its first state, value = lanes in all,
                 ///< value2 = when (0: the timestamp)
    Progress, ///< value = units done, value2 = units in total
    State, ///< an interval: state from value to value2, or from value on while value2 is 0 (it still lasts)
    Counter, ///< text = counter name, value = its value
    Message, ///< text = free text
    Finished, ///< value = the worker's result (e.g. a checksum of its work), value2 = when (0: the timestamp)
    Mix, ///< from value to value2, states too short to report one by one: shares() = nanoseconds per state
    Span, ///< a piece of work (a pool task): aux = its index, text = its label, value to value2 (0: still on)
    Handoff, ///< reported by the taker: aux = the giver's pid, given at value, taken at value2, text = what
    // Sent by the Python observer (resources/python/observer), about processes the engine did not start itself:
    Process, ///< a process of the program began: pid = tid = it, aux = the pid of the process that started it,
             ///< value = when, state = its ProcessRole, text = its multiprocessing name ("MainProcess", "Process-1")
    Exited, ///< the sender learnt that its child aux ended: value = exit code (>= 0) or -signal, value2 = when
    GilLayout, ///< where the sender keeps the GIL holder (CPython 3.11): value = the address, in the sender, of
               ///< _PyRuntime.gilstate.tstate_current; aux = the offset of native_thread_id in a PyThreadState
};

/// A Process record's state: what part the process plays in the program.
enum class ProcessRole : std::uint8_t
{
    Main, ///< the program itself
    Worker, ///< a multiprocessing Process or Pool worker
    Helper, ///< the forkserver or the resource tracker: shown apart, never counted as a worker
};

/// One fixed-size binary record on the wire between a worker and the engine.
///
/// 128 bytes: far below PIPE_BUF, so one write() of a record is atomic and records of threads sharing
/// a pipe never interleave. The checksum (CRC-32, as zlib computes it over the 124 bytes before it) lets the
/// decoder refuse corrupt or misaligned bytes; the Python observer seals records with zlib.crc32, which costs
/// it a fraction of a microsecond where a checksum in pure Python would cost ten.
struct TelemetryRecord
{
    static constexpr std::uint32_t Magic = 0x5A565050; // "PPVZ" little endian
    static constexpr std::uint16_t CurrentVersion = 3; // 3: CRC-32 instead of FNV-1a; Process, Exited, GilLayout
    static constexpr int TextCapacity = 76;
    /// The longest span a Mix record may cover: the worker sends one at most every 10 ms, with room to spare.
    static constexpr std::int64_t MaxMixSpanNs = 20'000'000;
    using Shares = std::array<std::int64_t, MeasuredStateCount>;

    std::uint32_t magic = Magic;
    std::uint16_t version = CurrentVersion;
    std::uint8_t kind = 0;
    std::uint8_t state = 0;
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    std::int32_t lane = 0; ///< thread index inside the worker; 0 for a single-threaded worker
    std::int32_t aux = 0; ///< Span: the task index; Handoff: the giver's pid; Process: the parent; Exited: the child
    std::int64_t timestampNs = 0; ///< CLOCK_MONOTONIC when sent, comparable across processes
    std::int64_t value = 0;
    std::int64_t value2 = 0;
    char text[TextCapacity] = {}; ///< text, or a Mix record's shares (the last byte stays 0 either way)
    std::uint32_t checksum = 0;

    RecordKind recordKind() const { return static_cast<RecordKind>(kind); }
    QByteArray textBytes() const;
    void setText(QByteArrayView bytes); ///< truncated to TextCapacity - 1, always NUL-terminated
    /// A Mix record's nanoseconds per measured state (running, waiting, holding, sleeping), kept in text.
    Shares shares() const;
    void setShares(const Shares& shares);

    /// Fills in the checksum; call last, just before writing.
    void seal();
    /// Magic, version, kind, state, text termination and checksum are all as a writer leaves them, a Mix
    /// record's shares add up to its span, and the observer's records carry what their kind promises.
    bool isValid() const;
    std::uint32_t computeChecksum() const;
};

static_assert(sizeof(TelemetryRecord) == 128, "the wire format is 128 bytes");
static_assert(sizeof(TelemetryRecord::Shares) < TelemetryRecord::TextCapacity, "the shares fit in the text");

/// CLOCK_MONOTONIC now, in nanoseconds: the one clock workers and the engine share.
std::int64_t monotonicNowNs();

} // namespace ProcViz

Q_DECLARE_METATYPE(ProcViz::TelemetryRecord)
