// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetrydecoder.h"

#include <cstring>

namespace ProcViz {

namespace {
constexpr qsizetype RecordSize = sizeof(TelemetryRecord);

// Where the next plausible record begins after @p from, or -1.
qsizetype findMagic(const QByteArray& bytes, qsizetype from)
{
    const auto magic = TelemetryRecord::Magic;
    return bytes.indexOf(QByteArrayView(reinterpret_cast<const char*>(&magic), sizeof magic), from);
}
} // namespace

void TelemetryDecoder::feed(QByteArrayView bytes, std::vector<TelemetryRecord>& out)
{
    m_pending.append(bytes);
    qsizetype offset = 0;
    while (m_pending.size() - offset >= RecordSize) {
        TelemetryRecord record;
        std::memcpy(&record, m_pending.constData() + offset, RecordSize);
        if (record.isValid()) {
            out.push_back(record);
            ++m_decoded;
            offset += RecordSize;
            continue;
        }
        ++m_malformed;
        const auto next = findMagic(m_pending, offset + 1);
        offset
            = next < 0 ? std::max(offset + 1, m_pending.size() - qsizetype(sizeof(TelemetryRecord::Magic)) + 1) : next;
    }
    m_pending.remove(0, offset);
}

void TelemetryDecoder::finish()
{
    // Only the start of a record counts as a truncated record; up to three bytes of noise kept back in case
    // they began a magic number were already counted with the noise they came from.
    const auto magic = TelemetryRecord::Magic;
    const QByteArrayView magicBytes(reinterpret_cast<const char*>(&magic), sizeof magic);
    const bool recordStart
        = m_pending.size() >= magicBytes.size() ? m_pending.startsWith(magicBytes) : magicBytes.startsWith(m_pending);
    if (!m_pending.isEmpty() && recordStart)
        ++m_malformed;
    m_pending.clear();
}

} // namespace ProcViz
