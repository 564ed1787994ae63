// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackedprocess.h"

namespace ProcViz {

bool TrackedProcess::writeInput(QByteArrayView) const
{
    return false;
}

void TrackedProcess::deliver(const TelemetryRecord& record)
{
    m_records.push_back(record);
    Q_EMIT recordsArrived();
}

std::vector<TelemetryRecord> TrackedProcess::takeRecords()
{
    std::vector<TelemetryRecord> records;
    records.swap(m_records);
    return records;
}

} // namespace ProcViz
