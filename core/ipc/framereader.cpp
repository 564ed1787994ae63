// SPDX-License-Identifier: GPL-3.0-or-later
#include "framereader.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace ProcViz {

namespace {
constexpr qsizetype HeaderBytes = sizeof(FrameHeader);
}

FrameReader::FrameReader(int fd)
    : m_fd(fd)
{ }

bool FrameReader::readMore()
{
    discardHandled(); // the views handed out end here anyway
    const auto kept = m_buffer.size();
    m_buffer.resize(kept + ReadBytes); // read straight into the buffer, behind what is kept
    ssize_t got;
    while ((got = ::read(m_fd, m_buffer.data() + kept, size_t(ReadBytes))) < 0 && errno == EINTR) { }
    m_buffer.resize(kept + std::max<qsizetype>(got, 0));
    return got > 0;
}

bool FrameReader::next(FrameHeader* header, QByteArrayView* payload)
{
    if (!hasWholeFrame())
        return false;
    std::memcpy(header, m_buffer.constData() + m_handled, sizeof *header);
    *payload = QByteArrayView(m_buffer).sliced(m_handled + HeaderBytes, header->bytes);
    m_handled += HeaderBytes + header->bytes;
    return true;
}

void FrameReader::discardHandled()
{
    m_buffer.remove(0, m_handled);
    m_handled = 0;
}

bool FrameReader::hasWholeFrame() const
{
    const auto left = m_buffer.size() - m_handled;
    if (left < HeaderBytes)
        return false;
    FrameHeader header;
    std::memcpy(&header, m_buffer.constData() + m_handled, sizeof header);
    return left - HeaderBytes >= qsizetype(header.bytes);
}

} // namespace ProcViz
