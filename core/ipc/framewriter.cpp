// SPDX-License-Identifier: GPL-3.0-or-later
#include "framewriter.h"

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace ProcViz {

FrameWriter::FrameWriter(int fd)
    : m_fd(fd)
{
    m_buffer.reserve(Capacity);
}

FrameWriter::Status FrameWriter::append(const FrameHeader& header, QByteArrayView payload)
{
    Q_ASSERT(payload.size() == qsizetype(header.bytes) && payload.size() <= MaxPayload);
    if (m_buffer.size() + qsizetype(sizeof header) + payload.size() > Capacity) {
        if (const auto status = flush(); status != Status::Ok)
            return status;
    }
    m_buffer.append(reinterpret_cast<const char*>(&header), sizeof header);
    m_buffer.append(payload.data(), payload.size());
    return Status::Ok;
}

FrameWriter::Status FrameWriter::flush()
{
    qsizetype done = 0;
    while (done < m_buffer.size()) {
        // Never more than Capacity at once, even when a full socket made the buffer grow: every write() stays atomic.
        const auto chunk = std::min(m_buffer.size() - done, Capacity);
        const auto written = ::write(m_fd, m_buffer.constData() + done, size_t(chunk));
        if (written >= 0) {
            done += written;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break; // non-blocking and full: the rest waits for POLLOUT
        m_error = errno;
        m_buffer.clear(); // what could not be written never will be
        return m_error == EPIPE || m_error == ECONNRESET ? Status::BrokenPipe : Status::Failed;
    }
    if (done == m_buffer.size())
        m_buffer.resize(0); // keeps the capacity: no allocation on the next append
    else
        m_buffer.remove(0, done);
    return Status::Ok;
}

} // namespace ProcViz
