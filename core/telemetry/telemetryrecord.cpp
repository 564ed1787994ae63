// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetryrecord.h"

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
    // FNV-1a over every byte before the checksum field.
    const auto* bytes = reinterpret_cast<const unsigned char*>(this);
    std::uint32_t hash = 2166136261u;
    for (size_t i = 0; i < offsetof(TelemetryRecord, checksum); ++i) {
        hash ^= bytes[i];
        hash *= 16777619u;
    }
    return hash;
}

void TelemetryRecord::seal()
{
    checksum = computeChecksum();
}

bool TelemetryRecord::isValid() const
{
    if (magic != Magic || version != CurrentVersion)
        return false;
    if (kind < static_cast<std::uint8_t>(RecordKind::Started) || kind > static_cast<std::uint8_t>(RecordKind::Handoff))
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
