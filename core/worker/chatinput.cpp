// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatinput.h"

#include <cerrno>
#include <unistd.h>

namespace ProcViz {

ChatInput::ChatInput(int fd)
    : m_fd(fd)
    , m_open(fd >= 0)
{ }

QList<QByteArray> ChatInput::readLines()
{
    char buffer[4096];
    const auto got = ::read(m_fd, buffer, sizeof buffer);
    if (got <= 0) {
        m_open = got < 0 && errno == EINTR;
        return {};
    }
    m_partial.append(buffer, got);
    QList<QByteArray> lines;
    for (qsizetype newline; (newline = m_partial.indexOf('\n')) >= 0;) {
        const QByteArray line = m_partial.left(newline).trimmed();
        m_partial.remove(0, newline + 1);
        if (!line.isEmpty())
            lines.append(line);
    }
    return lines;
}

} // namespace ProcViz
