// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpointreport.h"

#include <cstring>

namespace ProcViz {

void EndpointReport::append(char* log, std::atomic<std::int32_t>& used, QByteArrayView message)
{
    const auto at = used.load();
    if (at + message.size() + 1 > LogBytes)
        return;
    std::memcpy(log + at, message.data(), size_t(message.size()));
    log[at + message.size()] = '\n';
    used.store(std::int32_t(at + message.size() + 1));
}

QStringList EndpointReport::lines(const char* log, const std::atomic<std::int32_t>& bytes)
{
    auto lines = QString::fromUtf8(log, bytes.load()).split(QLatin1Char('\n'));
    lines.removeLast(); // after the last '\n'
    return lines;
}

} // namespace ProcViz
