// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetryrecord.h"

#include "crc32.h"

#include <cstring>
#include <ctime>

namespace ProcViz {

QByteArray TelemetryRecord::textBytes() const
{
    return QByteArray(text, static_cast<qsizetype>(strnlen(text, TextCapacity)));
}

void TelemetryRecord::setText(QByteArrayView bytes)
{
    const auto length = std::min<qsizetype>(bytes.size(), TextCapacity - 1);
    std::memset(text, 0, sizeof text);
    std::memcpy(text, bytes.data(), static_cast<size_t>(length));
}

TelemetryRecord::Shares TelemetryRecord::shares() const
{
    Shares shares;
    std::memcpy(shares.data(), text, sizeof shares);
    return shares;
}

void TelemetryRecord::setShares(const Shares& shares)
{
    std::memset(text, 0, sizeof text);
    std::memcpy(text, shares.data(), sizeof shares);
}

std::uint32_t TelemetryRecord::computeChecksum() const
{
    return crc32(this, offsetof(TelemetryRecord, checksum));
}

void TelemetryRecord::seal()
{
    checksum = computeChecksum();
}

bool TelemetryRecord::isValid() const
{
    if (magic != Magic || version != CurrentVersion)
        return false;
    if (kind < static_cast<std::uint8_t>(RecordKind::Started) || kind > static_cast<std::uint8_t>(RecordKind::GilLayout))
        return false;
    if ((recordKind() == RecordKind::State || recordKind() == RecordKind::Started) && !isMeasuredState(state))
        return false;
    if (text[TextCapacity - 1] != '\0' || checksum != computeChecksum())
        return false;
    switch (recordKind()) {
    case RecordKind::State:
    case RecordKind::Span:
        return value > 0 && (value2 == 0 || value2 >= value);
    case RecordKind::Handoff:
        return value > 0 && value2 >= value;
    case RecordKind::Process:
        return state <= static_cast<std::uint8_t>(ProcessRole::Helper) && pid > 0 && tid == pid && aux > 0
            && value > 0;
    case RecordKind::Exited:
        // An exit status is 0..255; a signal number at most SIGRTMAX (64).
        return aux > 0 && value >= -64 && value <= 255 && value2 > 0;
    case RecordKind::GilLayout:
        // A user-space address, and an offset inside a PyThreadState (a few hundred bytes on 3.11).
        return value > 0 && aux > 0 && aux < 4096;
    case RecordKind::Mix: {
        // Contiguous short intervals: every nanosecond of the window belongs to exactly one state.
        if (value <= 0 || value2 <= value) // checked before subtracting: hostile values must not overflow
            return false;
        const auto span = value2 - value;
        if (span > MaxMixSpanNs)
            return false;
        std::int64_t sum = 0;
        for (const auto share : shares()) {
            if (share < 0 || share > span)
                return false;
            sum += share;
        }
        return sum == span;
    }
    default:
        return true;
    }
}

std::int64_t monotonicNowNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace ProcViz
