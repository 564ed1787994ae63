// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetry/telemetryrecord.h"

#include <cstdint>

namespace ProcViz {

/// A pause the lesson asks for after each message (--send-ms, --recv-ms), kept as a deadline rather than slept:
/// a poll() loop waits for its end alongside its descriptors, so a chat line or a reply is not held up by it.
class Pause
{
public:
    explicit Pause(std::int64_t ms)
        : m_lengthNs(ms * 1'000'000)
    { }

    /// The pause starts at @p nowNs.
    void begin(std::int64_t nowNs) { m_endNs = nowNs + m_lengthNs; }
    /// Over, or none was asked for: then without a clock read, which a count run would pay a million times.
    bool isOver() const { return m_lengthNs == 0 || monotonicNowNs() >= m_endNs; }
    std::int64_t endNs() const { return m_endNs; }

private:
    const std::int64_t m_lengthNs;
    std::int64_t m_endNs = 0; ///< before the first begin(): over at once
};

} // namespace ProcViz
