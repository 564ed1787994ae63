// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetryrecord.h"

#include <QByteArray>

#include <vector>

namespace ProcViz {

/// Turns the byte stream of one telemetry channel back into records.
///
/// Bytes arrive in arbitrary chunks (a read may end mid-record). A record that fails validation is
/// never passed on: the decoder counts it and resynchronises on the next magic number.
class TelemetryDecoder
{
public:
    /// Appends every complete, valid record found so far to @p out.
    void feed(QByteArrayView bytes, std::vector<TelemetryRecord>& out);

    /// End of stream: bytes of an incomplete last record count as one malformed (truncated) record.
    void finish();

    quint64 decodedCount() const { return m_decoded; }
    /// Records refused (bad magic, version, kind, checksum); each resynchronisation counts once.
    quint64 malformedCount() const { return m_malformed; }
    /// Bytes held back because they do not yet make a whole record; non-zero at end of stream means truncation.
    qsizetype pendingBytes() const { return m_pending.size(); }

private:
    QByteArray m_pending;
    quint64 m_decoded = 0;
    quint64 m_malformed = 0;
};

} // namespace ProcViz
